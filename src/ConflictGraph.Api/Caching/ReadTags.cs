using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// What each cached read depends on and what each write touched, as tags (see
/// <see cref="ReadStamps"/>): a node by id, the relations around a node, the nodes of a kind, any
/// relation, anything. Each read names at least everything a write could change in its answer.
/// </summary>
public static class ReadTags
{
    /// <summary>Every write touches this.</summary>
    public const string Anything = "*";

    /// <summary>Every write of a relation (or of its claims) touches this.</summary>
    public const string Relations = "r";

    /// <summary>Every write of a fact (or of its claims) touches this.</summary>
    public const string Facts = "f";

    public static string Node(string id) => "n:" + id;

    /// <summary>The relations that start or end at a node, with their claims.</summary>
    public static string Around(string id) => "a:" + id;

    /// <summary>Nodes of a kind: created, updated or deleted.</summary>
    public static string Kind(NodeKind kind) => "k:" + EnumNames.Of(kind);

    public static IEnumerable<string> AllKinds => Enum.GetValues<NodeKind>().Select(Kind);

    /// <summary>A page of nodes: the kinds listed (bodies, counts, text, dates, refs), and the relations its criteria follow.</summary>
    public static IEnumerable<string> Of(NodeQuery query)
    {
        foreach (var kind in query.Kinds) yield return Kind(kind);
        if (query.WithinPlaceId is not null || query.Events?.PlaceId is not null) yield return Relations;
        if (query.Events?.PerpetratorId is { } perpetrator) yield return Around(perpetrator);
        if (query.Events?.TargetId is { } target) yield return Around(target);
        if (query.Statements?.OrganizationId is { } organization)
        {
            // Members (MEMBER_OF) and people holding a role there.
            yield return Around(organization);
            yield return Kind(NodeKind.Person);
        }
    }

    /// <summary>A page of relations: any relation, and the events or statements its criteria read.</summary>
    public static IEnumerable<string> Of(RelationQuery query)
    {
        yield return Relations;
        if (query.FromDate is not null || query.ToDate is not null) yield return Kind(NodeKind.Event);
        if (query.ClaimedByActorId is not null) yield return Kind(NodeKind.Statement);
    }

    /// <summary>A page of facts: any fact, and the statements its claimant criterion reads.</summary>
    public static IEnumerable<string> Of(FactQuery query)
    {
        yield return Facts;
        if (query.ClaimedByActorId is not null) yield return Kind(NodeKind.Statement);
    }

    /// <summary>What an import changed (nothing when it changed nothing).</summary>
    public static IEnumerable<string> Touched(ImportResult result)
    {
        if (result.NodeChanges.Count + result.RelationChanges.Count + result.FactsCreated + result.FactsUpdated > 0) yield return Anything;
        if (result.FactsCreated + result.FactsUpdated > 0) yield return Facts;
        foreach (var node in result.NodeChanges)
        {
            yield return Node(node.Id);
            yield return Kind(node.Kind);
        }
        if (result.RelationChanges.Count > 0) yield return Relations;
        foreach (var relation in result.RelationChanges)
        {
            yield return Around(relation.FromId);
            yield return Around(relation.ToId);
        }
    }
}
