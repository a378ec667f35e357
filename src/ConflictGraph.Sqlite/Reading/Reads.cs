using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

internal static class Reads
{
    /// <summary>Runs a statement that selects one number.</summary>
    public static async Task<int> CountAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, SqlFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        filter.Bind(command);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }
}
