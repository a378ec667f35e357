using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConflictGraph.Store.Tests.Neo4j.Lint;

/// <summary>One problem the linter found: in which statement, what, and which check found it.</summary>
public sealed record LintProblem(string Statement, string Severity, string Message, string Check);

/// <summary>
/// Neo4j's Cypher linter (npm @neo4j-cypher/language-support), run by CypherLint/lint.mjs. Tests
/// skip, saying how to install it, where it is missing.
/// </summary>
public static class CypherLinter
{
    public static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "ConflictGraph.Store.Tests", "Neo4j", "CypherLint");

    public static void SkipWhenMissing() =>
        Skip.If(!File.Exists(Path.Combine(Folder, "node_modules", "@neo4j-cypher", "language-support", "package.json")),
            $"the Cypher linter is not installed: run 'npm ci' in {Folder} (the test project's build does this when npm is on PATH)");

    /// <summary>Lints the statements; with a schema, also against the layout (labels, types, properties, paths) and its anchoring rule.</summary>
    public static async Task<(int Checked, IReadOnlyList<LintProblem> Problems)> LintAsync(IReadOnlyList<string> statements, JsonObject? schema = null)
    {
        var input = Path.GetTempFileName();
        try
        {
            var request = new JsonObject { ["statements"] = new JsonArray(statements.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()) };
            if (schema is not null)
            {
                request["schema"] = schema.DeepClone();
                request["structure"] = true;
            }
            await File.WriteAllTextAsync(input, request.ToJsonString());
            var (exit, printed, error) = await RunNodeAsync(Path.Combine(Folder, "lint.mjs"), input);
            Assert.True(exit == 0, $"the linter failed (exit {exit}): {error}");
            var report = JsonNode.Parse(printed)!;
            var problems = report["problems"]!.AsArray().Select(p => p.Deserialize<LintProblem>(Options)!).ToList();
            return (report["checked"]!.GetValue<int>(), problems);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static async Task<(int Exit, string Output, string Error)> RunNodeAsync(string script, string argument)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
