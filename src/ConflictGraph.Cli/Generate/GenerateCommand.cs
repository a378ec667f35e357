using System.CommandLine;

namespace ConflictGraph.Cli.Generate;

/// <summary><c>generate --events N [--seed S] [--per-file K] OUT</c>: writes a realistic generated graph.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "how many events (at least 1)", Required = true };
        var seed = new Option<int>("--seed") { Description = "the random seed; the same seed writes the same bytes", DefaultValueFactory = _ => 1 };
        var perFile = new Option<int>("--per-file") { Description = "events per file when OUT is a directory", DefaultValueFactory = _ => GenerationSettings.DefaultEventsPerFile };
        var output = new Argument<string>("OUT") { Description = "a .json file, or a directory" };
        events.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--events must be at least 1"); });
        perFile.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--per-file must be at least 1"); });
        var command = new Command("generate", "write a realistic synthetic graph in the seed format, the same for the same seed") { events, seed, perFile, output };
        command.SetAction((result, cancellationToken) => RunAsync(
            new GenerationSettings(result.GetValue(events), result.GetValue(seed), result.GetValue(perFile)), result.GetValue(output)!,
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(GenerationSettings settings, string outPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var started = DateTime.UtcNow;
            var graph = await GraphFileWriter.WriteAsync(settings, outPath, new SyncProgress(output), cancellationToken);
            await output.WriteLineAsync(
                $"generated {settings.Events} events (seed {settings.Seed}): {graph.Nodes} nodes, {graph.Relations} relations " +
                $"in {graph.Files.Count} file(s), {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return Usage.Done;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"conflictgraph: {e.Message}");
            return Usage.BadUsage;
        }
    }

    // Progress<T> posts to the thread pool and could print after the summary; this reports in order.
    private sealed class SyncProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine($"wrote {value}");
    }
}
