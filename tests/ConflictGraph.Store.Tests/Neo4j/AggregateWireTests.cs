using System.Text.Json.Nodes;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>Aggregates, event exports and killed tallies on the Neo4j store, against a scripted Query API.</summary>
public sealed class AggregateWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static string T(string text) => ScriptedServer.Text(text);
    private const string Null = """{"$type":"Null","_value":null}""";

    private static readonly string[] AggregateFields =
        ["keys", "labels", "events", "imprecise", "disputed", "untallied", .. AggregateQuery.TallyFields, .. AggregateQuery.TallyFields.Select(f => $"f_{f}")];

    /// <summary>A row of the aggregate statement: keys (null for the total), labels, counts, then the tally and the left-out tally.</summary>
    private static string GroupRow(string keys, string labels, params long[] numbers) => $"[{keys},{labels},{string.Join(",", numbers.Select(n => Integer(n)))}]";

    [Fact]
    public async Task AnAggregateIsOneStatementAndTheCoreTurnsItsSumsIntoEstimates()
    {
        // Total: 3 events; tallies of all (2 with figures, one open-ended: 6/6/5) minus the part an enclosing event counts (2/2/2).
        var server = WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(AggregateFields,
            GroupRow(Null, List(), 3, 1, 1, 0, 2, 2, 1, 6, 6, 5, 1, 1, 0, 2, 2, 2),
            GroupRow(List(T("org:kh")), List(T("Kata'ib Hezbollah")), 2, 0, 1, 0, 2, 2, 1, 6, 6, 5, 1, 1, 0, 2, 2, 2),
            GroupRow(List(T("")), List(Null), 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        var (store, _) = WireScripts.Store(server);

        var aggregate = await store.AggregateEventsAsync(new EventAggregateQuery(EventSelection.All, [EventDimension.Perpetrator], First: 5), None);

        Assert.Equal((3, 1, 1), (aggregate.Total.Events, aggregate.Total.ImpreciseEvents, aggregate.Total.DisputedEvents));
        Assert.Equal(new CasualtyEstimate(4, 4, null), aggregate.Total.Killed);
        Assert.Equal(["org:kh Kata'ib Hezbollah 2 4/4/", " no perpetrator named 1 //"],
            aggregate.Groups.Select(g => $"{g.Keys[0].Value} {g.Keys[0].Label} {g.Events} {g.Killed.Low}/{g.Killed.Best}/{g.Killed.High}"));
        var sent = Assert.Single(server.Requests.Skip(SetUp));
        var statement = StatementOf(sent.Body)!;
        Assert.Contains("count(n) AS events", statement);
        Assert.Contains("\"accessMode\":\"Read\"", sent.Body);
        var parameters = ParametersOf(sent.Body);
        Assert.Equal(6, parameters["limit"]!.GetValue<int>());
        Assert.Equal(["DISPUTED", "DENIED"], parameters["contested"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(GroupKeys.AcledEventTypes["AIRSTRIKE"], parameters["acled"]!["AIRSTRIKE"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAggregateOverEventsWithoutATallyIsRefusedWithTheCommandThatGivesThemOne()
    {
        var server = WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(AggregateFields,
            GroupRow(Null, List(), 3, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        var (store, _) = WireScripts.Store(server);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AggregateEventsAsync(new EventAggregateQuery(EventSelection.All, []), None));

        Assert.Contains("2 events have no killed tally", error.Message);
        Assert.Contains("conflictgraph neo4j migrate", error.Message);
    }

    /// <summary>What a statement of its own runs first when the events are filtered by words alone: every match of the full-text index.</summary>
    private const string TextMatches =
        "CALL () { CALL db.index.fulltext.queryNodes('conflictgraph_search', $words) YIELD node RETURN collect(node.id) AS textIds } ";

    [Fact]
    public async Task AnAggregateOfEventsFilteredByWordsAsksTheFullTextIndexInItsOneStatement()
    {
        var server = WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(AggregateFields,
            GroupRow(Null, List(), 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        var (store, _) = WireScripts.Store(server);

        var aggregate = await store.AggregateEventsAsync(new EventAggregateQuery(new EventSelection(null, "Kirby's strikes"), []), None);

        // One request (there was a full-text request before it), its answer read as before.
        Assert.Equal(2, aggregate.Total.Events);
        var sent = Assert.Single(server.Requests.Skip(SetUp));
        var statement = StatementOf(sent.Body)!;
        Assert.StartsWith(TextMatches + "CALL (textIds) { MATCH (n:Event) WHERE n:Node AND n.id IN textIds WITH DISTINCT n WHERE true RETURN collect(n) AS matched } " +
                          "CALL (matched, textIds) { UNWIND matched AS part ", statement);
        // The enclosing events pass the same filter, words included.
        Assert.Contains("WITH DISTINCT n MATCH (n:Event) WHERE n:Node AND n.id IN textIds WITH DISTINCT n WHERE true RETURN collect(n) AS elders", statement);
        Assert.Equal(ConflictGraph.Neo4j.Neo4jGraphStore.FullText("Kirby's strikes"), ParametersOf(sent.Body)["words"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEventExportFilteredByWordsAsksTheFullTextIndexInEachPagesStatement()
    {
        string[] fields = ["id", "body", "sortKey", .. Properties.EventTally, "disputed", "places", "perpetrators", "targets", "partOf"];
        var server = WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(fields, ExportRow(1), ExportRow(2)));
        var (store, _) = WireScripts.Store(server);

        var records = new List<EventRecord>();
        await foreach (var record in store.ExportEventsAsync(new EventSelection(null, "strikes"), None)) records.Add(record);

        Assert.Equal(["event:00001", "event:00002"], records.Select(r => r.Event.Id));
        var sent = Assert.Single(server.Requests.Skip(SetUp));
        Assert.StartsWith(TextMatches + "MATCH (n:Event) WHERE n:Node AND n.id IN textIds WITH DISTINCT n WHERE true WITH n, ", StatementOf(sent.Body)!);
        Assert.Equal(ConflictGraph.Neo4j.Neo4jGraphStore.FullText("strikes"), ParametersOf(sent.Body)["words"]!.GetValue<string>());
    }

    private static string ExportRow(int i)
    {
        var e = new Event($"event:{i:D5}", $"Strike {i}", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 27)));
        var place = new Place("place:iraq", "Iraq", [], null, PlaceKind.Country, new GeoPoint(33.2, 43.7));
        var link = Map(("id", T("org:kh")), ("kind", T("Organization")), ("label", T("KH")), ("status", T("DISPUTED")));
        return $"[{T(e.Id)},{T(NodeJson.Serialize(e))},{T("2021-06-27")},{Integer(1)},{Integer(0)},{Integer(1)},{Integer(7)},{Integer(0)},{Integer(0)}," +
               $$"""{"$type":"Boolean","_value":true},{{List(Map(("id", T(place.Id)), ("body", T(NodeJson.Serialize(place))), ("status", T("UNCONTESTED"))))}},""" +
               $"{List(link)},{List()},{List(T("event:whole"))}]";
    }

    [Fact]
    public async Task AnEventExportReadsAPageAtATimeAfterTheLastRowsKey()
    {
        string[] fields = ["id", "body", "sortKey", .. Properties.EventTally, "disputed", "places", "perpetrators", "targets", "partOf"];
        var server = WithSchema(new ScriptedServer())
            .Answer(ScriptedServer.Rows(fields, Enumerable.Range(0, 1000).Select(ExportRow).ToArray()))
            .Answer(ScriptedServer.Rows(fields, ExportRow(1000)));
        var (store, _) = WireScripts.Store(server);

        var records = new List<EventRecord>();
        await foreach (var record in store.ExportEventsAsync(new EventSelection(new EventCriteria { PlaceId = "place:iraq" }), None)) records.Add(record);

        Assert.Equal(1001, records.Count);
        var first = records[0];
        Assert.Equal(("event:00000", "Iraq", "org:kh", "event:whole"), (first.Event.Id, first.Places.Single().Place.Name, first.Perpetrators.Single().Id, first.PartOf.Single()));
        // 7 at least: counted, open-ended, no best.
        Assert.Equal(new CasualtyEstimate(7, null, null), first.Killed);
        Assert.True(first.Disputed);
        Assert.Same(first.Places[0].Place, records[^1].Places[0].Place);
        var pages = server.Requests.Skip(SetUp).Select(r => ParametersOf(r.Body)).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Null(pages[0]["afterId"]);
        Assert.Equal(("2021-06-27", "event:00999", "place:iraq"),
            (pages[1]["afterKey"]!.GetValue<string>(), pages[1]["afterId"]!.GetValue<string>(), pages[1]["place"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnImportRefreshesTheKilledTallyOfEveryEventItsStatementsReportOnInItsOwnTransaction()
    {
        var strike = new Event("event:e", "E", EventKind.Airstrike, null, null);
        var report = new Statement("statement:r", "at least seven died", Stance.Asserts, null, null, null, null, "a monitor", [], null,
            [new CasualtyReport("event:e", 7, null, null, null, null)]);
        var server = WithSchema(new ScriptedServer()).Answer("""{"transaction":{"id":"tx3"}}""").Otherwise(body =>
            StatementOf(body) == Statements.CasualtyStatements
                ? ScriptedServer.Rows(["kind", "body"], $"[{T("Statement")},{T(NodeJson.Serialize(report))}]")
                : StatementOf(body) == Statements.TakeSequences ? ScriptedServer.Rows(["last"], $"[{Integer(2)}]")
                : """{"data":{"fields":[],"values":[]},"bookmarks":["FB:t"]}""");
        var (store, _) = WireScripts.Store(server);

        await store.ImportAsync(new GraphBatch([strike, report], []), null, None);

        var sent = server.Requests.Skip(SetUp).Select(r => (r.Path, Statement: StatementOf(r.Body))).ToList();
        var tallies = sent.FindIndex(s => s.Statement == Statements.WriteEventTallies);
        Assert.True(tallies > sent.FindIndex(s => s.Statement == Statements.WriteReferences), "tallied after the references it reads");
        Assert.True(sent.FindIndex(s => s.Statement == Statements.ReportedEvents) < sent.FindIndex(s => s.Statement == Statements.WriteReferences),
            "the events a statement reported on before are read before its references change");
        Assert.Equal("/db/graph/query/v2/tx/tx3", sent[tallies].Path);
        Assert.EndsWith("/commit", sent[^1].Path);
        var row = ParametersOf(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteEventTallies).Body)["rows"]!.AsArray().Single()!;
        Assert.Equal("event:e", row["id"]!.GetValue<string>());
        var tally = CasualtyTally.Of(CasualtyEstimate.Of(report.CasualtyReports));
        Assert.Equal(1, tally.OpenEnded);
        Assert.Equal([tally.Counted, tally.WithBest, tally.OpenEnded, tally.Low, tally.Best, tally.High], row["t"]!.AsArray().Select(v => v!.GetValue<long>()));
    }
}
