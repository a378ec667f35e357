using System.Diagnostics;

namespace ConflictGraph.Benchmarks;

/// <summary>The <c>sqlite3</c> shell the floor runs: whether it is installed, a command line for it, a query's rows dumped as CSV.</summary>
public static class SqliteShell
{
    public static bool Installed =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "sqlite3")));

    /// <summary>The query's rows written to <paramref name="csv"/> as the shell's CSV mode writes them (NULL as an empty field, '' as "").</summary>
    public static async Task DumpAsync(string file, string query, string csv, CancellationToken cancellationToken)
    {
        var outcome = await ChildProcess.RunAsync(Command(file, ".mode csv", $".once {csv}", query), TimeSpan.FromMinutes(30), echo: false, cancellationToken);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"dumping '{query}' failed:\n{outcome.Output}");
    }

    public static ProcessStartInfo Command(string file, params string[] commands)
    {
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-batch");
        info.ArgumentList.Add(file);
        foreach (var command in commands) info.ArgumentList.Add(command);
        return info;
    }
}
