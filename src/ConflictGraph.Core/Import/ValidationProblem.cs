namespace ConflictGraph.Core.Import;

/// <summary>One thing wrong with an input, at a JSON path such as <c>relations[3].toId</c>.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>An input batch failed validation; nothing was written.</summary>
public sealed class GraphValidationException(IReadOnlyList<ValidationProblem> problems)
    : Exception($"{problems.Count} problem(s) in the input: {string.Join("; ", problems.Take(5))}")
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
