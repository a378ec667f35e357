using System.CommandLine;
using ConflictGraph.Hosting;

namespace ConflictGraph.Cli;

/// <summary>
/// The options every command takes to choose its store; given before or after the command, they
/// win over the environment (<c>ConflictGraph__Store</c>, ...).
/// </summary>
public static class StoreOptions
{
    public static readonly Option<string> Store = new("--store") { Description = "Sqlite or Neo4j (else ConflictGraph__Store, else Sqlite)", Recursive = true };

    public static readonly Option<string> SqlitePath = new("--sqlite-path")
    {
        Description = "the SQLite file (else ConflictGraph__Sqlite__Path, else data/conflictgraph.db)", Recursive = true,
    };

    public static readonly Option<string> Neo4jUri = new("--neo4j-uri") { Description = "the Neo4j server's HTTP address (else ConflictGraph__Neo4j__Uri)", Recursive = true };

    public static IEnumerable<Option> All => [Store, SqlitePath, Neo4jUri];

    /// <summary>The options given, as configuration keys.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(ParseResult result)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(settings, result, Store, $"{GraphStoreOptions.Section}:Store");
        Add(settings, result, SqlitePath, $"{GraphStoreOptions.Section}:Sqlite:Path");
        Add(settings, result, Neo4jUri, $"{GraphStoreOptions.Section}:Neo4j:Uri");
        return settings;
    }

    private static void Add(Dictionary<string, string?> settings, ParseResult result, Option<string> option, string key)
    {
        if (result.GetValue(option) is { } value) settings[key] = value;
    }
}
