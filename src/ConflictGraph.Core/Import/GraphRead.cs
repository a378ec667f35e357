namespace ConflictGraph.Core.Import;

/// <summary>
/// What reading input files gave: the merged input, where each item came from, and any problem
/// that kept a file from being read (then the input is incomplete and must not be imported).
/// </summary>
public sealed record GraphRead(GraphInput Input, InputOrigins Origins, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
