using ConflictGraph.Core.Paging;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// One page of relations or facts, by id. A selective criterion drives the statement through its
/// candidates; without one, the page walks the id order of each value of one indexed column (each
/// status, each type, one property) or of the whole table, stopping at the page size. The total
/// is read only when asked for: from the kept counts when the walks are exactly the matches and
/// each has its count, else by counting the matches.
/// </summary>
internal static class ClaimedPages
{
    /// <summary>A table of claimed rows: its alias, the columns its reader takes, and how to read them with their claims.</summary>
    public sealed record Table<T>(string Name, string Alias, string Fields, KeysetPage Keyset, Reader<T> Read, Func<T, string> IdOf);

    public delegate Task<IReadOnlyList<T>> Reader<T>(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken, SqliteTransaction? transaction, bool withClaims);

    /// <summary>One walk by id: rows whose <paramref name="Column"/> is <paramref name="Value"/> (all rows when null), and the counts key of their number.</summary>
    public sealed record Walk(string? Column, string? Value, string? CounterKey);

    /// <param name="counted">The walks are exactly the matches (no other condition), so their kept counts are the total.</param>
    public static async Task<Page<T>> FindAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, Table<T> table, SqlFilter filter, IReadOnlyList<Walk> walks, bool counted,
        PageRequest page, CancellationToken cancellationToken)
    {
        var position = table.Keyset.Decode(page.After);
        int? total = null;
        if (page.ReadsTotal)
            total = await Reads.CountAsync(connection, transaction, Count(table, filter, walks, counted), filter, cancellationToken);
        if (page.First <= 0) return Page<T>.Nothing(page, total);

        var a = table.Alias;
        var after = position is null ? "" : $" AND {a}.id > {filter.Value(position.Id)}";
        var limit = Statements.Limit((long)page.First + 1);
        var sql = filter.With + (filter.Driver is { } driver
            ? $"SELECT {table.Fields} FROM (SELECT DISTINCT id FROM ({driver})) d CROSS JOIN {table.Name} {a} ON {a}.id = d.id " +
              $"WHERE {filter.Remaining}{after} ORDER BY {a}.id LIMIT {limit}"
            : Merge(table, walks.Select(w => $"SELECT {table.Fields} FROM {table.Name} {a} WHERE {Key(table, filter, w)}{filter.Where}{after} " +
                                             $"ORDER BY {a}.id LIMIT {limit}").ToList(), limit));
        var found = await table.Read(connection, sql, filter.Bind, cancellationToken, transaction, true);
        var count = Math.Min(found.Count, page.First);
        var items = new List<PageItem<T>>(count);
        for (var i = 0; i < count; i++)
        {
            // A relation's id is formatted from its key at each ask: once a row for its cursor.
            var id = table.IdOf(found[i]);
            items.Add(new PageItem<T>(found[i], table.Keyset.CursorFor(id, id)));
        }
        return new Page<T>(items, total, found.Count > page.First, page.After is not null);
    }

    private static string Key<T>(Table<T> table, SqlFilter filter, Walk walk) =>
        walk.Value is null ? "" : $"{table.Alias}.{walk.Column} = {filter.Value(walk.Value)} AND ";

    private static string Count<T>(Table<T> table, SqlFilter filter, IReadOnlyList<Walk> walks, bool counted)
    {
        var a = table.Alias;
        if (filter.Driver is { } driver)
            return $"{filter.With}SELECT count(*) FROM (SELECT DISTINCT id FROM ({driver})) d CROSS JOIN {table.Name} {a} ON {a}.id = d.id WHERE {filter.Remaining}";
        if (counted && walks.All(w => w.CounterKey is not null))
            return $"SELECT coalesce(sum(value), 0) FROM counts WHERE key IN {filter.List(walks.Select(w => w.CounterKey!))}";
        return walks.Count == 0 ? "SELECT 0"
            : "SELECT " + string.Join(" + ", walks.Select(w => $"(SELECT count(*) FROM {table.Name} {a} WHERE {Key(table, filter, w)}{filter.Where})"));
    }

    private static string Merge<T>(Table<T> table, IReadOnlyList<string> walks, string limit) => walks.Count switch
    {
        0 => $"SELECT {table.Fields} FROM {table.Name} {table.Alias} WHERE 0",
        1 => walks[0],
        _ => $"SELECT * FROM ({string.Join(" UNION ALL ", walks.Select(w => $"SELECT * FROM ({w})"))}) ORDER BY 1 LIMIT {limit}",
    };
}
