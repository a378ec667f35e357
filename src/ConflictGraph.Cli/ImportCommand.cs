using System.CommandLine;
using System.Diagnostics;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli;

/// <summary><c>import PATH...</c>: validate, then one all-or-nothing write; importing the same files again changes nothing.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "JSON files, or directories of *.json", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "validate, then write everything in one all-or-nothing transaction (creates the store when missing)") { paths };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();
            if (await InputFiles.ReadAsync(result.GetValue(paths)!, error, cancellationToken) is not { } read) return Usage.Failed;
            var progress = ImportProgress.For(InputFiles.Nodes(read.Input) + (read.Input.Relations?.Count ?? 0) + (read.Input.Facts?.Count ?? 0), error);
            progress?.Read(clock.Elapsed);
            return await StoreSession.RunAsync(result, StoreUse.Write, async (store, output) =>
            {
                try
                {
                    var imported = await GraphImporter.ImportAsync(read.Input, read.Origins, store, progress, cancellationToken);
                    await output.WriteLineAsync(
                        $"created {imported.Created}, updated {imported.Updated}, unchanged {imported.Unchanged}, " +
                        $"relations created {imported.RelationsCreated}, relations updated {imported.RelationsUpdated}" +
                        (read.Input.Facts is { Count: > 0 } ? $", facts created {imported.FactsCreated}, facts updated {imported.FactsUpdated} " : " ") +
                        $"in {clock.Elapsed.TotalSeconds:F1} s");
                    return Usage.Done;
                }
                catch (GraphValidationException e)
                {
                    foreach (var problem in e.Problems) await error.WriteLineAsync(problem.ToString());
                    await error.WriteLineAsync($"{e.Problems.Count} problem(s); nothing was written");
                    return Usage.Failed;
                }
            }, cancellationToken);
        });
        return command;
    }
}
