using ConflictGraph.Hosting;

namespace ConflictGraph.Cli;

/// <summary>The command, its arguments, and the settings given as options (which win over the environment).</summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Settings)
{
    private static readonly Dictionary<string, string> SettingOptions = new(StringComparer.Ordinal)
    {
        ["--store"] = $"{GraphStoreOptions.Section}:Store",
        ["--sqlite-path"] = $"{GraphStoreOptions.Section}:Sqlite:Path",
        ["--neo4j-uri"] = $"{GraphStoreOptions.Section}:Neo4j:Uri",
    };

    public static bool TryParse(string[] args, out CommandLine line, out string problem)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, (string?)v) : (args[i], null);
            if (!SettingOptions.TryGetValue(name, out var key))
            {
                rest.Add(args[i]);
                continue;
            }
            if (value is null && i + 1 < args.Length) value = args[++i];
            if (string.IsNullOrEmpty(value))
            {
                (line, problem) = (new CommandLine(null, [], settings), $"{name} needs a value");
                return false;
            }
            settings[key] = value;
        }
        line = new CommandLine(rest.FirstOrDefault(), rest.Skip(1).ToArray(), settings);
        problem = "";
        return true;
    }
}
