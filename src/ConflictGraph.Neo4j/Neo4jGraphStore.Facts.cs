using System.Runtime.CompilerServices;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>One statement: from the statements to their claims, then to the relations and facts they are on.</summary>
    public async Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0) return Citations.Empty;
        var row = (await ReadAsync(Statements.CitationsOf, new { ids = statementIds.Distinct().ToList() }, cancellationToken)).Records.Single();
        return new Citations(Rows.Relations(Rows.Maps(row["relations"]).Select(Rows.Relation)), Rows.Facts(Rows.Maps(row["facts"]).Select(Rows.Fact)));
    }

    public async Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) =>
        subjectIds.Count == 0 ? [] : Rows.Facts(await ReadAsync(Statements.FactsOf, new { ids = subjectIds.Distinct().ToList() }, cancellationToken));

    /// <summary>The total (when asked) and the page in one statement (<see cref="CountedPage"/>), so one request.</summary>
    public async Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var find = FindQuery.ForFacts(query);
        var after = find.After(page.After, FindQuery.FactTag, false, "f.id");
        var counted = new CountedPage(page, find);
        var statement = counted.Text("f",
            $"WITH s, f, f.id AS sortKey {(after is null ? "" : $"WHERE {after} ")}", "s, f", Statements.FactMap);
        var row = (await ReadAsync(statement, find.Parameters, cancellationToken)).Records.Single();
        return counted.Read(row, Rows.Fact, Rows.Facts, f => Cursor.Encode($"{FindQuery.FactTag}:{f.Id}", f.Id));
    }

    public async Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var families = eventIds.Distinct().ToDictionary(id => id, _ => EventFamily.None);
        if (families.Count == 0) return families;
        foreach (var row in (await ReadAsync(Statements.EventFamilies, new { ids = families.Keys.ToList() }, cancellationToken)).Records)
        {
            var (up, down) = (row.Strings("ancestors").Order(StringComparer.Ordinal).ToList(), row.Strings("descendants").Order(StringComparer.Ordinal).ToList());
            if (up.Count + down.Count > 0) families[row.String("id")] = new EventFamily(up, down);
        }
        return families;
    }

    /// <summary>Every fact, in id order, a page at a time along the fact id constraint's index.</summary>
    public async IAsyncEnumerable<Fact> ExportFactsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var page = await ReadAsync(Statements.ExportFacts, new { after, limit = ExportPage }, cancellationToken);
            foreach (var row in page.Records) yield return Rows.Fact(row);
            if (page.Rows.Count < ExportPage) yield break;
            after = page.Records.Last().String("id");
        }
    }
}
