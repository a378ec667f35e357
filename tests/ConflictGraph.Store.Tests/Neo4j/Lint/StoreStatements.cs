using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Migration;

namespace ConflictGraph.Store.Tests.Neo4j.Lint;

/// <summary>
/// Every statement the store can send: each operation run with every filter, order and direction
/// against a server that answers anything plausibly (a node where bodies are read, a relation with
/// a claim where relations are read), so the paths that follow a found row run too.
/// </summary>
public static class StoreStatements
{
    private static readonly Lazy<Task<IReadOnlyList<string>>> All = new(CollectAsync);
    private static readonly Lazy<Task<IReadOnlyList<string>>> Migrating = new(CollectMigrationAsync);

    public static Task<IReadOnlyList<string>> SentAsync() => All.Value;

    /// <summary>What the layout migration sends (a dry run, then a run), and the live test's writes in the old layout.</summary>
    public static Task<IReadOnlyList<string>> MigrationAsync() => Migrating.Value;

    private static async Task<IReadOnlyList<string>> CollectMigrationAsync()
    {
        var legacy = new LegacyServer(SampleGraph.EveryKind, SampleGraph.Relations)
        {
            Unnamed = SampleGraph.EveryKind.Where(n => SearchText.NamedKinds.Contains(n.Kind)),
        };
        var migration = new LayoutMigration(WireScripts.Store(legacy.Server).Store.Client);
        await migration.CountAsync(CancellationToken.None);
        await migration.RunAsync(3, null, CancellationToken.None);
        return Statements(legacy.Server).Concat(LegacyLayoutWriter.Statements).Distinct().ToList();
    }

    private static IEnumerable<string> Statements(ScriptedServer server) =>
        server.Requests.Select(r => WireScripts.StatementOf(r.Body)).OfType<string>().Distinct();

