using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli;

/// <summary><c>stats</c>: how many nodes and relations the store holds, and nodes per kind.</summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(CommandLine line, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (line.Arguments.Count > 0) return await Usage.RefuseAsync(error, "stats takes no arguments");
        return await StoreSession.RunAsync(line, error, async store =>
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            await output.WriteLineAsync($"nodes {stats.Nodes}");
            await output.WriteLineAsync($"relations {stats.Relations}");
            var counts = stats.ByKind.ToDictionary(k => k.Kind, k => k.Count);
            foreach (var kind in Enum.GetValues<NodeKind>())
                await output.WriteLineAsync($"  {EnumNames.Of(kind),-13} {counts.GetValueOrDefault(kind)}");
            return 0;
        }, cancellationToken);
    }
}
