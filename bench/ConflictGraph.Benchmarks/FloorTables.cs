using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// What the floor loads, read off the schema of the store our import wrote rather than listed by hand, so a table a
/// later schema adds is loaded without anyone remembering to (a hand-kept list missed six derived tables, schemas
/// 13-19, and the names' full-text table): every ordinary table's rows, the tables our import derives and the planner
/// statistics it takes included, and each full-text table's rows from the text our import indexes for a node.
/// </summary>
/// <param name="Rows">Ordinary tables in creation order, <c>sqlite_stat1</c> last (its rows are the import's statistics of all the others).</param>
/// <param name="FullText">Full-text tables, each with its CREATE statement in our store.</param>
public sealed record FloorTables(IReadOnlyList<string> Rows, IReadOnlyList<(string Name, string Sql)> FullText)
{
    private const string Statistics = "sqlite_stat1";

    /// <summary>
    /// The text each full-text table holds for a node, as our import makes it (<see cref="SearchText"/>); null for a node
    /// without a row. A virtual table missing here stops the benchmark: the floor cannot load what it cannot make.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<Node, string?>> Texts = new Dictionary<string, Func<Node, string?>>
    {
        ["search"] = SearchText.For,
        ["search_names"] = SearchText.Names,
    };

    /// <summary>Every table of <paramref name="store"/>'s main schema but sqlite_schema itself and full-text shadow tables (the full-text insert fills those).</summary>
    public static FloorTables Of(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // table_list's type tells a virtual table's shadow tables ('shadow') from ordinary ones ('table').
        command.CommandText = """
            SELECT t.name, t.type, s.sql FROM pragma_table_list t JOIN sqlite_schema s ON s.type = 'table' AND s.name = t.name
            WHERE t.schema = 'main' AND t.type IN ('table', 'virtual') ORDER BY s.rowid
            """;
        using var reader = command.ExecuteReader();
        var (rows, fullText) = (new List<string>(), new List<(string, string)>());
        while (reader.Read())
        {
            var (name, type, sql) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (type == "table") rows.Add(name);
            else if (Texts.ContainsKey(name)) fullText.Add((name, sql));
            else throw new InvalidOperationException($"the store holds a virtual table '{name}' the sqlite3 floor has no rows for (FloorTables.Texts)");
        }
        // Statistics of the loaded rows, as our import leaves them: last, so no statement of the load is planned with them.
        if (rows.Remove(Statistics)) rows.Add(Statistics);
        return new FloorTables(rows, fullText);
    }
}