    private static async Task<IReadOnlyList<string>> CollectAsync()
    {
        var server = new ScriptedServer().Otherwise(Answer);
        using var store = new Neo4jGraphStore(new HttpClient(server), new Neo4jStoreOptions { Uri = new Uri("http://neo4j.test:7474"), Password = "x" });
        var none = CancellationToken.None;

        await store.GetNodesAsync(["person:a"], none);
        foreach (var direction in Enum.GetValues<Direction>())
        {
            await store.GetRelationsAsync(["person:a"], null, direction, none);
            await store.GetRelationsAsync(["person:a"], [RelationType.MemberOf, RelationType.CarriedOut], direction, none);
            await store.ExpandAsync([new ExpandRequest("person:a", null, direction), new ExpandRequest("org:b", [RelationType.BackedBy], direction)], ["person:a"], [], RowCap.None, none);
            await store.ExpandAsync([new ExpandRequest("person:a", null, direction, EndsOnly: true), new ExpandRequest("org:b", [RelationType.BackedBy], direction, EndsOnly: true)], ["person:a"], [], RowCap.None, none);
        }
        await store.ExpandAsync([], ["person:a"], [], RowCap.None, none);
        // A level with its pages (an event's place and statements), with nodes by id only, and pages alone: every node
        // query as a page, whole and keys only, with and without a total, after a cursor of each order, and of no items.
        var about = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = "event:e" } };
        await store.ExpandAsync([new ExpandRequest("event:e", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true)], [],
            [(about, new PageRequest(500, CountTotal: false))], RowCap.None, none);
        await store.ExpandAsync([new ExpandRequest("event:e", null, Direction.Both)], ["person:a"],
            [(about, new PageRequest(500, CountTotal: false)), (about with { Statements = new StatementCriteria { AboutId = "event:f" } }, new PageRequest(500, CountTotal: false))], RowCap.None, none);
        await store.ExpandAsync([], ["person:a"], [(about, new PageRequest(5, KeysOnly: true))], RowCap.None, none);
        await store.ExpandAsync([], [], [.. NodeQueries().Select(q => (q, new PageRequest(5))), .. NodeQueries().Select(q => (q, new PageRequest(5, CountTotal: false, KeysOnly: true)))], RowCap.None, none);
        await store.ExpandAsync([], [], [.. Enum.GetValues<NodeOrder>().Select(order => (new NodeQuery { Kinds = [NodeKind.Event], Order = order }, new PageRequest(5, After(order)))),
            .. Enum.GetValues<NodeOrder>().Select(order => (new NodeQuery { Kinds = [NodeKind.Event], Order = order }, new PageRequest(5, After(order, undated: true)))),
            (about, new PageRequest(0))], RowCap.None, none);
        await store.GetCitationsAsync(["statement:s"], none);
        await store.GetFactsAsync(["place:iraq"], none);
        foreach (var query in FactQueries())
        {
            await store.FindFactsAsync(query, new PageRequest(5), none);
            await store.FindFactsAsync(query, new PageRequest(5, Cursor.Encode("f:place:iraq/function=depot", "place:iraq/function=depot")), none);
        }
        await store.GetEventFamiliesAsync(["event:e"], none);
        await store.GetCasualtyReportsAsync(["event:e"], new RowCap(3), none);
        await store.FindNodesAsync(NodeQueries().Select(q => (q, new PageRequest(5))).ToList(), none);
        await store.FindNodesAsync(NodeQueries().Select(q => (q, new PageRequest(5, KeysOnly: true))).ToList(), none);
        foreach (var order in Enum.GetValues<NodeOrder>())
        foreach (var undated in new[] { false, true })
            await store.FindNodesAsync([(new NodeQuery { Kinds = [NodeKind.Event], Order = order }, new PageRequest(5, After(order, undated)))], none);
        foreach (var query in RelationQueries())
        {
            await store.FindRelationsAsync(query, new PageRequest(5), none);
            await store.FindRelationsAsync(query, new PageRequest(5, Cursor.Encode("r:x", "x")), none);
        }
        await store.SearchAsync("kataib hezbollah", null, 10, none);
        await store.SearchAsync("kataib", [NodeKind.Organization, NodeKind.Person], 10, none);
        await store.SearchAsync("strikes", [NodeKind.Statement, NodeKind.Event], 10, none);
        await store.FindPathsAsync("person:a", "org:b", 3, 5, none);
        await store.GetPlacesWithinAsync(["place:iraq"], none);
        foreach (var direction in Enum.GetValues<ChainDirection>()) await store.GetEscalationAsync(["event:e"], direction, 4, new RowCap(3), none);
        foreach (var query in AggregateQueries()) await store.AggregateEventsAsync(query, none);
        foreach (var selection in EventSelections()) await foreach (var _ in store.ExportEventsAsync(selection, none)) { }
        await store.ImportAsync(new GraphBatch(SampleGraph.EveryKind, SampleGraph.Relations) { Facts = SampleGraph.Facts }, null, none);
        await store.DeleteNodeAsync("statement:s", null, none);
        await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:s", "org:b-[MEMBER_OF]->org:c", null), new WriteContext("lint"), none);
        await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:s", null, "place:iraq/function=depot"), new WriteContext("lint"), none);
        await store.ReadHistoryAsync(0, 100, none);
        foreach (var target in new[] { null, "person:a" })
        {
            await store.FindHistoryAsync(new HistoryQuery(target), new PageRequest(5), none);
            await store.FindHistoryAsync(new HistoryQuery(target), new PageRequest(5, HistoryCursor.Encode(1), CountTotal: false), none);
            await store.FindHistoryAsync(new HistoryQuery(target), new PageRequest(0), none);
        }
        await store.GetHistoryAsync(["person:a", "org:b-[MEMBER_OF]->org:c", "place:iraq/function=depot"], none);
        await store.CompactHistoryAsync(DateTimeOffset.MaxValue, none);
        await foreach (var _ in store.ExportNodesAsync(none)) { }
        await foreach (var _ in store.ExportRelationsAsync(none)) { }
        await foreach (var _ in store.ExportFactsAsync(none)) { }
        await store.GetStatsAsync(none);
        await store.GetDataVersionAsync(none);
        await store.ClearAsync(none);

        // An event export's later pages, which the stand-in's short pages never reach: after a dated and an undated event.
        var later = new[] { EventExportQuery.After("2021-01-01", "event:e"), EventExportQuery.After(null, "event:e") }
            .SelectMany(after => EventSelections().Select(selection => EventExportQuery.Page(selection, after, 5).Text));
        return Statements(server).Concat(later).Distinct().ToList();
    }

    /// <summary>A cursor of an event page in the order given, after a dated event or (date orders) an undated one.</summary>
    private static string After(NodeOrder order, bool undated = false) =>
        Cursor.Encode(order switch
        {
            NodeOrder.DateAsc => $"a:{(undated ? DateKey.Undated(false) : "2021-01-01")}",
            NodeOrder.DateDesc => $"d:{(undated ? DateKey.Undated(true) : "2021-01-01")}",
            _ => "i:event:e",
        }, "event:e");

    private const string Empty = """{"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"t1"}}""";
    private const string Zero = """{"$type":"Integer","_value":"0"}""";
    private const string One = """{"$type":"Integer","_value":"1"}""";
    private const string Null = """{"$type":"Null","_value":null}""";

    private static readonly string[] HistoryColumns = ["seq", "kind", "target", "nodeKind", "targetId", "statementId", "batchId", "writer", "at", "batchFirst", "aboutIds"];

    /// <summary>
    /// One entry of each target kind, each the newest of its target; with <paramref name="states"/>, each with its
    /// before, no later entry, and its target as stored now (a node's, a relation's, a fact's map), and then the tail.
    /// </summary>
    private static IEnumerable<string> HistoryRows(bool states = false, string tail = "") =>
        new[] { ("NODE_UPDATED", "NODE", ScriptedServer.Text("PERSON"), "person:a", StoredPerson), ("CLAIM_ADDED", "RELATION", Null, "org:b-[MEMBER_OF]->org:c", StoredRelation),
                ("CLAIM_ADDED", "FACT", Null, "place:iraq/function=depot", StoredFact) }
            .Select((e, i) => $$"""[{"$type":"Integer","_value":"{{i + 1}}"},{{ScriptedServer.Text(e.Item1)}},{{ScriptedServer.Text(e.Item2)}},{{e.Item3}},""" +
                              $"{ScriptedServer.Text(e.Item4)},{Null},{ScriptedServer.Text("batch-1")},{ScriptedServer.Text("lint")},{One},{One},{Null}" +
                              (states ? $$""",{{Null}},{"$type":"Boolean","_value":false},{{Null}},{{e.Item5}}""" : "") + $"{tail}]");

    private const string Claims = """{"$type":"List","_value":[{"$type":"Map","_value":{"statement":{"$type":"String","_value":"statement:s"},"position":{"$type":"String","_value":"CLAIMS"},"characterization":{"$type":"Null","_value":null}}}]}""";

    private static string StoredPerson => WireScripts.Map(("kind", ScriptedServer.Text("Person")), ("body", ScriptedServer.Text(NodeJson.Serialize(SampleGraph.Person))));

    private static string StoredRelation => WireScripts.Map(("id", ScriptedServer.Text("org:b-[MEMBER_OF]->org:c")), ("type", ScriptedServer.Text("MEMBER_OF")),
        ("fromId", ScriptedServer.Text("org:b")), ("toId", ScriptedServer.Text("org:c")), ("claims", Claims));

    private static string StoredFact => WireScripts.Map(("id", ScriptedServer.Text("place:iraq/function=depot")), ("subjectId", ScriptedServer.Text("place:iraq")),
        ("property", ScriptedServer.Text("function")), ("value", ScriptedServer.Text("depot")), ("claims", Claims));

    /// <summary>The corpus's stand-in Query API: a plausible answer for each statement the store sends, by the fragments it holds.</summary>
    internal static string Answer(string body)
    {
        var person = ScriptedServer.Text(NodeJson.Serialize(SampleGraph.Person));
        var claim = """{"$type":"List","_value":[{"$type":"Map","_value":{"statement":{"$type":"String","_value":"statement:s"},"position":{"$type":"String","_value":"CLAIMS"},"characterization":{"$type":"Null","_value":null}}}]}""";
        var relation = $"{ScriptedServer.Text("org:b-[MEMBER_OF]->org:c")},{ScriptedServer.Text("MEMBER_OF")},{ScriptedServer.Text("org:b")},{ScriptedServer.Text("org:c")},{claim}";
        var fact = $"{ScriptedServer.Text("place:iraq/function=depot")},{ScriptedServer.Text("place:iraq")},{ScriptedServer.Text("function")},{ScriptedServer.Text("depot")},{claim}";
        bool Has(string text) => body.Contains(text, StringComparison.Ordinal);
        // A page of the log with its total in the same statement (before the count alone below, which it holds), each
        // entry's target as stored now beside it.
        return Has("AS nextBefore") && Has("OPTIONAL CALL") ? ScriptedServer.Rows([.. HistoryColumns, "before", "hasNext", "nextBefore", "stored", "total"],
                [.. HistoryRows(states: true, tail: $",{One}")])
            // A path search's rings: both ends found, the second ring read, one relation with its claim.
            : WireScripts.StatementOf(body) == ConflictGraph.Neo4j.Cypher.Statements.PathRings ? ScriptedServer.Rows(["ends", "farRead", "relations"],
                $"[{WireScripts.Integer(2)},{True},{WireScripts.List(StoredRelation)}]")
            : Has("AS untallied") ? AggregateTotal
            : Has("AS partOf") ? ExportedEvents(Has("$afterKey") ? 1 : 1000)
            : Has("AS unlabelled") ? ScriptedServer.Rows(["unlabelled", "legacyRelations"], $$"""[{{Zero}},{"$type":"Boolean","_value":false}]""")
            : Has("UNWIND $q0 AS page") ? WireScripts.LevelAnswer(body, 1, page => page.ContainsKey("afterKey") ? [] : [PersonMap(person)])
            // A page of relations or facts with its total: one of each, with a claim.
            : Has("AS rows } RETURN") ? WireScripts.CountedAnswer(body, 1, Has("type: type(r)")
                ? WireScripts.Map(("id", ScriptedServer.Text("org:b-[MEMBER_OF]->org:c")), ("type", ScriptedServer.Text("MEMBER_OF")),
                    ("fromId", ScriptedServer.Text("org:b")), ("toId", ScriptedServer.Text("org:c")), ("claims", claim))
                : WireScripts.Map(("id", ScriptedServer.Text("place:iraq/function=depot")), ("subjectId", ScriptedServer.Text("place:iraq")),
                    ("property", ScriptedServer.Text("function")), ("value", ScriptedServer.Text("depot")), ("claims", claim)))
            : Has("RETURN names, texts") ? ScriptedServer.Rows(["names", "texts"], $"[{WireScripts.List()},{WireScripts.List()}]")
            : Has("RETURN relations, nodes") ? ScriptedServer.Rows(["relations", "nodes"], """[{"$type":"List","_value":[]},{"$type":"List","_value":[]}]""")
            : Has("RETURN relations, facts") ? ScriptedServer.Rows(["relations", "facts"], """[{"$type":"List","_value":[]},{"$type":"List","_value":[]}]""")
            : Has("AS subjectId") ? ScriptedServer.Rows(["id", "subjectId", "property", "value", "claims"], $"[{fact}]")
            : Has("AS descendants") ? ScriptedServer.Rows(["id", "ancestors", "descendants"],
                $$"""[{{ScriptedServer.Text("event:e")}},{"$type":"List","_value":[{{ScriptedServer.Text("event:f")}}]},{"$type":"List","_value":[]}]""")
            : Has("n.body AS body") ? ScriptedServer.Rows(["kind", "body", "id", "sortKey"],
                $"[{ScriptedServer.Text("Person")},{person},{ScriptedServer.Text("person:a")},{ScriptedServer.Text("person:a")}]")
            : Has("AS claims") ? ScriptedServer.Rows(["root", "id", "type", "fromId", "toId", "claims"], $"[{ScriptedServer.Text("event:e")},{relation}]")
            : Has("c.relationType AS type") ? ScriptedServer.Rows(["targetId", "type", "fromId", "toId"],
                $"[{ScriptedServer.Text("org:b-[MEMBER_OF]->org:c")},{ScriptedServer.Text("MEMBER_OF")},{ScriptedServer.Text("org:b")},{ScriptedServer.Text("org:c")}]",
                $$"""[{{ScriptedServer.Text("place:iraq/function=depot")}},{"$type":"Null","_value":null},{"$type":"Null","_value":null},{"$type":"Null","_value":null}]""")
            : Has("AS newest") ? ScriptedServer.Rows(["newest", "total"], $"[{One},{One}]")
            : Has("AS total") ? ScriptedServer.Rows(["total"], $"[{Zero}]")
            : Has("AS count\"") ? ScriptedServer.Rows(["count"], $"[{Zero}]")
            : Has("AS relations }") ? ScriptedServer.Rows([.. Labels.Kinds, "relations"], $"[{string.Join(",", Labels.Kinds.Append("relations").Select(_ => One))}]")
            : Has("AS version") ? ScriptedServer.Rows(["version"], $"[{Zero}]")
            : Has("AS last") ? ScriptedServer.Rows(["last"], $"[{One}]")
            : Has("AS nextBefore") ? ScriptedServer.Rows([.. HistoryColumns, "before", "hasNext", "nextBefore", "stored"], [.. HistoryRows(states: true)])
            : Has("h.batchFirst AS batchFirst") ? ScriptedServer.Rows(HistoryColumns, [.. HistoryRows()])
            // Compaction's walk: one page of one target created then updated (the update folds), then none after it.
            : Has("e.at AS at") && Has("\"after\":\"\"") ? ScriptedServer.Rows(["targetId", "seq", "kind", "at"],
                $"[{ScriptedServer.Text("person:a")},{One},{ScriptedServer.Text("NODE_CREATED")},{One}]",
                $$"""[{{ScriptedServer.Text("person:a")}},{"$type":"Integer","_value":"2"},{{ScriptedServer.Text("NODE_UPDATED")}},{{One}}]""")
            : NoRows(body);
    }

    /// <summary>
    /// The statements answered with no rows: the schema set-up, every write (none reads its reply), and the reads whose
    /// empty answer the corpus means (no place inside another, no reported events, no hits for words alone), and the
    /// requests that carry no statement (a transaction's opening, commit or rollback). Any other statement fails the
    /// collection naming it, so a statement that changed until no answer above fits it is never linted on an empty reply.
    /// </summary>
    private static readonly HashSet<string> AnsweredWithNoRows =
    [
        .. ConflictGraph.Neo4j.Cypher.Statements.Schema,
        .. Enum.GetValues<NodeKind>().Select(ConflictGraph.Neo4j.Cypher.Statements.WriteNodes),
        .. Enum.GetValues<RelationType>().Select(ConflictGraph.Neo4j.Cypher.Statements.WriteRelations),
        .. ConflictGraph.Neo4j.Cypher.Statements.DeleteNode,
        ConflictGraph.Neo4j.Cypher.Statements.WriteReferences, ConflictGraph.Neo4j.Cypher.Statements.WriteStatuses, ConflictGraph.Neo4j.Cypher.Statements.WriteClaims,
        ConflictGraph.Neo4j.Cypher.Statements.WriteFacts, ConflictGraph.Neo4j.Cypher.Statements.WriteFactStatuses, ConflictGraph.Neo4j.Cypher.Statements.WriteEventTallies,
        ConflictGraph.Neo4j.Cypher.Statements.DeleteClaim, ConflictGraph.Neo4j.Cypher.Statements.DeleteHistory, ConflictGraph.Neo4j.Cypher.Statements.WriteHistory,
        ConflictGraph.Neo4j.Cypher.Statements.Clear, ConflictGraph.Neo4j.Cypher.Statements.PlacesWithin, ConflictGraph.Neo4j.Cypher.Statements.ReportedEvents,
        ConflictGraph.Neo4j.Cypher.Statements.TextSearch, ConflictGraph.Neo4j.Cypher.Statements.HistoryOutline,
    ];

    private static string NoRows(string body) => WireScripts.StatementOf(body) is not { } statement || AnsweredWithNoRows.Contains(statement)
        ? Empty
        : throw new InvalidOperationException($"the lint corpus's stand-in Query API has no answer for this statement (add one, or list it as answered with no rows): {statement}");

    /// <summary>A node as a folded page's row holds it: whole, with its id too for a page of keys.</summary>
    private static string PersonMap(string body) => WireScripts.Map(("kind", ScriptedServer.Text("Person")), ("body", body),
        ("id", ScriptedServer.Text("person:a")), ("sortKey", ScriptedServer.Text("person:a")));

    /// <summary>An aggregate's total row: every measure zero.</summary>
    private static string AggregateTotal => ScriptedServer.Rows(
        ["keys", "labels", "events", "imprecise", "disputed", "untallied", .. AggregateQuery.TallyFields, .. AggregateQuery.TallyFields.Select(f => $"f_{f}")],
        $$"""[{"$type":"Null","_value":null},{"$type":"List","_value":[]},{{string.Join(",", Enumerable.Repeat(Zero, 16))}}]""");

    /// <summary>
    /// Exported events with a disputed place, a perpetrator and a parent event: a full first page, so the
    /// export asks for the next one with its keyset condition, and one row on that page.
    /// </summary>
    private static string ExportedEvents(int count)
    {
        var e = SampleGraph.EveryKind.OfType<Event>().First();
        var place = SampleGraph.EveryKind.OfType<Place>().First();
        string T(string text) => ScriptedServer.Text(text);
        var link = WireScripts.Map(("id", T("org:b")), ("kind", T("Organization")), ("label", T("B")), ("status", T("UNCONTESTED")));
        var located = WireScripts.Map(("id", T(place.Id)), ("body", T(NodeJson.Serialize(place))), ("status", T("DISPUTED")));
        var row = $"[{T(e.Id)},{T(NodeJson.Serialize(e))},{T("2021-06-27")},{string.Join(",", Enumerable.Repeat(Zero, 6))},{True}," +
                  $"{WireScripts.List(located)},{WireScripts.List(link)},{WireScripts.List()},{WireScripts.List(T("event:f"))}]";
        return ScriptedServer.Rows(["id", "body", "sortKey", .. Properties.EventTally, "disputed", "places", "perpetrators", "targets", "partOf"],
            Enumerable.Repeat(row, count).ToArray());
    }

    private const string True = """{"$type":"Boolean","_value":true}""";

    private static IEnumerable<EventAggregateQuery> AggregateQueries()
    {
        var day = new DateOnly(2021, 6, 27);
        var every = new EventCriteria { Kinds = [EventKind.Airstrike], From = day, To = day.AddDays(3), PlaceId = "place:iraq", PerpetratorId = "org:b", TargetId = "org:c" };
        yield return new EventAggregateQuery(EventSelection.All, []);
        foreach (var dimension in Enum.GetValues<EventDimension>())
            yield return new EventAggregateQuery(new EventSelection(every), [dimension], PlaceLevel: PlaceKind.Region);
        foreach (var bucket in Enum.GetValues<TimeBucket>())
            yield return new EventAggregateQuery(EventSelection.All, [EventDimension.Time], bucket);
        yield return new EventAggregateQuery(new EventSelection(null, "strikes"), [EventDimension.Place, EventDimension.Time, EventDimension.Perpetrator]);
        yield return new EventAggregateQuery(new EventSelection(every, "strikes"), [EventDimension.Target, EventDimension.Kind, EventDimension.AcledEventType], First: 5);
    }

    private static IEnumerable<EventSelection> EventSelections()
    {
        yield return EventSelection.All;
        yield return new EventSelection(
            new EventCriteria { Kinds = [EventKind.Airstrike], From = new DateOnly(2021, 6, 1), PlaceId = "place:iraq", PerpetratorId = "org:b", TargetId = "org:c" }, "strikes");
    }

    private static IEnumerable<NodeQuery> NodeQueries()
    {
        foreach (var kind in Enum.GetValues<NodeKind>()) yield return new NodeQuery { Kinds = [kind] };
        yield return new NodeQuery { Kinds = [NodeKind.Person, NodeKind.Organization], Text = "kirby" };
        // Words beside an anchor: checked on each node it finds.
        yield return new NodeQuery { Kinds = [NodeKind.Event], Events = new EventCriteria { PlaceId = "place:iraq" }, Text = "attack shell" };
        yield return new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { SpeakerId = "person:kirby" }, Text = "kirby" };
        yield return new NodeQuery { Kinds = [NodeKind.Event], Ids = ["event:e", "event:f"] };
        yield return new NodeQuery { Kinds = [NodeKind.Organization], OrganizationKinds = [OrganizationKind.ArmedGroup, OrganizationKind.State] };
        yield return new NodeQuery { Kinds = [NodeKind.Place], PlaceKinds = [PlaceKind.Site], WithinPlaceId = "place:iraq" };
        yield return new NodeQuery { Kinds = [NodeKind.Person, NodeKind.Organization, NodeKind.Event], WithinPlaceId = "place:iraq" };
        var day = new DateOnly(2021, 6, 27);
        yield return new NodeQuery
        {
            Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc,
            Events = new EventCriteria { Kinds = [EventKind.Airstrike], From = day, To = day.AddDays(3), PlaceId = "place:iraq", PerpetratorId = "org:b", TargetId = "org:c" },
        };
        yield return new NodeQuery { Kinds = [NodeKind.Event], Order = NodeOrder.DateDesc, Events = new EventCriteria { From = day } };
        yield return new NodeQuery
        {
            Kinds = [NodeKind.Statement], Order = NodeOrder.DateDesc,
            Statements = new StatementCriteria
            {
                Anonymous = false, SpeakerId = "person:a", OrganizationId = "org:b", ActorId = "org:b", AboutId = "event:e", Stances = [Stance.Denies], SourceId = "source:s",
            },
        };
    }

    private static IEnumerable<FactQuery> FactQueries()
    {
        yield return new FactQuery();
        yield return new FactQuery { SubjectId = "place:iraq", Property = "function", Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] };
        yield return new FactQuery { ClaimedByActorId = "org:b", Property = "function" };
    }

    private static IEnumerable<RelationQuery> RelationQueries()
    {
        yield return new RelationQuery();
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] };
        yield return new RelationQuery { FromId = "event:e", ToId = "event:f", ClaimedByActorId = "org:b" };
        yield return new RelationQuery
        {
            Types = [RelationType.RetaliationFor], FromPerpetratorId = "org:b", ToPerpetratorId = "org:c",
            FromDate = new DateOnly(2021, 1, 1), ToDate = new DateOnly(2021, 12, 31),
        };
    }
}
