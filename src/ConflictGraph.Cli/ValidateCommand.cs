using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli;

/// <summary><c>validate PATH...</c>: every problem in the files, with its path; the store is only read.</summary>
public static class ValidateCommand
{
    public static async Task<int> RunAsync(CommandLine line, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (line.Arguments.Count == 0) return await Usage.RefuseAsync(error, "validate needs at least one PATH");
        if (await InputFiles.ReadAsync(line.Arguments, output, cancellationToken) is not { } read) return 1;
        return await StoreSession.RunAsync(line, error, async store =>
        {
            var problems = await GraphValidator.ValidateAsync(read.Input, read.Origins, store, cancellationToken);
            foreach (var problem in problems) await output.WriteLineAsync(problem.ToString());
            var size = $"{InputFiles.Nodes(read.Input)} nodes, {read.Input.Relations?.Count ?? 0} relations";
            await output.WriteLineAsync(problems.Count == 0 ? $"valid: {size}" : $"{problems.Count} problem(s) in {size}");
            return problems.Count == 0 ? 0 : 1;
        }, cancellationToken);
    }
}
