using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// Builds the Cypher for finding nodes and relations from fixed fragments, one per criterion
/// given, with every value a parameter. A criterion that names one node (a speaker, a place, a
/// perpetrator) is a pattern from the found node to that node's id, so the planner can start at
/// the id index and follow relationships instead of scanning the kind.
/// </summary>
public sealed class FindQuery
{
    /// <summary>The cursor tag of fact pages (the same as the embedded store's).</summary>
    public const string FactTag = "f";

    private static readonly string Node = Labels.Node;
    private readonly List<string> patterns = [];
    private readonly List<string> conditions = [];
    private string prefix = "";

    /// <summary>Where the criteria's values come from: the statement's parameters (<c>$</c>), or a map's keys (<c>page.</c>).</summary>
    private readonly string values;

    private FindQuery(string first, string values = "$")
    {
        patterns.Add(first);
        this.values = values;
    }

    /// <summary>The reference to value <paramref name="name"/>: <c>$name</c>, or <c>page.name</c> for a page folded into a level's statement.</summary>
    private string Value(string name) => values + name;

    public Dictionary<string, object?> Parameters { get; } = [];

    /// <summary>
    /// The MATCH clauses, after any clauses that find the candidates first (<see cref="ClaimedBy"/>): one
    /// per criterion, so two criteria may follow the same relationship (a speaker who is also the actor asked for).
    /// </summary>
    public string Match => $"{prefix}MATCH {string.Join(" MATCH ", patterns)}{(MatchesText ? $" WHERE n:{Node} AND n.id IN textIds" : "")}";

    /// <summary>
    /// True when the nodes are filtered by words: then <see cref="Match"/> keeps those among the variable <c>textIds</c>,
    /// which <see cref="TextMatches"/> binds and which must be in scope there (imported into a subquery that holds it).
    /// </summary>
    public bool MatchesText { get; private set; }

    /// <summary>
    /// With words that drive (no anchor beside them), a subquery of its own that binds <c>textIds</c>: the ids of every node
    /// the full-text index matches (db.index.fulltext.queryNodes yields every match unless its options set a limit), so the
    /// list and its total are exact, as the embedded store's; empty without such words. A page folded into a statement of
    /// pages imports its map (<c>CALL (page)</c>), a statement of its own nothing.
    /// </summary>
    public string TextMatches => MatchesText
        ? $"CALL ({(values == "$" ? "" : values.TrimEnd('.'))}) {{ CALL db.index.fulltext.queryNodes('{Statements.TextIndex}', {Value("words")}) YIELD node " +
          "RETURN collect(node.id) AS textIds } "
        : "";

