using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

public static partial class Statements
{
    private static string EventLabel => Labels.Of(NodeKind.Event);

    /// <summary>The events the nodes' casualty reports name as stored now (read before their references are replaced).</summary>
    public static string ReportedEvents { get; } =
        $"UNWIND $ids AS id MATCH (:{Labels.Node} {{id: id}})-[:{References.ReportsCasualtiesOf}]->(e:{Labels.Of(NodeKind.Event)}) RETURN DISTINCT e.id AS id";

    /// <summary>Sets each row's event's killed tally (<see cref="Properties.EventTally"/>); ids that are no event are skipped.</summary>
    public static string WriteEventTallies { get; } =
        $"UNWIND $rows AS row MATCH (e:{Labels.Node} {{id: row.id}}) WHERE e:{Labels.Of(NodeKind.Event)} " +
        $"SET {string.Join(", ", Properties.EventTally.Select((p, i) => $"e.{p} = row.t[{i}]"))}";

    /// <summary>A batch of events without a killed tally (written before tallies were kept), for the migration.</summary>
    public static string UntalliedEvents { get; } =
        $"MATCH (e:{Labels.Of(NodeKind.Event)}) WHERE e.{Properties.EventTally[0]} IS NULL RETURN e.id AS id LIMIT $batch";

    /// <summary>How many events lack a killed tally (the migration's dry run).</summary>
    public static string UntalliedCount { get; } =
        $"MATCH (e:{Labels.Of(NodeKind.Event)}) WHERE e.{Properties.EventTally[0]} IS NULL RETURN count(e) AS count";
}
