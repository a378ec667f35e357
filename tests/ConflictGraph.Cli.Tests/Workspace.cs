using ConflictGraph.Cli;
using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli.Tests;

/// <summary>What one run of the CLI printed and returned.</summary>
public sealed record CliOutcome(int ExitCode, string Output, string Error);

/// <summary>A temp directory with its own SQLite store file, and the CLI run in-process against it.</summary>
public sealed class Workspace : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cg-cli-").FullName;

    public string StorePath => Path.Combine(Directory, "store.db");

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Runs <c>conflictgraph --sqlite-path STORE args...</c> through the program's entry point.</summary>
    public Task<CliOutcome> RunAsync(params string[] args) => RunOnAsync(StorePath, args);

    public static async Task<CliOutcome> RunOnAsync(string store, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Program.RunAsync(["--sqlite-path", store, .. args], output, error, CancellationToken.None);
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    /// <summary>A small generated graph in one file.</summary>
    public async Task<(string File, GeneratedGraph Graph)> GenerateAsync(string name, int events, int seed = 7)
    {
        var file = PathOf(name);
        var graph = await GraphFileWriter.WriteAsync(new GenerationSettings(events, seed), file, null, CancellationToken.None);
        return (file, graph);
    }

    public string Write(string name, string json)
    {
        var file = PathOf(name);
        File.WriteAllText(file, json);
        return file;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
