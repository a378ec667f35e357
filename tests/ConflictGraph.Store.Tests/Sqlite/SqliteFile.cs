using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Looks into a store's file from outside the store, as an analyst's SQL tool would.</summary>
internal static class SqliteFile
{
    /// <summary>Each row of the result as its values joined by spaces.</summary>
    public static List<string> Query(string path, string sql, bool readOnly = true)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)))));
        return rows;
    }
}
