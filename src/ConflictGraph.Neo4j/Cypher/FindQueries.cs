using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// Builds the Cypher for finding nodes and relations from fixed fragments, one per criterion
/// given, with every value a parameter.
/// </summary>
public sealed class FindQuery
{
    private static readonly string Inside = $"EXISTS {{ MATCH (x)-[rs:REL*1..{TraversalLimits.MaxContainmentDepth}]->(:Node {{id: $within}}) WHERE all(r IN rs WHERE r.type = 'LOCATED_IN') }}";
    private readonly List<string> conditions = [];

    public Dictionary<string, object?> Parameters { get; } = [];

    public string Where => conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);

    private void Add(string condition, string name, object? value)
    {
        conditions.Add(condition);
        Parameters[name] = value;
    }

    public static FindQuery ForNodes(NodeQuery query, IReadOnlyList<string>? textMatches)
    {
        var find = new FindQuery();
        find.Add("n.kind IN $kinds", "kinds", query.Kinds.Select(EnumNames.Of).ToList());
        if (query.Ids is { } ids) find.Add("n.id IN $ids", "ids", ids.ToList());
        if (textMatches is not null) find.Add("n.id IN $textIds", "textIds", textMatches);
        if (query.OrganizationKinds is { } orgKinds) find.Add("n.kind = 'ORGANIZATION' AND n.subKind IN $orgKinds", "orgKinds", orgKinds.Select(EnumNames.Of).ToList());
        if (query.PlaceKinds is { } placeKinds) find.Add("n.kind = 'PLACE' AND n.subKind IN $placeKinds", "placeKinds", placeKinds.Select(EnumNames.Of).ToList());
        if (query.WithinPlaceId is { } within)
            find.Add($"((n.kind = 'PLACE' AND EXISTS {{ MATCH (n)-[rs:REL*1..{TraversalLimits.MaxContainmentDepth}]->(:Node {{id: $within}}) WHERE all(r IN rs WHERE r.type = 'LOCATED_IN') }})" +
                     $" OR (n.kind = 'EVENT' AND EXISTS {{ MATCH (n)-[:REL {{type: 'OCCURRED_IN'}}]->(x:Node) WHERE x.id = $within OR {Inside} }})" +
                     $" OR (n.kind IN ['PERSON', 'ORGANIZATION'] AND EXISTS {{ MATCH (n)-[:REL {{type: 'BASED_IN'}}]->(x:Node) WHERE x.id = $within OR {Inside} }}))",
                "within", within);
        if (query.Events is { } events) find.AddEvents(events);
        if (query.Statements is { } statements) find.AddStatements(statements);
        return find;
    }

    private void AddEvents(EventCriteria events)
    {
        if (events.Kinds is { } kinds) Add("n.subKind IN $eventKinds", "eventKinds", kinds.Select(EnumNames.Of).ToList());
        if (events.From is { } from) Add("n.dateEnd >= $from", "from", InputText.FormatDate(from));
        if (events.To is { } to) Add("n.dateStart <= $to", "to", InputText.FormatDate(to));
        if (events.PlaceId is { } place)
            Add("EXISTS { MATCH (n)-[:REL {type: 'OCCURRED_IN'}]->(x:Node) WHERE x.id = $place OR " +
                $"EXISTS {{ MATCH (x)-[rs:REL*1..{TraversalLimits.MaxContainmentDepth}]->(:Node {{id: $place}}) WHERE all(r IN rs WHERE r.type = 'LOCATED_IN') }} }}", "place", place);
        if (events.PerpetratorId is { } perpetrator)
            Add("EXISTS { MATCH (:Node {id: $perpetrator})-[:REL {type: 'CARRIED_OUT'}]->(n) }", "perpetrator", perpetrator);
        if (events.TargetId is { } target) Add("EXISTS { MATCH (n)-[:REL {type: 'TARGETED'}]->(:Node {id: $target}) }", "target", target);
    }

    private void AddStatements(StatementCriteria statements)
    {
        if (statements.Anonymous is { } anonymous) Add("(n.speakerId IS NULL) = $anonymous", "anonymous", anonymous);
        if (statements.SpeakerId is { } speaker) Add("n.speakerId = $speaker", "speaker", speaker);
        if (statements.ActorId is { } actor) Add("(n.speakerId = $actor OR n.onBehalfOfId = $actor)", "actor", actor);
        if (statements.AboutId is { } about) Add("$about IN n.aboutIds", "about", about);
        if (statements.SourceId is { } source) Add("n.sourceId = $source", "source", source);
        if (statements.Stances is { } stances) Add("n.subKind IN $stances", "stances", stances.Select(EnumNames.Of).ToList());
        if (statements.OrganizationId is { } organization)
            Add("(n.onBehalfOfId = $organization OR EXISTS { MATCH (s:Node {id: n.speakerId}) WHERE $organization IN s.organizationIds " +
                "OR EXISTS { MATCH (s)-[:REL {type: 'MEMBER_OF'}]->(:Node {id: $organization}) } })", "organization", organization);
    }

    public static FindQuery ForRelations(RelationQuery query)
    {
        var find = new FindQuery();
        if (query.Types is { } types) find.Add("r.type IN $types", "types", types.Select(EnumNames.Of).ToList());
        if (query.FromId is { } from) find.Add("a.id = $fromId", "fromId", from);
        if (query.ToId is { } to) find.Add("b.id = $toId", "toId", to);
        if (query.Statuses is { } statuses) find.Add("r.status IN $statuses", "statuses", statuses.Select(EnumNames.Of).ToList());
        if (query.ClaimedByActorId is { } actor)
            find.Add("EXISTS { MATCH (s:Node) WHERE s.id IN r.claimedBy AND (s.speakerId = $actor OR s.onBehalfOfId = $actor) }", "actor", actor);
        if (query.FromPerpetratorId is { } byActor) find.Add("EXISTS { MATCH (:Node {id: $byActor})-[:REL {type: 'CARRIED_OUT'}]->(a) }", "byActor", byActor);
        if (query.ToPerpetratorId is { } against) find.Add("EXISTS { MATCH (:Node {id: $against})-[:REL {type: 'CARRIED_OUT'}]->(b) }", "against", against);
        if (query.FromDate is { } fromDate) find.Add("a.dateEnd >= $fromDate", "fromDate", InputText.FormatDate(fromDate));
        if (query.ToDate is { } toDate) find.Add("a.dateStart <= $toDate", "toDate", InputText.FormatDate(toDate));
        return find;
    }

    /// <summary>The sort key expression, direction and cursor tag of an order (the same tags as the embedded store).</summary>
    public static (string Key, bool Descending, string Tag) Order(NodeOrder order) => order switch
    {
        NodeOrder.DateAsc => ("coalesce(n.dateStart, '9999-12-31')", false, "a"),
        NodeOrder.DateDesc => ("coalesce(n.dateStart, '0000-01-01')", true, "d"),
        _ => ("n.id", false, "i"),
    };

    /// <summary>Adds the keyset condition for rows after <paramref name="cursor"/>; refuses cursors from another order.</summary>
    public string? After(string? cursor, string tag, bool descending, string idExpression)
    {
        if (cursor is null) return null;
        var (key, id) = Cursor.Decode(cursor);
        if (!key.StartsWith(tag + ":", StringComparison.Ordinal)) throw new InvalidCursorException(cursor);
        Parameters["afterKey"] = key[(tag.Length + 1)..];
        Parameters["afterId"] = id;
        return $"(sortKey {(descending ? "<" : ">")} $afterKey OR (sortKey = $afterKey AND {idExpression} > $afterId))";
    }
}
