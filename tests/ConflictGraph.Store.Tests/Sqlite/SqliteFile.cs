using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Looks into a store's file from outside the store, as an analyst's SQL tool would.</summary>
internal static class SqliteFile
{
    /// <summary>
    /// Runs every statement of <paramref name="sql"/> in order and returns the rows of each that answers any, each row as its
    /// values joined by spaces; the first statement that fails throws.
    /// </summary>
    /// <remarks>
    /// Every statement is stepped here, as the store's own scripts are (<c>Statements.Execute</c>): a reader read only to its
    /// first query runs the statements after it as it is disposed, where Microsoft.Data.Sqlite drops their errors
    /// (dotnet/efcore#32740), so a failing step of a setup script went unseen.
    /// </remarks>
    public static List<string> Query(string path, string sql, bool readOnly = true)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Rows(command);
    }

    /// <summary>Runs <paramref name="command"/> and returns the rows of each of its statements that answers any, as <see cref="Query"/> does.</summary>
    public static List<string> Rows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        do
        {
            while (reader.Read()) rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)))));
        }
        while (reader.NextResult());
        return rows;
    }
}
