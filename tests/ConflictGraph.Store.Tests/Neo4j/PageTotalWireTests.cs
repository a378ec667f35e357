using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// A list the caller shows without its total (an event's statements, a page whose totalCount is not
/// selected) sends no count to Neo4j, as the SQLite store reads none: a nested total is read only when asked.
/// </summary>
public sealed class PageTotalWireTests
{
    private static string Answer(string body) =>
        body.Contains("UNWIND $q0 AS page", StringComparison.Ordinal) ? WireScripts.LevelAnswer(body, 7, _ => [])
        : WireScripts.CountedAnswer(body, 7);

    private static async Task<(Page<T> Page, IReadOnlyList<string> Statements)> ReadAsync<T>(
        Func<IGraphStore, Task<Page<T>>> read)
    {
        var (store, server) = WireScripts.Store(WireScripts.WithSchema(new ScriptedServer()).Otherwise(Answer));
        using (store)
        {
            var page = await read(store);
            return (page, server.Requests.Select(r => WireScripts.StatementOf(r.Body)).OfType<string>().Skip(WireScripts.SetUp).ToList());
        }
    }

    private static readonly NodeQuery StatementsAbout = new()
    {
        Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = "event:e" },
    };

    [Fact]
    public async Task NodesAreCountedOnlyWhenTheTotalIsAskedFor()
    {
        var (without, sent) = await ReadAsync(async s => (await s.FindNodesAsync([(StatementsAbout, new PageRequest(5, CountTotal: false))], CancellationToken.None))[0]);
        Assert.Null(without.TotalCount);
        Assert.DoesNotContain(sent, s => s.Contains("AS total", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("body: n.body", StringComparison.Ordinal));

        var (with, counted) = await ReadAsync(async s => (await s.FindNodesAsync([(StatementsAbout, new PageRequest(5))], CancellationToken.None))[0]);
        Assert.Equal(7, with.TotalCount);
        Assert.Single(counted, s => s.Contains("AS total", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RelationsAndFactsAreCountedOnlyWhenTheTotalIsAskedFor()
    {
        var relations = new RelationQuery { Types = [RelationType.RetaliationFor] };
        var (page, sent) = await ReadAsync(s => s.FindRelationsAsync(relations, new PageRequest(5, CountTotal: false), CancellationToken.None));
        Assert.Null(page.TotalCount);
        Assert.DoesNotContain(sent, s => s.Contains("AS total", StringComparison.Ordinal));
        var (counted, _) = await ReadAsync(s => s.FindRelationsAsync(relations, new PageRequest(5), CancellationToken.None));
        Assert.Equal(7, counted.TotalCount);

        var facts = new FactQuery { SubjectId = "place:iraq" };
        var (factPage, factSent) = await ReadAsync(s => s.FindFactsAsync(facts, new PageRequest(5, CountTotal: false), CancellationToken.None));
        Assert.Null(factPage.TotalCount);
        Assert.DoesNotContain(factSent, s => s.Contains("AS total", StringComparison.Ordinal));
    }
}
