using System.Globalization;

namespace ConflictGraph.Cli.Generate;

/// <summary><c>generate --events N --seed S [--per-file K] OUT</c>: writes a realistic generated graph.</summary>
public static class GenerateCommand
{
    public const string Usage = "generate --events N --seed S [--per-file K] OUT   (OUT: a .json file, or a directory)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var settings, out var outPath, out var problem))
        {
            await error.WriteLineAsync($"{problem}\nusage: {Usage}");
            return 2;
        }
        try
        {
            var started = DateTime.UtcNow;
            var graph = await GraphFileWriter.WriteAsync(settings, outPath, new SyncProgress(output), cancellationToken);
            await output.WriteLineAsync(
                $"generated {settings.Events} events (seed {settings.Seed}): {graph.Nodes} nodes, {graph.Relations} relations " +
                $"in {graph.Files.Count} file(s), {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return 0;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    public static bool TryParse(string[] args, out GenerationSettings settings, out string outPath, out string problem)
    {
        settings = new GenerationSettings(0, 0);
        (outPath, problem) = ("", "");
        int? events = null, seed = null, perFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events" or "--seed" or "--per-file" when i + 1 < args.Length:
                    if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        problem = $"{args[i]} takes a whole number, not '{args[i + 1]}'";
                        return false;
                    }
                    _ = args[i] switch { "--events" => events = value, "--seed" => seed = value, _ => perFile = value };
                    i++;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"unknown or incomplete option {option}";
                    return false;
                default:
                    outPath = args[i];
                    break;
            }
        }
        if (events is null or 0) problem = "--events N (at least 1) is required";
        else if (outPath.Length == 0) problem = "OUT (a .json file or a directory) is required";
        if (problem.Length > 0) return false;
        settings = new GenerationSettings(events!.Value, seed ?? 1, perFile ?? GenerationSettings.DefaultEventsPerFile);
        return true;
    }

    // Progress<T> posts to the thread pool and could print after the summary; this reports in order.
    private sealed class SyncProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine($"wrote {value}");
    }
}
