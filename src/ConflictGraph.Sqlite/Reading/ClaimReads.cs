using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Which table holds whose claims: a relation's in claims, a fact's in fact_claims.</summary>
internal sealed record ClaimTable(string Table, string Key)
{
    public static readonly ClaimTable Relations = new("claims", "relation_id");
    public static readonly ClaimTable Facts = new("fact_claims", "fact_id");
}

/// <summary>Relations or facts with their claims: one statement for the rows, one for all their claims.</summary>
internal static class ClaimReads
{
    /// <param name="sql">Selects the rows <paramref name="read"/> reads.</param>
    /// <param name="make">The relation or fact of a row, given its claims.</param>
    /// <param name="withClaims">False when the caller only follows the rows' ends: their claim lists are left empty.</param>
    /// <param name="cap">
    /// The most rows the statement may find: for a statement that hands rows over as SQLite finds them (no ORDER BY, no
    /// table of its own), the reader stops it one row past the cap, and no claim is read.
    /// </param>
    public static async Task<IReadOnlyList<T>> QueryAsync<TRow, T>(
        SqliteConnection connection, SqliteTransaction? transaction, ClaimTable table, string sql, Action<SqliteCommand> bind,
        Func<SqliteDataReader, TRow> read, Func<TRow, string> idOf, Func<TRow, IReadOnlyList<Claim>, T> make, CancellationToken cancellationToken,
        bool withClaims = true, RowCap? cap = null)
    {
        var rows = new List<TRow>();
        await using (var command = connection.Command(sql, transaction))
        {
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
                cap?.Check(rows.Count);
            }
        }
        if (rows.Count == 0) return [];
        var claims = withClaims ? await ForAsync(connection, transaction, table, rows.Select(idOf), cancellationToken) : new();
        return rows.Select(r => make(r, claims.TryGetValue(idOf(r), out var c) ? c : [])).ToList();
    }

    /// <summary>The claims of many relations or facts in one statement, through the table's primary key, each list by statement id.</summary>
    public static async Task<Dictionary<string, List<Claim>>> ForAsync(
        SqliteConnection connection, SqliteTransaction? transaction, ClaimTable table, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        await using var command = connection.Command(
            $"SELECT c.{table.Key}, c.statement_id, c.disputes, c.characterization FROM {Ids.Driving("$ids")} CROSS JOIN {table.Table} c " +
            $"ON c.{table.Key} = j.value ORDER BY c.{table.Key}, c.statement_id", transaction);
        Ids.Add(command, "$ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!claims.TryGetValue(id, out var list)) claims[id] = list = [];
            list.Add(new Claim(reader.GetString(1), reader.GetInt64(2) == 0 ? ClaimPosition.Claims : ClaimPosition.Disputes,
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return claims;
    }
}
