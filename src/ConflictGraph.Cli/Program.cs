using System.CommandLine;
using System.CommandLine.Help;
using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli;

/// <summary><c>conflictgraph [--store S] [--sqlite-path FILE] COMMAND ...</c>: load, check and inspect a graph store.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C cancels the command; an import then rolls back instead of dying mid-write. Not disposed: System.CommandLine
        // handles the same signal and may cancel the command, which then returns, before this handler's thread runs, and
        // cancelling a disposed source would throw there and end the process with an unhandled exception (exit 134).
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, cancel.Token);
    }

    /// <summary>The commands; adding one is a file with a <c>Create()</c> and a line here.</summary>
    public static Command Commands()
    {
        // Named here rather than after the host process, so help reads the same in tests and from `dotnet run`.
        var root = new Command("conflictgraph", "Load, check and inspect a ConflictGraph store (SQLite or Neo4j).\n" + Usage.ExitCodes)
        {
            new HelpOption(),
            VersionInfo.Option(),
            ValidateCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            StatsCommand.Create(),
            HistoryCommand.Create(),
            GenerateCommand.Create(),
            Neo4jCommand.Create(),
        };
        foreach (var option in StoreOptions.All) root.Options.Add(option);
        // No command is a usage error: the help goes to stderr and the exit code is 2.
        root.SetAction(result => Usage.RefuseAsync(result, ["name a command"], result.InvocationConfiguration.Error));
        return root;
    }

    /// <summary>The whole program with its console passed in, so tests run it in-process.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = Commands().Parse(args);
        if (result.Errors.Count > 0) return await Usage.RefuseAsync(result, result.Errors.Select(e => e.Message), error);
        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
