using System.Text;
using ConflictGraph.Core.Import;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// The full-text tables' rows, made untimed for the floor: our full-text tables keep no text (schema 10), so each node's
/// text is made again from its stored row as our import makes it (<see cref="FloorTables.Texts"/>), one (seq, text) line
/// a node that has one, in one pass over the nodes for every table.
/// </summary>
public static class FloorTexts
{
    public static async Task DumpAsync(string store, IReadOnlyList<(string Table, string Csv)> tables, CancellationToken cancellationToken)
    {
        if (tables.Count == 0) return;
        await using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, body FROM nodes ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var outputs = tables.Select(t => (Text: FloorTables.Texts[t.Table], Output: new StreamWriter(t.Csv, append: false, new UTF8Encoding(false)))).ToList();
        try
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var node = NodeJson.Parse(reader.GetString(1), reader.GetString(2));
                foreach (var (text, output) in outputs)
                    if (text(node) is { } line)
                        await output.WriteLineAsync($"{reader.GetInt64(0)},\"{line.Replace("\"", "\"\"")}\"");
            }
        }
        finally
        {
            foreach (var (_, output) in outputs) await output.DisposeAsync();
        }
    }
}
