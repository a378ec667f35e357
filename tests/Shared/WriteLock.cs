using Microsoft.Data.Sqlite;

namespace ConflictGraph.Tests;

/// <summary>Another process's long write, as SQLite sees it; linked into each test project that needs a busy store.</summary>
internal static class WriteLock
{
    /// <summary>A connection of its own on <paramref name="path"/> inside BEGIN IMMEDIATE; disposing it rolls back and releases the lock.</summary>
    public static SqliteConnection Hold(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }
}
