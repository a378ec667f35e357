namespace ConflictGraph.Benchmarks;

/// <summary>One import of a generated graph through the CLI: how long, how fast, how much memory at peak.</summary>
public sealed record ImportMeasure(int Events, long Nodes, long Relations, TimeSpan Elapsed, TimeSpan CpuTime, long PeakResidentBytes, bool Reused)
{
    public double ItemsPerSecond => Reused ? 0 : (Nodes + Relations) / Elapsed.TotalSeconds;

    /// <summary>Items per second of CPU time (user and system) the process used: what the rate would be with a core to itself.</summary>
    public double ItemsPerCpuSecond => Reused || CpuTime <= TimeSpan.Zero ? 0 : (Nodes + Relations) / CpuTime.TotalSeconds;

    /// <summary>Imports into a fresh SQLite file with the CLI's own import path, as a child process.</summary>
    public static async Task<ImportMeasure> RunAsync(RepoLayout layout, GraphWorkspace graph, bool reuse, CancellationToken cancellationToken)
    {
        var store = graph.StorePath(layout.WorkDirectory);
        if (reuse && File.Exists(store))
        {
            Console.WriteLine($"  reusing imported store {store} (import not measured)");
            return new ImportMeasure(graph.Events, graph.Nodes, graph.Relations, TimeSpan.Zero, TimeSpan.Zero, 0, Reused: true);
        }
        foreach (var file in new[] { store, store + "-wal", store + "-shm" }) File.Delete(file);
        Console.WriteLine($"  importing {graph.Nodes + graph.Relations:N0} nodes+relations into {store}");
        var outcome = await ChildProcess.RunAsync(
            ChildProcess.Dotnet(layout.Root, StoreEnvironment(store), layout.CliDll, "import", graph.Directory),
            TimeSpan.FromMinutes(60), echo: true, cancellationToken);
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"import of {graph.Directory} failed with exit code {outcome.ExitCode}:\n{outcome.Output}");
        return new ImportMeasure(graph.Events, graph.Nodes, graph.Relations, outcome.Elapsed, outcome.CpuTime, outcome.PeakResidentBytes, Reused: false);
    }

    public static Dictionary<string, string> StoreEnvironment(string store) => new()
    {
        ["ConflictGraph__Store"] = "Sqlite",
        ["ConflictGraph__Sqlite__Path"] = store,
        ["ConflictGraph__Seed__OnStartup"] = "false",
    };
}
