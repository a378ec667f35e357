using ConflictGraph.Sqlite;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Hosting;

/// <summary>Refuses settings that cannot work, at start and with the setting's name in the message.</summary>
public sealed class GraphStoreOptionsValidator : IValidateOptions<GraphStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphStoreOptions options)
    {
        var failures = new List<string>();
        switch (options.Kind)
        {
            case null:
                failures.Add($"{GraphStoreOptions.Section}:Store is '{options.Store}'; use one of {string.Join(", ", Enum.GetNames<StoreKind>())}");
                break;
            case StoreKind.Sqlite when string.IsNullOrWhiteSpace(options.Sqlite.Path):
                failures.Add($"{GraphStoreOptions.Section}:Sqlite:Path is empty; give the database file's path (default data/conflictgraph.db)");
                break;
            case StoreKind.Neo4j when !System.Uri.TryCreate(options.Neo4j.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"):
                failures.Add($"{GraphStoreOptions.Section}:Neo4j:Uri is '{options.Neo4j.Uri}'; give the server's HTTP address, e.g. http://localhost:7474");
                break;
            case StoreKind.Neo4j when options.Neo4j.RequestTimeout <= TimeSpan.Zero || options.Neo4j.MaxRetries < 0:
                failures.Add($"{GraphStoreOptions.Section}:Neo4j:RequestTimeout must be positive and MaxRetries not negative");
                break;
            case StoreKind.Sqlite when options.Sqlite.BusyTimeoutSeconds is < SqliteStoreOptions.MinBusyTimeoutSeconds or > SqliteStoreOptions.MaxBusyTimeoutSeconds:
                failures.Add($"{GraphStoreOptions.Section}:Sqlite:BusyTimeoutSeconds is {options.Sqlite.BusyTimeoutSeconds}; it must lie in " +
                    $"{SqliteStoreOptions.MinBusyTimeoutSeconds}..{SqliteStoreOptions.MaxBusyTimeoutSeconds}");
                break;
            case StoreKind.Sqlite when options.Sqlite.ReadMapMiB is < 0 or > SqliteStoreOptions.MaxReadMapMiB:
                failures.Add($"{GraphStoreOptions.Section}:Sqlite:ReadMapMiB is {options.Sqlite.ReadMapMiB}; it must lie in 0..{SqliteStoreOptions.MaxReadMapMiB} " +
                    "(MiB of the file each read connection maps)");
                break;
            case StoreKind.Sqlite:
                try
                {
                    if (Directory.Exists(options.Sqlite.FullPath))
                        failures.Add($"{GraphStoreOptions.Section}:Sqlite:Path '{options.Sqlite.Path}' is a directory; give a file inside it");
                    else if (!options.Sqlite.CreateIfMissing && !File.Exists(options.Sqlite.FullPath))
                        failures.Add($"{GraphStoreOptions.Section}:Sqlite:Path '{options.Sqlite.Path}' does not exist; check the path, or import into it first");
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    failures.Add($"{GraphStoreOptions.Section}:Sqlite:Path '{options.Sqlite.Path}' is not a usable path: {e.Message}");
                }
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
