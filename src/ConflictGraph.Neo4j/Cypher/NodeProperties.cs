using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// A node as the properties of a (:Node) in Neo4j: the full body, plus the fields filters,
/// orders, search and reference clean-up work on.
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
        var references = NodeReferences.Of(node).ToList();
        IEnumerable<string> Targets(string field) => references.Where(r => r.Field == field || r.Field.StartsWith(field + "[", StringComparison.Ordinal)
            || r.Field.EndsWith("." + field, StringComparison.Ordinal)).Select(r => r.TargetId).Distinct();
        return new Dictionary<string, object?>
        {
            ["id"] = node.Id,
            ["kind"] = EnumNames.Of(node.Kind),
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
            ["speakerId"] = Targets("speakerId").FirstOrDefault(),
            ["onBehalfOfId"] = Targets("onBehalfOfId").FirstOrDefault(),
            ["sourceId"] = Targets("sourceId").FirstOrDefault(),
            ["aboutIds"] = Targets("aboutIds").ToList(),
            ["eventIds"] = Targets("eventId").ToList(),
            ["organizationIds"] = Targets("organizationId").ToList(),
            ["refs"] = references.Select(r => r.TargetId).Distinct().ToList(),
        };
    }
}
