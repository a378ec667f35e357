using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>The check every kept count's tests make: the kept table equals what its fill derives from the same rows.</summary>
internal static class KeptCounts
{
    /// <summary>
    /// The rows <paramref name="kept"/> reads (two columns: a key and a count) equal those it reads once <paramref name="table"/>
    /// is emptied and derived again by <paramref name="fill"/>, in a transaction rolled back; and there are some.
    /// </summary>
    public static void AssertIsRecount(string path, string table, string fill, string kept)
    {
        var stored = SqliteFile.Query(path, kept);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"DELETE FROM {table}; {fill}";
        command.ExecuteNonQuery();
        command.CommandText = kept;
        var recounted = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) recounted.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        transaction.Rollback();
        Assert.NotEmpty(recounted);
        Assert.Equal(recounted, stored);
    }
}
