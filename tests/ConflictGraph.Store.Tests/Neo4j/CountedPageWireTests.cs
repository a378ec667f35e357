using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// A page of relations (relations, retaliations, disputes) or of facts is one Query API request with its total, where it
/// was a count and a rows statement: each a subquery of one row, so a page of nothing still brings its total.
/// </summary>
public sealed class CountedPageWireTests
{
    private static readonly RelationQuery Retaliations = new() { Types = [RelationType.RetaliationFor], FromDate = new DateOnly(2021, 6, 1) };

    private static string Relation(string from, string to) => Map(("id", ScriptedServer.Text($"{from}-[RETALIATION_FOR]->{to}")),
        ("type", ScriptedServer.Text("RETALIATION_FOR")), ("fromId", ScriptedServer.Text(from)), ("toId", ScriptedServer.Text(to)), ("claims", List()));

    /// <summary>Three relations, out of order (the store orders them), to every page that reads rows; a total of 9.</summary>
    private static string Answer(string body) => CountedAnswer(body, 9, Relation("event:c", "event:x"), Relation("event:a", "event:x"), Relation("event:b", "event:x"));

    private static async Task<(T Page, List<(string Statement, string Body)> Sent)> ReadAsync<T>(Func<IGraphStore, Task<T>> read, Func<string, string>? answer = null)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(answer ?? Answer));
        using (store)
        {
            var page = await read(store);
            return (page, server.Requests.Skip(SetUp).Select(r => (StatementOf(r.Body)!, r.Body)).ToList());
        }
    }

    [Fact]
    public async Task ARelationPageAndItsTotalAreOneReadRequest()
    {
        var (page, sent) = await ReadAsync(s => s.FindRelationsAsync(Retaliations, new PageRequest(2), CancellationToken.None));

        var (statement, body) = Assert.Single(sent);
        Assert.Contains("\"accessMode\":\"Read\"", body);
        const string found = "MATCH (a:Node)-[r:RETALIATION_FOR]->(b:Node) WHERE a.dateEnd >= $fromDate";
        Assert.Equal($"CALL () {{ {found} RETURN count(r) AS total }} CALL () {{ {found} WITH a, r, b, r.id AS sortKey " +
                     $"WITH a, r, b, sortKey ORDER BY sortKey LIMIT $limit RETURN collect({Statements.RelationMap}) AS rows }} RETURN total, rows", statement);
        Assert.Equal(3, ParametersOf(body)["limit"]!.GetValue<int>());
        Assert.Equal(["event:a-[RETALIATION_FOR]->event:x", "event:b-[RETALIATION_FOR]->event:x"], page.Items.Select(i => i.Item.Id));
        Assert.Equal(Cursor.Encode("r:event:a-[RETALIATION_FOR]->event:x", "event:a-[RETALIATION_FOR]->event:x"), page.Items[0].Cursor);
        Assert.Equal((9, true, false), (page.TotalCount, page.HasNextPage, page.HasPreviousPage));
    }

    [Fact]
    public async Task ARelationPageReadsOnlyWhatItNeeds()
    {
        var after = Cursor.Encode("r:event:b-[RETALIATION_FOR]->event:x", "event:b-[RETALIATION_FOR]->event:x");
        var (withoutTotal, sent) = await ReadAsync(s => s.FindRelationsAsync(Retaliations, new PageRequest(5, after, CountTotal: false), CancellationToken.None));
        Assert.DoesNotContain("count(r)", Assert.Single(sent).Statement);
        Assert.Contains("WHERE (sortKey > $afterKey OR (sortKey = $afterKey AND r.id > $afterId))", sent[0].Statement);
        Assert.EndsWith("RETURN rows", sent[0].Statement);
        Assert.Equal(((int?)null, false, true), (withoutTotal.TotalCount, withoutTotal.HasNextPage, withoutTotal.HasPreviousPage));

        var (nothing, counted) = await ReadAsync(s => s.FindRelationsAsync(Retaliations, new PageRequest(0), CancellationToken.None));
        Assert.EndsWith("RETURN total", Assert.Single(counted).Statement);
        Assert.Null(ParametersOf(counted[0].Body)["limit"]);
        Assert.Equal((0, 9, true), (nothing.Items.Count, nothing.TotalCount, nothing.HasNextPage));
    }

    [Fact]
    public async Task APagePastTheEndStillBringsItsTotal()
    {
        var (page, sent) = await ReadAsync(s => s.FindRelationsAsync(Retaliations, new PageRequest(5, Cursor.Encode("r:z", "z")), CancellationToken.None),
            body => CountedAnswer(body, 4));

        Assert.Single(sent);
        Assert.Empty(page.Items);
        Assert.Equal((4, false, true), (page.TotalCount, page.HasNextPage, page.HasPreviousPage));
    }

    [Fact]
    public async Task AFactPageAndItsTotalAreOneReadRequest()
    {
        var fact = Map(("id", ScriptedServer.Text("place:iraq/function=depot")), ("subjectId", ScriptedServer.Text("place:iraq")),
            ("property", ScriptedServer.Text("function")), ("value", ScriptedServer.Text("depot")), ("claims", List()));
        var (page, sent) = await ReadAsync(s => s.FindFactsAsync(new FactQuery { SubjectId = "place:iraq" }, new PageRequest(5), CancellationToken.None),
            body => CountedAnswer(body, 1, fact));

        var statement = Assert.Single(sent).Statement;
        Assert.StartsWith("CALL () { MATCH (s:Node)-[:HAS_FACT]->(f:Fact) WHERE s.id = $subject RETURN count(f) AS total } ", statement);
        Assert.EndsWith($"RETURN collect({Statements.FactMap}) AS rows }} RETURN total, rows", statement);
        Assert.Equal((1, false), (page.TotalCount, page.HasNextPage));
        Assert.Equal(Cursor.Encode("f:place:iraq/function=depot", "place:iraq/function=depot"), Assert.Single(page.Items).Cursor);
    }

    [Fact]
    public async Task ACursorFromAnotherListIsRefusedBeforeAnythingIsSent()
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(Answer));
        using (store)
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() =>
                store.FindRelationsAsync(Retaliations, new PageRequest(5, Cursor.Encode("a:2021-06-21", "event:x1")), CancellationToken.None));
            Assert.Empty(server.Requests);
        }
    }
}
