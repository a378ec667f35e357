using System.Diagnostics;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli;

/// <summary><c>import PATH...</c>: validate, then one all-or-nothing write; importing the same files again changes nothing.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLine line, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (line.Arguments.Count == 0) return await Usage.RefuseAsync(error, "import needs at least one PATH");
        var clock = Stopwatch.StartNew();
        if (await InputFiles.ReadAsync(line.Arguments, error, cancellationToken) is not { } read) return 1;
        var items = InputFiles.Nodes(read.Input) + (read.Input.Relations?.Count ?? 0);
        var progress = ImportProgress.For(items, error);
        progress?.Read(clock.Elapsed);
        return await StoreSession.RunAsync(line, error, async store =>
        {
            try
            {
                var result = await GraphImporter.ImportAsync(read.Input, read.Origins, store, progress, cancellationToken);
                await output.WriteLineAsync(
                    $"created {result.Created}, updated {result.Updated}, unchanged {result.Unchanged}, " +
                    $"relations created {result.RelationsCreated}, relations updated {result.RelationsUpdated} " +
                    $"in {clock.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            catch (GraphValidationException e)
            {
                foreach (var problem in e.Problems) await error.WriteLineAsync(problem.ToString());
                await error.WriteLineAsync($"{e.Problems.Count} problem(s); nothing was written");
                return 1;
            }
        }, cancellationToken);
    }
}
