using System.CommandLine;
using ConflictGraph.Hosting;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Migration;

namespace ConflictGraph.Cli;

/// <summary>
/// <c>neo4j migrate [--dry-run] [--batch-size N]</c>: converts a Neo4j database written before
/// 2026-12 (every node a :Node, every relation a :REL) to the current layout, in place.
/// </summary>
public static class Neo4jCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "print what is left to convert and write nothing" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "nodes or relations per transaction", DefaultValueFactory = _ => LayoutMigration.DefaultBatchSize,
        };
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch-size must be at least 1"); });
        var migrate = new Command("migrate",
            "convert a Neo4j database from the layout before 2026-12 (:Node, :REL) in place, a batch per transaction; " +
            "stopped, it resumes when run again, and it changes nothing on a converted database")
        {
            dryRun, batchSize,
        };
        migrate.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(StoreOptions.Store) is { } chosen && !chosen.Equals(nameof(StoreKind.Neo4j), StringComparison.OrdinalIgnoreCase))
                return await Usage.RefuseAsync(result, [$"neo4j migrate works on the Neo4j store, not '{chosen}'"], result.InvocationConfiguration.Error);
            return await StoreSession.RunAsync(result, StoreUse.ReadExisting, async (store, output) =>
            {
                var migration = new LayoutMigration(((Neo4jGraphStore)store).Client);
                var error = result.InvocationConfiguration.Error;
                if (result.GetValue(dryRun)) return await DryRunAsync(migration, output, cancellationToken);
                try
                {
                    var done = await migration.RunAsync(result.GetValue(batchSize), new MigrationLines(error), cancellationToken);
                    await output.WriteLineAsync(done.Current ? "already in the current layout; nothing to convert" :
                        $"converted {done.Nodes} nodes and {done.Relations} relations ({done.Claims} claims); " +
                        (done.EventsToTally > 0 ? $"gave {done.EventsToTally} events their killed tally; " : "") +
                        (done.UnnamedNodes > 0 ? $"gave {done.UnnamedNodes} persons, organizations and places their search names; " : "") + $"dropped {done.Indexes.Count} old indexes");
                    return Usage.Done;
                }
                catch (Exception e) when (e is MigrationRefusedException or FormatException)
                {
                    await error.WriteLineAsync($"conflictgraph: {e.Message}");
                    return Usage.Failed;
                }
                catch (OperationCanceledException)
                {
                    await error.WriteLineAsync("conflictgraph: cancelled; the batches converted so far are kept, run the command again to finish");
                    return Usage.Failed;
                }
            }, cancellationToken, StoreKind.Neo4j);
        });
        return new Command("neo4j", "maintain a Neo4j store") { migrate };
    }

    private static async Task<int> DryRunAsync(LayoutMigration migration, TextWriter output, CancellationToken cancellationToken)
    {
        var left = await migration.CountAsync(cancellationToken);
        if (left.Current)
        {
            await output.WriteLineAsync("already in the current layout; nothing to convert");
            return Usage.Done;
        }
        await output.WriteLineAsync($"nodes to label          {left.Nodes,10}  {Split(left.NodesByKind)}");
        await output.WriteLineAsync($"relations to convert    {left.Relations,10}  {Split(left.RelationsByType)}");
        await output.WriteLineAsync($"claims to create        {left.Claims,10}");
        await output.WriteLineAsync($"events to tally         {left.EventsToTally,10}  (killed estimates kept on each event for aggregates)");
        await output.WriteLineAsync($"nodes to name           {left.UnnamedNodes,10}  (persons, organizations and places, for search's name matches)");
        await output.WriteLineAsync($"old indexes to drop     {left.Indexes.Count,10}  {string.Join(", ", left.Indexes)}");
        if (left.DanglingStatements > 0)
            await output.WriteLineAsync($"claims naming missing statements: {left.DanglingStatements} (e.g. {string.Join(", ", left.DanglingExamples)}); " +
                                        "the migration will refuse to start until they are resolved");
        await output.WriteLineAsync("dry run: nothing was written");
        return Usage.Done;
    }

    private static string Split(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "" : $"({string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))})";

    /// <summary>One line on stderr per batch: how far each step has got.</summary>
    private sealed class MigrationLines(TextWriter error) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value) => error.WriteLine($"{value.Step} {value.Done}/{value.Total}");
    }
}
