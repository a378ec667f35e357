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
        await using var command = connection.CreateCommand();
        // bm25 is lower for better matches; ties fall back to the id so results are stable.
        command.CommandText =
            "SELECT n.id, n.kind, bm25(search) AS rank FROM search CROSS JOIN nodes n ON n.seq = search.rowid " +
            $"WHERE search MATCH {matchParameter} AND {filter.Where} ORDER BY rank, n.id LIMIT $limit";
        filter.Bind(command);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            hits.Add(new SearchHit(reader.GetString(0), EnumNames.Parse<NodeKind>(reader.GetString(1)), -reader.GetDouble(2)));
        return hits;
    }
}
