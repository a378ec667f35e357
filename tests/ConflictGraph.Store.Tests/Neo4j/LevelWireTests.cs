using System.Text.Json.Nodes;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// A query level's pages go in its expansion's request: one statement, so one round trip and one transaction, each page
/// read by the clauses FindNodesAsync sends for it and read back as FindNodesAsync reads the same rows.
/// (FindNodesAsync's own request is tested in <see cref="FindNodesWireTests"/>.)
/// </summary>
public sealed class LevelWireTests
{
    private static readonly ExpandRequest[] PlaceOfE = [new("event:e", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true)];

    private static NodeQuery StatementsAbout(string id) =>
        new() { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = id } };

    private static readonly NodeQuery BySpeaker = new() { Kinds = [NodeKind.Statement], Order = NodeOrder.DateDesc, Statements = new StatementCriteria { SpeakerId = "person:a" } };

    /// <summary>Three events as a page's rows: kind, body, id and sort key (the statements' shape does not matter to reading them).</summary>
    private static readonly Event[] Found = Enumerable.Range(1, 3).Select(i => new Event($"event:x{i}", $"X{i}", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 20 + i)))).ToArray();

    private static (string Kind, string Body, string Id, string SortKey)[] FoundRows(JsonObject page) =>
        Found.Where(e => page["afterId"] is null || string.CompareOrdinal(e.Id, page["afterId"]!.GetValue<string>()) > 0)
            .Select(e => (ScriptedServer.Text("Event"), ScriptedServer.Text(NodeJson.Serialize(e)), ScriptedServer.Text(e.Id), ScriptedServer.Text($"2021-06-2{e.Id[^1]}")))
            .ToArray();

    private static string LevelAnswer(string body) =>
        body.Contains("UNWIND $q0 AS page", StringComparison.Ordinal)
            ? WireScripts.LevelAnswer(body, 7, page => FoundRows(page).Select(r => Map(("kind", r.Kind), ("body", r.Body), ("id", r.Id), ("sortKey", r.SortKey))).ToArray())
            : body.Contains("RETURN relations, nodes", StringComparison.Ordinal) ? ScriptedServer.Rows(["relations", "nodes"], $"[{List()},{List()}]")
            : ScriptedServer.Empty;

    private static async Task<(Neighborhood Found, List<(string Statement, JsonNode Parameters, string Body)> Sent)> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> ids, IReadOnlyList<(NodeQuery, PageRequest)> pages, RowCap? cap = null)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(LevelAnswer));
        using (store)
        {
            var found = await store.ExpandAsync(requests, ids, pages, cap ?? RowCap.None, CancellationToken.None);
            return (found, server.Requests.Skip(SetUp).Select(r => (StatementOf(r.Body)!, ParametersOf(r.Body), r.Body)).ToList());
        }
    }

    private static async Task<(IReadOnlyList<Page<Node>> Pages, List<string> Sent)> AloneAsync(IReadOnlyList<(NodeQuery, PageRequest)> pages)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(LevelAnswer));
        using (store)
        {
            var found = await store.FindNodesAsync(pages, CancellationToken.None);
            return (found, server.Requests.Skip(SetUp).Select(r => StatementOf(r.Body)!).ToList());
        }
    }

    private static void AssertSamePages(IReadOnlyList<Page<Node>> expected, IReadOnlyList<Page<Node>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Items.Select(i => (i.Cursor, i.Item.Id, i.Item.GetType())), got.Items.Select(i => (i.Cursor, i.Item.Id, i.Item.GetType())));
            Assert.Equal((want.TotalCount, want.HasNextPage, want.HasPreviousPage), (got.TotalCount, got.HasNextPage, got.HasPreviousPage));
        }
    }

    [Fact]
    public async Task ALevelAndItsPagesAreOneReadRequestEachPageReadAsFindNodesReadsTheSameRows()
    {
        (NodeQuery, PageRequest)[] pages =
        [
            (StatementsAbout("event:e"), new PageRequest(2, CountTotal: false)),
            (StatementsAbout("event:f"), new PageRequest(2, CountTotal: false)),
            (BySpeaker, new PageRequest(1, Cursor.Encode("d:2021-06-21", "event:x1"), KeysOnly: true)),
            (StatementsAbout("event:g"), new PageRequest(0)),
        ];

        var (found, sent) = await ExpandAsync(PlaceOfE, ["person:a"], pages);

        var (statement, parameters, body) = Assert.Single(sent);
        Assert.Contains("\"accessMode\":\"Read\"", body);
        Assert.StartsWith(Statements.ExpansionClauses([new RelationGroup([RelationType.OccurredIn], Direction.Outgoing, ["event:e"])], claims: false), statement);
        Assert.EndsWith("RETURN relations, nodes, q0, q1, q2", statement);
        // The two pages of one shape share a subquery; each page's values are a map of its own, with its place in the level.
        Assert.Equal([("event:e", 0), ("event:f", 1)], parameters["q0"]!.AsArray().Select(p => (p!["about"]!.GetValue<string>(), p["at"]!.GetValue<int>())));
        Assert.Equal(3, parameters["l0"]!.GetValue<int>());
        var speaker = Assert.Single(parameters["q1"]!.AsArray())!;
        Assert.Equal(("person:a", "2021-06-21", "event:x1", 2), (speaker["speaker"]!.GetValue<string>(), speaker["afterKey"]!.GetValue<string>(), speaker["afterId"]!.GetValue<string>(), speaker["at"]!.GetValue<int>()));
        Assert.Equal(2, parameters["l1"]!.GetValue<int>());
        Assert.Null(parameters.AsObject()["l2"]);
        Assert.DoesNotContain("$about", statement);

        var (alone, aloneSent) = await AloneAsync(pages);
        Assert.Single(aloneSent);
        AssertSamePages(alone, found.Pages);
        Assert.Equal(["event:x1", "event:x2"], found.Pages[0].Items.Select(i => i.Item.Id));
        Assert.True(found.Pages[0].HasNextPage);
        Assert.Null(found.Pages[0].TotalCount);
        Assert.Equal((7, true, true), (found.Pages[2].TotalCount, found.Pages[2].HasNextPage, found.Pages[2].HasPreviousPage));
        Assert.IsType<NodeKey>(Assert.Single(found.Pages[2].Items).Item);
        Assert.Equal((7, true), (found.Pages[3].TotalCount, found.Pages[3].HasNextPage));
    }

    [Fact]
    public async Task AFoldedPageIsFindNodesStatementAfterTheExpansion()
    {
        var page = (BySpeaker with { Statements = new StatementCriteria { SpeakerId = "person:a", AboutId = "event:e", Stances = [Stance.Denies] } },
            new PageRequest(5, Cursor.Encode("d:2021-06-21", "event:x1")));
        var alone = Assert.Single((await AloneAsync([page])).Sent);
        var (_, sent) = await ExpandAsync(PlaceOfE, [], [page]);

        var statement = Assert.Single(sent).Statement;
        // FindNodesAsync's pages up to their RETURN, after the expansion's clauses, and the expansion's columns before the page's.
        var pages = alone[..alone.LastIndexOf("RETURN q0", StringComparison.Ordinal)];
        Assert.Equal(Statements.ExpansionClauses([new RelationGroup([RelationType.OccurredIn], Direction.Outgoing, ["event:e"])], claims: false) + pages + "RETURN relations, nodes, q0", statement);
    }

    [Fact]
    public async Task TheStatementIsTheSameTextHoweverManyPagesOfAShapeTheLevelHolds()
    {
        var (_, one) = await ExpandAsync(PlaceOfE, [], [(StatementsAbout("event:e"), new PageRequest(500, CountTotal: false))]);
        var (_, many) = await ExpandAsync(PlaceOfE, [], Enumerable.Range(0, 40).Select(i => (StatementsAbout($"event:{i}"), new PageRequest(500, CountTotal: false))).ToList());

        Assert.Equal(Assert.Single(one).Statement, Assert.Single(many).Statement);
        Assert.Equal(40, many[0].Parameters["q0"]!.AsArray().Count);
    }

    [Fact]
    public async Task PagesWithoutAnExpansionAreOneStatementTooWithTheNodesAskedForById()
    {
        var pages = new[] { (StatementsAbout("event:e"), new PageRequest(2)) };
        var (byId, sent) = await ExpandAsync([], ["person:a"], pages);
        var statement = Assert.Single(sent).Statement;
        Assert.StartsWith($"CALL () {{ {Statements.NodesAt("$ids")} }} ", statement);
        Assert.EndsWith("RETURN nodes, q0", statement);
        Assert.Equal(["person:a"], sent[0].Parameters["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(7, byId.Pages[0].TotalCount);

        var (alone, only) = await ExpandAsync([], [], pages);
        Assert.StartsWith("CALL () { UNWIND $q0 AS page ", Assert.Single(only).Statement);
        Assert.EndsWith("RETURN q0", only[0].Statement);
        Assert.Empty(alone.Relations);
        Assert.Empty(alone.Nodes);
        Assert.Equal(2, alone.Pages[0].Items.Count);
    }

    [Fact]
    public async Task APageOfNoKindsSendsNothingAndALevelOfOnlySuchPagesSendsItsExpansionAlone()
    {
        var (found, sent) = await ExpandAsync(PlaceOfE, [], [(new NodeQuery { Kinds = [] }, new PageRequest(5))]);

        Assert.Equal(Statements.Expansion([new RelationGroup([RelationType.OccurredIn], Direction.Outgoing, ["event:e"])], claims: false), Assert.Single(sent).Statement);
        Assert.Same(Page<Node>.Empty, Assert.Single(found.Pages));
    }

    [Fact]
    public async Task APageThatFiltersByWordsIsFoldedWithItsFullTextMatchesAsFindNodesSendsIt()
    {
        var page = (new NodeQuery { Kinds = [NodeKind.Statement], Text = "kirby" }, new PageRequest(2));
        var alone = Assert.Single((await AloneAsync([page])).Sent);
        var (found, sent) = await ExpandAsync(PlaceOfE, [], [page]);

        // One request, the expansion's and the page's (its full-text matches a subquery of it), as FindNodesAsync sends it alone.
        var statement = Assert.Single(sent).Statement;
        Assert.Contains("UNWIND $q0 AS page CALL (page) { CALL db.index.fulltext.queryNodes('conflictgraph_search', page.words) ", statement);
        Assert.EndsWith(alone[..alone.LastIndexOf("RETURN q0", StringComparison.Ordinal)] + "RETURN relations, nodes, q0", statement);
        Assert.Equal(Neo4jGraphStore.FullText("kirby"), sent[0].Parameters["q0"]![0]!["words"]!.GetValue<string>());
        var read = Assert.Single(found.Pages);
        Assert.Equal(("event:x1 event:x2", 7, true), (string.Join(" ", read.Items.Select(i => i.Item.Id)), read.TotalCount, read.HasNextPage));
    }

    [Fact]
    public async Task ACursorFromAnotherOrderIsRefusedBeforeAnythingIsSent()
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(LevelAnswer));
        using (store)
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() => store.ExpandAsync(PlaceOfE, [],
                [(StatementsAbout("event:e"), new PageRequest(5, Cursor.Encode("i:event:x1", "event:x1")))], RowCap.None, CancellationToken.None));
            Assert.Empty(server.Requests);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALevelsCapIsSentWithItsWalkAndNoRowBackMeansTheWalkPassedIt(bool withPages)
    {
        List<(NodeQuery, PageRequest)> pages = withPages ? [(StatementsAbout("event:e"), new PageRequest(2))] : [];
        // Answered: the statement pulls the walk's rows up to one past the cap, and its one row comes back.
        var (_, sent) = await ExpandAsync(PlaceOfE, [], pages, new RowCap(41));
        var statement = Assert.Single(sent).Statement;
        Assert.Contains("} WITH r, farId LIMIT $cap WITH collect(DISTINCT r) AS found, collect(DISTINCT farId) AS far, count(*) AS walked WHERE walked < $cap ", statement);
        Assert.Equal(42, sent[0].Parameters[Statements.CapParameter]!.GetValue<long>());

        // Without a cap the walk is read whole.
        (_, sent) = await ExpandAsync(PlaceOfE, [], pages, RowCap.None);
        Assert.Equal(long.MaxValue, sent[0].Parameters[Statements.CapParameter]!.GetValue<long>());

        // Past the cap the WHERE leaves no row: the store says so, and reads nothing more.
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(_ => ScriptedServer.Empty));
        using (store)
        {
            var stopped = await Assert.ThrowsAsync<RowCapExceededException>(() => store.ExpandAsync(PlaceOfE, [], pages, new RowCap(41), CancellationToken.None));
            Assert.Equal(41, stopped.Cap.Rows);
            Assert.Single(server.Requests.Skip(SetUp));
        }
    }
}
