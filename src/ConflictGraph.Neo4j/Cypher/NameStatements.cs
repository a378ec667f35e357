using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

public static partial class Statements
{
    private static string NamedLabels => Labels.AnyOf(SearchText.NamedKinds);

    /// <summary>
    /// A batch of persons, organizations and places without search's names (<see cref="NodeProperties"/>): those written
    /// before the name index existed. Until they have them, search finds them only in its second tier. For the migration.
    /// </summary>
    public static string UnnamedNodes { get; } =
        $"MATCH (n:{NamedLabels}) WHERE n.names IS NULL RETURN {Labels.KindExpression("n")} AS kind, n.body AS body LIMIT $batch";

    /// <summary>How many persons, organizations and places lack search's names (the migration's dry run).</summary>
    public static string UnnamedCount { get; } =
        $"MATCH (n:{NamedLabels}) WHERE n.names IS NULL RETURN count(n) AS count";

    /// <summary>Sets each row's node's names, the value a write of the node gives it; nothing else of the node changes.</summary>
    public static string WriteNames { get; } =
        $"UNWIND $rows AS row MATCH (n:{Labels.Node} {{id: row.id}}) SET n.names = row.names";
}
