using System.Diagnostics;

namespace ConflictGraph.Cli.Tests;

/// <summary>The built CLI (conflictgraph.dll) started as a separate process, so a test can kill it.</summary>
public static class ChildCli
{
    /// <summary>The CLI's own build output, found next to the tests or in the repo's src/ConflictGraph.Cli/bin.</summary>
    public static string DllPath
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "conflictgraph.dll");
            if (File.Exists(Path.Combine(AppContext.BaseDirectory, "conflictgraph.runtimeconfig.json"))) return beside;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(RepoRoot(), "src", "ConflictGraph.Cli", "bin", configuration, "net10.0", "conflictgraph.dll");
        }
    }

    public static Process Start(string storePath, params string[] args) => Start(storePath, new Dictionary<string, string>(), args);

    /// <param name="environment">More environment variables, e.g. <c>ConflictGraph__Sqlite__BusyTimeoutSeconds</c>.</param>
    public static Process Start(string storePath, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ConflictGraph__Store"] = "Sqlite";
        info.Environment["ConflictGraph__Sqlite__Path"] = storePath;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ConflictGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("no ConflictGraph.sln above the test's directory");
    }
}
