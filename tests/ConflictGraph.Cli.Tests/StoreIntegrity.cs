using Microsoft.Data.Sqlite;

namespace ConflictGraph.Cli.Tests;

/// <summary>SQLite's own consistency check of a store file: ["ok"] when the file is sound.</summary>
public static class StoreIntegrity
{
    public static async Task<IReadOnlyList<string>> CheckAsync(string path)
    {
        var lines = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        return lines;
    }
}
