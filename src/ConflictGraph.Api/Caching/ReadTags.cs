using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
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

    /// <summary>The statements about a node (their <c>aboutIds</c> name it): a statement's change touches those of what it was about, before and after.</summary>
    public static string About(string id) => "s:" + id;

    /// <summary>A statement changed and the log does not say what it was about (an entry written before it did): any node's statements may differ.</summary>
    public const string StatementEdits = "se";

    /// <summary>A page of nodes: the kinds listed (bodies, counts, text, dates, refs), and the relations its criteria follow.</summary>
    public static IEnumerable<string> Of(NodeQuery query)
    {
        // An event's statements (and any list of statements about one node) change only with
        // statements about that node or edits of stored ones, not with every new statement.
        if (query.Kinds is [NodeKind.Statement] && query.Statements?.AboutId is { } about)
        {
            yield return About(about);
            yield return StatementEdits;
        }
        else foreach (var kind in query.Kinds) yield return Kind(kind);
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

    /// <summary>What some change-log entries changed, whichever process wrote them (nothing for none).</summary>
    public static IEnumerable<string> Touched(IEnumerable<HistoryEntry> entries)
    {
        var any = false;
        foreach (var entry in entries)
        {
            if (!any) yield return Anything;
            any = true;
            switch (entry.Target)
            {
                case HistoryTarget.Node:
                    yield return Node(entry.TargetId);
                    if (entry.NodeKind is { } kind) yield return Kind(kind);
                    if (entry.NodeKind != NodeKind.Statement) break;
                    // A statement changes the lists of statements about what it was about, before and after.
                    if (entry.AboutIds is { } about)
                        foreach (var id in about) yield return About(id);
                    else yield return StatementEdits;
                    break;
                case HistoryTarget.Relation:
                    yield return Relations;
                    if (RelationKey.TryParse(entry.TargetId, out _, out var from, out var to))
                    {
                        yield return Around(from);
                        yield return Around(to);
                    }
                    break;
                case HistoryTarget.Fact:
                    yield return Facts;
                    break;
            }
        }
    }
}
