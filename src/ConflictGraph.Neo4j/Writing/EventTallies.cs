using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Writing;

/// <summary>
/// Keeps each event's killed tally (<see cref="Layout.Properties.EventTally"/>) equal to its reports,
/// inside the write's own transaction: the events a write touched are re-read with the statements that
/// report on them (as the transaction sees them) and the core computes each estimate
/// (<see cref="CasualtyTally.ByEvent"/>), so the rule stays in the core and aggregates only add numbers.
/// An event's tally depends on its own reports only, so touching an event, or a statement whose
/// reports name it before or after the write, is what makes it stale.
/// </summary>
internal static class EventTallies
{
    public static async Task RefreshAsync(Neo4jTransaction tx, IEnumerable<string> eventIds, CancellationToken ct)
    {
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(ImportWriter.Chunk))
        {
            var wanted = chunk.ToHashSet(StringComparer.Ordinal);
            var reports = Rows.Nodes(await tx.RunAsync(Statements.CasualtyStatements, new { ids = chunk }, ct)).OfType<Statement>()
                .SelectMany(s => s.CasualtyReports).Where(r => wanted.Contains(r.EventId));
            var tallies = CasualtyTally.ByEvent(reports);
            var rows = chunk.Select(id => Row(id, tallies.GetValueOrDefault(id) ?? CasualtyTally.Zero)).ToList();
            await tx.RunAsync(Statements.WriteEventTallies, new { rows }, ct);
        }
    }

    /// <summary>One event's row: its id and its tally in <see cref="Layout.Properties.EventTally"/>'s order.</summary>
    private static object Row(string id, CasualtyTally t) => new { id, t = new[] { t.Counted, t.WithBest, t.OpenEnded, t.Low, t.Best, t.High } };

    /// <summary>The events whose tally a write of <paramref name="nodes"/> may change: the events themselves and those their reports name now.</summary>
    public static IEnumerable<string> NamedBy(IEnumerable<Node> nodes) => nodes.SelectMany(node => node switch
    {
        Event e => [e.Id],
        Statement s => s.CasualtyReports.Select(r => r.EventId),
        _ => [],
    });

    /// <summary>The events the stored nodes' reports name before the write replaces their references.</summary>
    public static async Task<IReadOnlyList<string>> NamedByStoredAsync(Neo4jTransaction tx, IEnumerable<string> nodeIds, CancellationToken ct)
    {
        var ids = nodeIds.ToList();
        return ids.Count == 0 ? [] : (await tx.RunAsync(Statements.ReportedEvents, new { ids }, ct)).Records.Select(r => r.String("id")).ToList();
    }
}
