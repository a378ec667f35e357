namespace ConflictGraph.Benchmarks;

/// <summary>Where the repo, its Release builds and the benchmark's work files are.</summary>
public sealed record RepoLayout(string Root, string WorkDirectory)
{
    /// <summary>The build the programs are run from: Release for measurements; a test may run the build it was made with.</summary>
    public string Configuration { get; init; } = "Release";
    public string CliDll => Path.Combine(Root, "src", "ConflictGraph.Cli", "bin", Configuration, "net10.0", "conflictgraph.dll");
    public string ApiDll => Path.Combine(Root, "src", "ConflictGraph.Api", "bin", Configuration, "net10.0", "ConflictGraph.Api.dll");

    public static RepoLayout Find(string? workDirectory)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "ConflictGraph.sln"))) continue;
                var work = workDirectory ?? Path.Combine(Path.GetTempPath(), "conflictgraph-bench");
                Directory.CreateDirectory(work);
                return new RepoLayout(dir.FullName, Path.GetFullPath(work));
            }
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository (no ConflictGraph.sln found above here).");
    }

    /// <summary>Builds the CLI and the API in Release, so the numbers are those of the shipped code.</summary>
    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        foreach (var project in new[] { "src/ConflictGraph.Cli", "src/ConflictGraph.Api" })
        {
            Console.WriteLine($"building {project} (Release)");
            var outcome = await ChildProcess.RunAsync(
                ChildProcess.Dotnet(Root, new Dictionary<string, string>(), "build", "-c", "Release", "--nologo", "-v", "q", project),
                TimeSpan.FromMinutes(10), echo: false, cancellationToken);
            if (outcome.ExitCode != 0) throw new InvalidOperationException($"building {project} failed:\n{outcome.Output}");
        }
    }
}
