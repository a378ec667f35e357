using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// SearchText.Names's rule in two statements: the name index first; the search table (every
    /// word anywhere in the text, less the name matches) only when the names leave room on the page.
    /// A search that names things costs the small index, not every text that mentions them.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0 || SqlFilter.Match(text) is not { } match || kinds is { Count: 0 }) return [];
        await using var connection = Open(cancellationToken);
        // One read transaction, so both tiers see the same state and no node comes back twice.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var hits = new List<SearchHit>(limit);
        if (kinds is null || kinds.Any(SearchText.NamedKinds.Contains))
            await ReadHitsAsync(connection, transaction, SearchStatement(NameIndex.Table, match, kinds, limit, excludeNames: false), hits, nameMatch: true, cancellationToken);
        if (hits.Count < limit)
            await ReadHitsAsync(connection, transaction, SearchStatement("search", match, kinds, limit - hits.Count, excludeNames: true), hits, nameMatch: false, cancellationToken);
        return hits;
    }

    /// <summary>
    /// One tier's statement over a full-text table: bm25 is lower for better matches; ties fall back
    /// to the id so results are stable. <paramref name="excludeNames"/> leaves out the name matches.
    /// </summary>
    /// <remarks>
    /// Every match is ranked (bm25 has no early stop), but in the text tier without a kind to check only the
    /// page's nodes are read: the matches' ranks are kept (rowid, rank), the page's last rank found among
    /// them, and the nodes table read for the matches ranked at or above it, ties included, which the id
    /// then orders as before. Reading every match's node first was a quarter of the tier at 10k events
    /// (1,866 matches for a group's name) and about two thirds of it at 1M for a word in 200,000 texts, one
    /// read of the 7 GB file for each. A kind is a column of the node, so a search for kinds still reads
    /// every match's; the name tier, whose matches are names, keeps the one statement (keeping the ranks
    /// cost it more than its few node reads).
    /// </remarks>
    internal static (string Sql, SqlFilter Filter) SearchStatement(string table, string match, IReadOnlyCollection<NodeKind>? kinds, int limit, bool excludeNames)
    {
        var filter = new SqlFilter();
        var matchParameter = filter.Value(match);
        var notNames = $"{table}.rowid NOT IN (SELECT rowid FROM {NameIndex.Table} WHERE {NameIndex.Table} MATCH {matchParameter})";
        if (kinds is null && excludeNames)
            return ($"WITH ranked AS MATERIALIZED (SELECT rowid AS seq, bm25({table}) AS rank FROM {table} WHERE {table} MATCH {matchParameter} AND {notNames}) " +
                    "SELECT n.id, n.kind, r.rank FROM ranked r CROSS JOIN nodes n ON n.seq = r.seq " +
                    $"WHERE r.rank <= coalesce((SELECT rank FROM ranked ORDER BY rank LIMIT 1 OFFSET {Statements.Limit(limit - 1)}), r.rank) " +
                    $"ORDER BY r.rank, n.id LIMIT {Statements.Limit(limit)}", filter);
        if (excludeNames) filter.Add(notNames);
        if (kinds is not null) filter.Add($"n.kind IN {filter.List(kinds.Select(EnumNames.Of))}");
        return ($"SELECT n.id, n.kind, bm25({table}) AS rank FROM {table} CROSS JOIN nodes n ON n.seq = {table}.rowid " +
                $"WHERE {table} MATCH {matchParameter} AND {filter.Where} ORDER BY rank, n.id LIMIT {Statements.Limit(limit)}", filter);
    }

    private static async Task ReadHitsAsync(
        SqliteConnection connection, SqliteTransaction transaction, (string Sql, SqlFilter Filter) statement, List<SearchHit> hits, bool nameMatch,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command(statement.Sql, transaction);
        statement.Filter.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            hits.Add(new SearchHit(reader.GetString(0), EnumNames.Parse<NodeKind>(reader.GetString(1)), -reader.GetDouble(2), nameMatch));
    }
}