    public string Where => conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);

    private void Add(string condition, string name, object? value)
    {
        conditions.Add(condition);
        Parameters[name] = value;
    }

    private void Anchor(string pattern, string name, object? value)
    {
        patterns.Add(pattern);
        Parameters[name] = value;
    }

    /// <summary>Places this place or any place inside it, transitively, as the far end of a pattern.</summary>
    private string InOrInside(string parameter) =>
        $"(:{Labels.Of(NodeKind.Place)})-[:{Type(RelationType.LocatedIn)}*0..{TraversalLimits.MaxContainmentDepth}]->(:{Node} {{id: {Value(parameter)}}})";

    private static string Type(RelationType type) => RelationshipTypes.Of(type);

    /// <summary>
    /// Nodes: <c>MATCH {Match} WITH DISTINCT n WHERE {Where}</c>. Anchors through a place hierarchy can
    /// reach one node twice, hence the DISTINCT.
    /// </summary>
    /// <param name="values">Where the values come from (see <see cref="Value"/>): parameters, or the keys of a map variable such as <c>page.</c>.</param>
    public static FindQuery ForNodes(NodeQuery query, string values = "$")
    {
        var find = new FindQuery($"(n:{Labels.AnyOf(query.Kinds)})", values);
        // n:Node puts the id constraint's index within the planner's reach for these two.
        if (query.Ids is { } ids) find.Add($"n:{Node} AND n.id IN {find.Value("nodeIds")}", "nodeIds", ids.ToList());
        if (query.OrganizationKinds is { } orgKinds)
            find.Add($"n:{Labels.Of(NodeKind.Organization)} AND n.subKind IN {find.Value("orgKinds")}", "orgKinds", orgKinds.Select(EnumNames.Of).ToList());
        if (query.PlaceKinds is { } placeKinds)
            find.Add($"n:{Labels.Of(NodeKind.Place)} AND n.subKind IN {find.Value("placeKinds")}", "placeKinds", placeKinds.Select(EnumNames.Of).ToList());
        if (query.WithinPlaceId is { } within) find.AddWithin(query.Kinds, within);
        if (query.Events is { } events) find.AddEvents(events);
        if (query.Statements is { } statements) find.AddStatements(statements);
        find.AddWords(query);
        return find;
    }

    /// <summary>
    /// Words: beside an anchor (the ids asked for, a place, a perpetrator, a speaker...), a check of each node the anchors
    /// find, so its cost follows those nodes, not the word's matches (which for a common word at 1M events are over a
    /// million); otherwise the full-text index's matches (<see cref="TextMatches"/>). The check is the full-text index's own
    /// rule on the text it indexes: <c>n.search</c> is the node's folded text (SearchText.For), whose words the index's
    /// whitespace analyzer takes as they are, and <see cref="Neo4jGraphStore.FullText"/> asks for each folded word as a
    /// required prefix, so a node matches when each word begins one of its words. Either way every match is kept.
    /// </summary>
    private void AddWords(NodeQuery query)
    {
        if (Neo4jGraphStore.FullText(query.Text) is not { } words) return;
        if (patterns.Count > 1 || query.Ids is not null)
        {
            Add($"all(word IN {Value("terms")} WHERE any(token IN split(n.search, ' ') WHERE token STARTS WITH word))", "terms",
                SearchText.QueryTerms(query.Text).ToList());
            return;
        }
        MatchesText = true;
        Parameters["words"] = words;
    }

    /// <summary>Places strictly inside the place, events that happened in it, actors based in it: one branch per kind asked for.</summary>
    private void AddWithin(IReadOnlyList<NodeKind> kinds, string within)
    {
        var branches = new List<string>();
        if (kinds.Contains(NodeKind.Place))
            branches.Add($"(n:{Labels.Of(NodeKind.Place)} AND EXISTS {{ (n)-[:{Type(RelationType.LocatedIn)}*1..{TraversalLimits.MaxContainmentDepth}]->(:{Node} {{id: {Value("within")}}}) }})");
        if (kinds.Contains(NodeKind.Event))
            branches.Add($"(n:{Labels.Of(NodeKind.Event)} AND EXISTS {{ (n)-[:{Type(RelationType.OccurredIn)}]->{InOrInside("within")} }})");
        var actors = kinds.Where(k => k is NodeKind.Person or NodeKind.Organization).ToList();
        if (actors.Count > 0)
            branches.Add($"(n:{Labels.AnyOf(actors)} AND EXISTS {{ (n)-[:{Type(RelationType.BasedIn)}]->{InOrInside("within")} }})");
        Add(branches.Count == 0 ? "false" : $"({string.Join(" OR ", branches)})", "within", within);
    }

    private void AddEvents(EventCriteria events)
    {
        if (events.Kinds is { } kinds) Add($"n.subKind IN {Value("eventKinds")}", "eventKinds", kinds.Select(EnumNames.Of).ToList());
        if (events.From is { } from) Add($"n.dateEnd >= {Value("from")}", "from", InputText.FormatDate(from));
        if (events.To is { } to) Add($"n.dateStart <= {Value("to")}", "to", InputText.FormatDate(to));
        if (events.PlaceId is { } place) Anchor($"(n)-[:{Type(RelationType.OccurredIn)}]->{InOrInside("place")}", "place", place);
        if (events.PerpetratorId is { } perpetrator) Anchor($"(:{Node} {{id: {Value("perpetrator")}}})-[:{Type(RelationType.CarriedOut)}]->(n)", "perpetrator", perpetrator);
        if (events.TargetId is { } target) Anchor($"(n)-[:{Type(RelationType.Targeted)}]->(:{Node} {{id: {Value("target")}}})", "target", target);
    }

    private void AddStatements(StatementCriteria statements)
    {
        if (statements.Anonymous is { } anonymous)
            Add($"EXISTS {{ (n)-[:{References.SpokenBy}]->(:{Node}) }} <> {Value("anonymous")}", "anonymous", anonymous);
        if (statements.SpeakerId is { } speaker) Anchor($"(n)-[:{References.SpokenBy}]->(:{Node} {{id: {Value("speaker")}}})", "speaker", speaker);
        if (statements.AboutId is { } about) Anchor($"(n)-[:{References.About}]->(:{Node} {{id: {Value("about")}}})", "about", about);
        if (statements.SourceId is { } source) Anchor($"(n)-[:{References.ReportedIn}|{References.FirstMadeIn}]->(:{Node} {{id: {Value("source")}}})", "source", source);
        if (statements.ActorId is { } actor) Anchor($"(n)-[:{References.SpokenBy}|{References.SpokenFor}]->(:{Node} {{id: {Value("actor")}}})", "actor", actor);
        if (statements.Stances is { } stances) Add($"n.subKind IN {Value("stances")}", "stances", stances.Select(EnumNames.Of).ToList());
        // Spoken for the organization, by the organization itself, or by someone who belongs to it (MEMBER_OF, or a role
        // there): found from the organization's id through a pattern that holds all three (its zero-length step is the
        // organization spoken for or speaking; the condition drops the few more it holds).
        if (statements.OrganizationId is { } organization)
        {
            patterns.Add($"(n)-[:{References.SpokenFor}|{References.SpokenBy}]->(:{Node})-[:{Type(RelationType.MemberOf)}|{References.HoldsRoleIn}*0..1]->(:{Node} {{id: {Value("organization")}}})");
            Add($"(EXISTS {{ (n)-[:{References.SpokenFor}]->(:{Node} {{id: {Value("organization")}}}) }} OR " +
                $"EXISTS {{ (n)-[:{References.SpokenBy}]->(:{Labels.Of(NodeKind.Organization)} {{id: {Value("organization")}}}) }} OR " +
                $"EXISTS {{ (n)-[:{References.SpokenBy}]->(:{Node})-[:{Type(RelationType.MemberOf)}|{References.HoldsRoleIn}]->(:{Node} {{id: {Value("organization")}}}) }})",
                "organization", organization);
        }
    }

    /// <summary>
    /// Relations: <c>MATCH {Match} WHERE {Where}</c>, r from a to b, types named in the pattern. Claimed
    /// by an actor, the relations are found from the actor: its statements, their claims, then each
    /// claimed relation between its two ends, never by reading every relation.
    /// </summary>
    public static FindQuery ForRelations(RelationQuery query)
    {
        var types = RelationshipTypes.AnyOf(query.Types);
        FindQuery find;
        if (query.ClaimedByActorId is { } actor)
        {
            find = new FindQuery($"(a:{Node} {{id: claimedFrom}})-[r:{types}]->(b:{Node} {{id: claimedTo}})");
            find.ClaimedBy(actor, "claim.relationType IS NOT NULL", "claim.fromId AS claimedFrom, claim.relationType AS claimedType, claim.toId AS claimedTo");
            find.conditions.Add("type(r) = claimedType");
        }
        else find = new FindQuery($"(a:{Node})-[r:{types}]->(b:{Node})");
        if (query.FromId is { } from) find.Add("a.id = $fromId", "fromId", from);
        if (query.ToId is { } to) find.Add("b.id = $toId", "toId", to);
        if (query.Statuses is { } statuses) find.Add("r.status IN $statuses", "statuses", statuses.Select(EnumNames.Of).ToList());
        if (query.FromPerpetratorId is { } byActor) find.Add($"EXISTS {{ (:{Node} {{id: $byActor}})-[:{Type(RelationType.CarriedOut)}]->(a) }}", "byActor", byActor);
        if (query.ToPerpetratorId is { } against) find.Add($"EXISTS {{ (:{Node} {{id: $against}})-[:{Type(RelationType.CarriedOut)}]->(b) }}", "against", against);
        if (query.FromDate is { } fromDate) find.Add("a.dateEnd >= $fromDate", "fromDate", InputText.FormatDate(fromDate));
        if (query.ToDate is { } toDate) find.Add("a.dateStart <= $toDate", "toDate", InputText.FormatDate(toDate));
        return find;
    }

    /// <summary>Facts: <c>MATCH {Match} WHERE {Where}</c>, fact f about node s; claimed by an actor, found from the actor as relations are.</summary>
    public static FindQuery ForFacts(FactQuery query)
    {
        var about = $"(s:{Node})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact}";
        FindQuery find;
        if (query.ClaimedByActorId is { } actor)
        {
            find = new FindQuery($"{about} {{id: claimedFact}})");
            find.ClaimedBy(actor, "claim.relationType IS NULL", "claim.targetId AS claimedFact");
        }
        else find = new FindQuery($"{about})");
        if (query.SubjectId is { } subject) find.Add("s.id = $subject", "subject", subject);
        if (query.Property is { } property) find.Add("f.property = $property", "property", property);
        if (query.Statuses is { } statuses) find.Add("f.status IN $statuses", "statuses", statuses.Select(EnumNames.Of).ToList());
        return find;
    }

    /// <summary>
    /// Starts from the claims (not disputes) of the statements an actor made, as speaker or as the
    /// organization spoken for, keeping <paramref name="keep"/> of each claim matching <paramref name="which"/>.
    /// </summary>
    private void ClaimedBy(string actor, string which, string keep)
    {
        prefix = $"MATCH (:{Node} {{id: $actor}})<-[:{References.SpokenBy}|{References.SpokenFor}]-(:{Labels.Of(NodeKind.Statement)})" +
                 $"-[:{RelationshipTypes.Makes}]->(claim:{Labels.Claim}) WHERE claim.position = '{EnumNames.Of(ClaimPosition.Claims)}' AND {which} " +
                 $"WITH DISTINCT {keep} ";
        Parameters["actor"] = actor;
    }

    /// <summary>
    /// An order of nodes: the expression a page binds to <c>sortKey</c>, its direction, its cursor tag (the same tags as the
    /// embedded store), and whether it is a date order, which orders and reads its cursors as <see cref="DateKey"/> says.
    /// </summary>
    public sealed record NodeSort(string Key, bool Descending, string Tag, bool ByDate)
    {
        /// <summary>
        /// The ORDER BY terms on <c>sortKey</c>, then <paramref name="idExpression"/>. A date order's undated rows (a null
        /// key) come last either way: Cypher sorts null last ascending but first descending, so a descending date order
        /// sorts by <c>sortKey IS NULL</c> first (false before true).
        /// </summary>
        public string OrderBy(string idExpression) =>
            ByDate && Descending ? $"sortKey IS NULL, sortKey DESC, {idExpression}" : $"sortKey{(Descending ? " DESC" : "")}, {idExpression}";

        /// <summary>The cursor after a row whose <c>sortKey</c> is <paramref name="sortKey"/> (a date order's: null when undated).</summary>
        public string CursorFor(string? sortKey, string id) => Cursor.Encode($"{Tag}:{(ByDate ? DateKey.Of(sortKey, Descending) : sortKey)}", id);
    }

    /// <summary>The sort of an order: a date order's key is the start date itself, null for an undated node.</summary>
    public static NodeSort Order(NodeOrder order) => order switch
    {
        NodeOrder.DateAsc => new("n.dateStart", false, "a", true),
        NodeOrder.DateDesc => new("n.dateStart", true, "d", true),
        _ => new("n.id", false, "i", false),
    };

    /// <summary>Adds the keyset condition for rows after <paramref name="cursor"/>; refuses cursors from another order.</summary>
    public string? After(string? cursor, string tag, bool descending, string idExpression)
    {
        if (cursor is null) return null;
        var (key, id) = Position(cursor, tag);
        Parameters["afterKey"] = key;
        Parameters["afterId"] = id;
        return $"(sortKey {(descending ? "<" : ">")} {Value("afterKey")} OR (sortKey = {Value("afterKey")} AND {idExpression} > {Value("afterId")}))";
    }

    /// <summary>
    /// Adds the keyset condition for nodes after <paramref name="cursor"/> in <paramref name="sort"/>; refuses cursors from
    /// another order. After a dated row come the later dates, the same date's greater ids and every undated row; after an
    /// undated row, the undated rows of greater ids.
    /// </summary>
    public string? After(string? cursor, NodeSort sort, string idExpression)
    {
        if (!sort.ByDate || cursor is null) return After(cursor, sort.Tag, sort.Descending, idExpression);
        var (key, id) = Position(cursor, sort.Tag);
        if (!DateKey.TryRead(key, sort.Descending, out var date)) throw new InvalidCursorException(cursor);
        Parameters["afterId"] = id;
        if (date is null) return $"(sortKey IS NULL AND {idExpression} > {Value("afterId")})";
        Parameters["afterKey"] = date;
        return $"(sortKey IS NULL OR sortKey {(sort.Descending ? "<" : ">")} {Value("afterKey")} OR (sortKey = {Value("afterKey")} AND {idExpression} > {Value("afterId")}))";
    }

    /// <summary>The sort key and id a cursor of <paramref name="tag"/> names.</summary>
    /// <exception cref="InvalidCursorException">The cursor is not ours or belongs to another order.</exception>
    private static (string Key, string Id) Position(string cursor, string tag)
    {
        var (key, id) = Cursor.Decode(cursor);
        if (!key.StartsWith(tag + ":", StringComparison.Ordinal)) throw new InvalidCursorException(cursor);
        return (key[(tag.Length + 1)..], id);
    }
}
