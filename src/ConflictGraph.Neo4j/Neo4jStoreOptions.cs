namespace ConflictGraph.Neo4j;

/// <summary>Where the Neo4j server is and how to reach it over its HTTP Query API.</summary>
public sealed class Neo4jStoreOptions
{
    /// <summary>The server's HTTP(S) address, e.g. http://localhost:7474 or https://xxxx.databases.neo4j.io.</summary>
    public required Uri Uri { get; init; }

    public string Database { get; init; } = "neo4j";

    public string User { get; init; } = "neo4j";

    public string Password { get; init; } = "";

    /// <summary>How long one HTTP request may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient failure is retried (with backoff) before giving up.</summary>
    public int MaxRetries { get; init; } = 3;
}
