using System.Text.Json.Nodes;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Store.Tests.Neo4j.Lint;

/// <summary>
/// The store's layout as the Cypher linter's database schema: its labels, relationship types and
/// property keys, and which labels each relationship type joins (from the core's relation rules and
/// node references), so a statement naming anything else, or a path the layout never holds, is reported.
/// </summary>
public static class LayoutSchema
{
    public static JsonObject Current => Build(legacy: false);

    /// <summary>The current layout plus the one before 2026-12, for the migration's statements.</summary>
    public static JsonObject WithLegacy => Build(legacy: true);

    private static JsonObject Build(bool legacy)
    {
        var edges = new List<(string From, string To, string Type)>();
        foreach (var type in Enum.GetValues<RelationType>())
            foreach (var from in RelationRules.FromKinds(type))
                foreach (var to in RelationRules.ToKinds(type))
                    edges.Add((Labels.Of(from), Labels.Of(to), RelationshipTypes.Of(type)));
        foreach (var node in SampleGraph.EveryKind)
            foreach (var reference in NodeReferences.Of(node))
                foreach (var to in reference.AllowedKinds)
                    edges.Add((Labels.Of(node.Kind), Labels.Of(to), References.TypeOf(reference.Field)));
        edges.Add((Labels.Of(NodeKind.Statement), Labels.Claim, RelationshipTypes.Makes));
        foreach (var kind in RelationRules.FactSubjects) edges.Add((Labels.Of(kind), Labels.Fact, RelationshipTypes.HasFact));
        // Every graph node is also a :Node, and patterns often name only that label.
        foreach (var (_, to, type) in edges.ToList())
            edges.Add((Labels.Node, to is Labels.Claim or Labels.Fact ? to : Labels.Node, type));
        if (legacy) edges.Add((Labels.Node, Labels.Node, Legacy.Relationship));

        var properties = NodeProperties.Of(SampleGraph.EveryKind[0]).Keys
            .Concat(Properties.Relation).Concat(Properties.Claim).Concat(Properties.Fact).Concat(Properties.Meta).Concat(Properties.History).Concat(Properties.EventTally)
            .Concat(legacy ? Legacy.NodeProperties.Concat(["type", "claimedBy", "disputedBy"]) : []);
        return new JsonObject
        {
            ["labels"] = Array(Labels.All),
            ["relationshipTypes"] = Array(legacy ? [.. RelationshipTypes.All, Legacy.Relationship] : RelationshipTypes.All),
            ["propertyKeys"] = Array(properties.Distinct()),
            ["graphSchema"] = new JsonArray(edges.Distinct().Select(e => (JsonNode)new JsonObject { ["from"] = e.From, ["to"] = e.To, ["relType"] = e.Type }).ToArray()),
        };
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
