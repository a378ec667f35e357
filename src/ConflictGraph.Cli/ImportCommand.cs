using System.CommandLine;
using System.Diagnostics;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Cli;

/// <summary>
/// <c>import PATH...</c>: count the items, then validate and write in one streaming pass, in chunks inside one
/// all-or-nothing transaction that a problem anywhere in the input rolls back (every problem is still reported);
/// importing the same files again changes nothing.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "JSON files, or directories of *.json", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "validate and write everything in one all-or-nothing transaction (creates the store when missing)") { paths };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();
            if (await InputFiles.OpenAsync(result.GetValue(paths)!, error) is not { } source) return Usage.Failed;
            return await StoreSession.RunAsync(result, StoreUse.Write, async (store, output) =>
            {
                ImportProgress? progress = null;
                long facts = 0;
                try
                {
                    var imported = await GraphImporter.ImportAsync(source, store, listChanges: false, size =>
                    {
                        facts = size.Facts;
                        progress = ImportProgress.For(size.Items, error, ImportProgress.IsTerminal(error));
                        progress?.Counted(InputFiles.Size(size), clock.Elapsed);
                    }, validation => ReleaseValidationMemory(validation.Items), new WriteContext(WriteContext.Cli, new ForwardedProgress(() => progress)) { Phases = new ForwardedPhases(() => progress) },
                        cancellationToken);
                    await output.WriteLineAsync(
                        $"created {imported.Created}, updated {imported.Updated}, unchanged {imported.Unchanged}, " +
                        $"relations created {imported.RelationsCreated}, relations updated {imported.RelationsUpdated}" +
                        (facts > 0 ? $", facts created {imported.FactsCreated}, facts updated {imported.FactsUpdated} " : " ") +
                        $"in {clock.Elapsed.TotalSeconds:F1} s");
                    return Usage.Done;
                }
                catch (GraphValidationException e)
                {
                    if (source.ReadProblems.Count > 0)
                    {
                        await InputFiles.ReportUnreadAsync(source.ReadProblems, error);
                        return Usage.Failed;
                    }
                    foreach (var problem in e.Problems) await error.WriteLineAsync(problem.ToString());
                    await error.WriteLineAsync($"{e.Problems.Count} problem(s); nothing was written");
                    return Usage.Failed;
                }
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Validation's sets, but for the batch's node ids, are garbage once it has read the whole input, and a large input's
    /// sets run to hundreds of megabytes; left to the collector's own pace their memory stays with the process while
    /// the write finishes (indexes, roll-ups: SQLite's page cache and sorter at their largest), so the peak is both. One
    /// compacting collection that returns free memory to the system, once validation is done, keeps them apart.
    /// </summary>
    private static void ReleaseValidationMemory(long items)
    {
        if (items < ImportProgress.LargeInput) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    // The write's progress goes to the bar made once validation has counted the items.
    private sealed class ForwardedProgress(Func<ImportProgress?> target) : IProgress<int>
    {
        public void Report(int value) => target()?.Report(value);
    }

    private sealed class ForwardedPhases(Func<ImportProgress?> target) : IProgress<ImportPhase>
    {
        public void Report(ImportPhase value) => target()?.Phase(value);
    }
}
