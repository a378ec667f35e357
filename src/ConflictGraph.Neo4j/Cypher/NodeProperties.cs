using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// A node as Neo4j holds it: its body (the seed format, the one source of truth), plus the fields
/// that orders, filters and search work on. The kind is the node's label, and the nodes it names
/// are relationships (<see cref="References"/>), so neither is a property.
/// </summary>
public static class NodeProperties
{
    public static Dictionary<string, object?> Of(Node node)
    {
        var date = node switch
        {
            Event e => e.Date,
            Statement s => s.Date,
            Source { PublishedAt: { } published } => FuzzyDate.Day(published),
            _ => null,
        };
        return new Dictionary<string, object?>
        {
            ["id"] = node.Id,
            ["label"] = node.Label,
            ["subKind"] = node switch
            {
                Organization o => EnumNames.Of(o.OrganizationKind),
                Place p => EnumNames.Of(p.PlaceKind),
                Event e => EnumNames.Of(e.EventKind),
                Statement s => EnumNames.Of(s.Stance),
                _ => null,
            },
            ["dateStart"] = date is null ? null : InputText.FormatDate(date.Start),
            ["dateEnd"] = date is null ? null : InputText.FormatDate(date.End),
            ["body"] = NodeJson.Serialize(node),
            ["search"] = SearchText.For(node),
            // Search's first tier (SearchText.Names); null, so absent, on kinds without a name.
            ["names"] = SearchText.Names(node),
        };
    }

    /// <summary>The node's references grouped by relationship type, as the reference write expects them.</summary>
    public static Dictionary<string, object?> ReferencesOf(Node node)
    {
        var row = new Dictionary<string, object?> { ["id"] = node.Id };
        var byType = References.Of(node).ToLookup(r => r.Type, r => r.TargetId);
        foreach (var type in References.Types) row[type] = byType[type].ToList();
        return row;
    }
}
