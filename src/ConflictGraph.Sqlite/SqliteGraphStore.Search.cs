using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0 || SqlFilter.Match(text) is not { } match || kinds is { Count: 0 }) return [];
        var filter = new SqlFilter();
        var matchParameter = filter.Value(match);
        if (kinds is not null) filter.Add($"n.kind IN {filter.List(kinds.Select(EnumNames.Of))}");
        await using var connection = Open(cancellationToken);
        // bm25 is lower for better matches; ties fall back to the id so results are stable.
        await using var command = connection.Command(
            "SELECT n.id, n.kind, bm25(search) AS rank FROM search CROSS JOIN nodes n ON n.seq = search.rowid " +
            $"WHERE search MATCH {matchParameter} AND {filter.Where} ORDER BY rank, n.id LIMIT {Statements.Limit(limit)}");
        filter.Bind(command);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            hits.Add(new SearchHit(reader.GetString(0), EnumNames.Parse<NodeKind>(reader.GetString(1)), -reader.GetDouble(2)));
        return hits;
    }
}
