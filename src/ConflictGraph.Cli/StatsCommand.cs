using System.CommandLine;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli;

/// <summary><c>stats</c>: how many nodes and relations the store holds, and nodes per kind.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "count nodes and relations, per kind (the store must exist)");
        command.SetAction((result, cancellationToken) => StoreSession.RunAsync(result, StoreUse.ReadExisting, async (store, output) =>
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            await output.WriteLineAsync($"nodes {stats.Nodes}");
            await output.WriteLineAsync($"relations {stats.Relations}");
            var counts = stats.ByKind.ToDictionary(k => k.Kind, k => k.Count);
            foreach (var kind in Enum.GetValues<NodeKind>())
                await output.WriteLineAsync($"  {EnumNames.Of(kind),-13} {counts.GetValueOrDefault(kind)}");
            return Usage.Done;
        }, cancellationToken));
        return command;
    }
}
