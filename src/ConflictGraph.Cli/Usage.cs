using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli;

/// <summary>What the program accepts; printed on request, and on stderr with exit code 2 when misused.</summary>
public static class Usage
{
    public const int BadUsage = 2;

    public const string Text = $"""
        usage: conflictgraph [--store Sqlite|Neo4j] [--sqlite-path FILE] [--neo4j-uri URL] COMMAND

        commands:
          validate PATH...   check JSON files (or directories of *.json) against each other and the
                             store; prints every problem; exit 1 when there is any; writes nothing
          import PATH...     validate, then write everything in one all-or-nothing transaction
          export FILE        write the whole graph as seed-format JSON (FILE '-' is standard output)
          stats              count nodes and relations, per kind
          {GenerateCommand.Usage}
          help               print this text

        settings: --store, --sqlite-path and --neo4j-uri, else the environment (ConflictGraph__Store,
        ConflictGraph__Sqlite__Path, ConflictGraph__Neo4j__Uri, __User, __Password, ...), else Sqlite
        at data/conflictgraph.db
        exit codes: 0 done, 1 problems found or the command failed, 2 bad usage or settings
        """;

    public static async Task<int> PrintAsync(TextWriter output)
    {
        await output.WriteLineAsync(Text);
        return 0;
    }

    public static async Task<int> RefuseAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync($"conflictgraph: {problem}");
        await error.WriteLineAsync(Text);
        return BadUsage;
    }
}
