using System.Text.Json.Nodes;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>A store on a scripted server, and the answers every script starts with.</summary>
public static class WireScripts
{
    public static readonly Neo4jStoreOptions Options = new()
    {
        Uri = new Uri("http://neo4j.test:7474"), Database = "graph", User = "neo4j", Password = "secret", MaxRetries = 2,
    };

    public static (Neo4jGraphStore Store, ScriptedServer Server) Store(ScriptedServer server) =>
        (new Neo4jGraphStore(new HttpClient(server), Options), server);

    /// <summary>The requests the store sends before its first statement: the layout check, then the idempotent schema set-up.</summary>
    public static int SetUp => 1 + Statements.Schema.Count;

    /// <summary>Answers for the layout check (the current layout) and the schema set-up.</summary>
    public static ScriptedServer WithSchema(ScriptedServer server)
    {
        server.Answer(Layout(0, false));
        foreach (var _ in Statements.Schema) server.Answer(ScriptedServer.Empty);
        return server;
    }

    public static string Layout(long unlabelled, bool legacyRelations) => ScriptedServer.Rows(["unlabelled", "legacyRelations"],
        $$"""[{{Integer(unlabelled)}},{"$type":"Boolean","_value":{{(legacyRelations ? "true" : "false")}}}]""");

    public static string Integer(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";

    public static string List(params string[] values) => $$"""{"$type":"List","_value":[{{string.Join(",", values)}}]}""";

    public static string Map(params (string Key, string Value)[] entries) =>
        "{\"$type\":\"Map\",\"_value\":{" + string.Join(",", entries.Select(e => $"\"{e.Key}\":{e.Value}")) + "}}";

    /// <summary>The Cypher a request carried (JSON escapes characters such as '>' in the raw body).</summary>
    public static string? StatementOf(string body) => body.Length == 0 ? null : JsonNode.Parse(body)?["statement"]?.GetValue<string>();

    public static JsonNode ParametersOf(string body) => JsonNode.Parse(body)!["parameters"]!;

    /// <summary>
    /// A counted page's one row (<see cref="CountedPage"/>): the total when the statement counts, and the maps
    /// <paramref name="rows"/> gives when it reads rows.
    /// </summary>
    public static string CountedAnswer(string body, long total, params string[] rows)
    {
        var statement = StatementOf(body)!;
        var columns = statement[(statement.LastIndexOf("RETURN ", StringComparison.Ordinal) + 7)..].Split(", ");
        return ScriptedServer.Rows(columns, $"[{string.Join(",", columns.Select(c => c == "total" ? Integer(total) : List(rows)))}]");
    }

    /// <summary>
    /// A level statement's one row (<see cref="LevelStatement"/>): the columns it returns, relations and nodes empty,
    /// and for each page it sent (the maps of $q0, $q1, ...) its index, a total and the rows <paramref name="rows"/> gives for its map.
    /// </summary>
    public static string LevelAnswer(string body, long total, Func<JsonObject, string[]> rows) => LevelAnswer(body, _ => total, rows);

    /// <summary>A level statement's one row, as above, with each page's total from its map.</summary>
    public static string LevelAnswer(string body, Func<JsonObject, long> total, Func<JsonObject, string[]> rows)
    {
        var statement = StatementOf(body)!;
        var columns = statement[(statement.LastIndexOf("RETURN ", StringComparison.Ordinal) + 7)..].Split(", ");
        var parameters = ParametersOf(body).AsObject();
        var values = columns.Select(column =>
        {
            if (column is "relations" or "nodes") return List();
            // What the shape's subquery collects for each page: its index, and its total and rows when it reads them.
            var end = statement.IndexOf($") AS {column} ", StringComparison.Ordinal);
            var collected = statement[statement.LastIndexOf("collect({at: ", end, StringComparison.Ordinal)..end];
            return List(parameters[column]!.AsArray().Select(page => Map(
            [
                ("at", Integer(page!["at"]!.GetValue<int>())),
                .. collected.Contains("total: total", StringComparison.Ordinal) ? [("total", Integer(total(page.AsObject())))] : Array.Empty<(string, string)>(),
                .. collected.Contains("rows: rows", StringComparison.Ordinal) ? [("rows", List(rows(page.AsObject())))] : Array.Empty<(string, string)>(),
            ])).ToArray());
        });
        return ScriptedServer.Rows(columns, $"[{string.Join(",", values)}]");
    }
}
