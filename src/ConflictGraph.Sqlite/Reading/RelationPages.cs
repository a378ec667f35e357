using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// One page of a <see cref="RelationQuery"/>, by id. A selective criterion drives the statement
/// through its candidates; without one, the page walks the id order of each status (or type)
/// asked for, or of all relations, stopping at the page size. The total is read only when asked
/// for: from the kept counts when only types or only statuses filter, else by counting matches.
/// </summary>
internal static class RelationPages
{
    private const string Columns = "r.id, r.type, r.from_id, r.to_id";

    public static async Task<Page<Relation>> FindAsync(
        SqliteConnection connection, SqliteTransaction transaction, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var keyset = KeysetPage.Relations;
        var position = keyset.Decode(page.After);
        var filter = RelationFilters.For(query);
        var walks = Walks(query);
        int? total = null;
        if (page.CountTotal || page.First <= 0)
            total = await Reads.CountAsync(connection, transaction, Count(filter, query, walks), filter, cancellationToken);
        if (page.First <= 0) return new Page<Relation>([], total, total > 0 && page.After is null, page.After is not null);

        var after = position is null ? "" : $" AND r.id > {filter.Value(position.Id)}";
        var limit = filter.Value((long)page.First + 1);
        var sql = filter.With + (filter.Driver is { } driver
            ? $"SELECT {Columns} FROM (SELECT DISTINCT id FROM ({driver})) d CROSS JOIN relations r ON r.id = d.id WHERE {filter.Remaining}{after} ORDER BY r.id LIMIT {limit}"
            : Merge(walks.Select(w => $"SELECT {Columns} FROM relations r WHERE {Key(filter, w)}{filter.Where}{after} ORDER BY r.id LIMIT {limit}").ToList(), limit));
        var relations = await RelationReads.QueryAsync(connection, sql, filter.Bind, cancellationToken, transaction);
        var items = relations.Take(page.First).Select(r => new PageItem<Relation>(r, keyset.CursorFor(r.Id, r.Id))).ToList();
        return new Page<Relation>(items, total, relations.Count > page.First, page.After is not null);
    }

    /// <summary>A status or a type to walk by id, or one walk over all relations.</summary>
    private sealed record Walk(string Column, string? Value, string CounterKey);

    private static IReadOnlyList<Walk> Walks(RelationQuery query) =>
        query.Statuses is { } statuses ? statuses.Distinct().Select(s => new Walk("status", EnumNames.Of(s), $"status:{EnumNames.Of(s)}")).ToList()
        : query.Types is { } types ? types.Distinct().Select(t => new Walk("type", EnumNames.Of(t), $"relation:{EnumNames.Of(t)}")).ToList()
        : [new Walk("", null, "")];

    private static string Key(SqlFilter filter, Walk walk) => walk.Value is null ? "" : $"r.{walk.Column} = {filter.Value(walk.Value)} AND ";

    private static string Count(SqlFilter filter, RelationQuery query, IReadOnlyList<Walk> walks)
    {
        if (filter.Driver is { } driver)
            return $"{filter.With}SELECT count(*) FROM (SELECT DISTINCT id FROM ({driver})) d CROSS JOIN relations r ON r.id = d.id WHERE {filter.Remaining}";
        // Only types, or only statuses, or nothing: the kept counts are the answer.
        if (query.Statuses is null || query.Types is null)
        {
            var keys = walks[0].Value is null ? Enum.GetValues<RelationType>().Select(t => $"relation:{EnumNames.Of(t)}") : walks.Select(w => w.CounterKey);
            return $"SELECT coalesce(sum(value), 0) FROM counts WHERE key IN {filter.List(keys)}";
        }
        return walks.Count == 0 ? "SELECT 0"
            : "SELECT " + string.Join(" + ", walks.Select(w => $"(SELECT count(*) FROM relations r WHERE {Key(filter, w)}{filter.Where})"));
    }

    private static string Merge(IReadOnlyList<string> walks, string limit) => walks.Count switch
    {
        0 => $"SELECT {Columns} FROM relations r WHERE 0",
        1 => walks[0],
        _ => $"SELECT * FROM ({string.Join(" UNION ALL ", walks.Select(w => $"SELECT * FROM ({w})"))}) ORDER BY 1 LIMIT {limit}",
    };
}
