using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli;

/// <summary><c>conflictgraph [--store S] [--sqlite-path FILE] COMMAND ...</c>: load, check and inspect a graph store.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C cancels the command; an import then rolls back instead of dying mid-write
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, cancel.Token);
    }

    /// <summary>The whole program with its console passed in, so tests run it in-process.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!CommandLine.TryParse(args, out var line, out var problem)) return await Usage.RefuseAsync(error, problem);
        return line.Command switch
        {
            null or "help" or "--help" or "-h" => await Usage.PrintAsync(output),
            "validate" => await ValidateCommand.RunAsync(line, output, error, cancellationToken),
            "import" => await ImportCommand.RunAsync(line, output, error, cancellationToken),
            "export" => await ExportCommand.RunAsync(line, output, error, cancellationToken),
            "stats" => await StatsCommand.RunAsync(line, output, error, cancellationToken),
            "generate" => await GenerateCommand.RunAsync([.. line.Arguments], output, error, cancellationToken),
            var unknown => await Usage.RefuseAsync(error, $"unknown command '{unknown}'"),
        };
    }
}
