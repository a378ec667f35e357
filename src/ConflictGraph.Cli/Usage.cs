using System.CommandLine;
using System.CommandLine.Help;

namespace ConflictGraph.Cli;

/// <summary>Exit codes, and what a misused command prints: the problem, then that command's help, on stderr.</summary>
public static class Usage
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public const string ExitCodes = "exit codes: 0 done, 1 problems found or the command failed, 2 bad usage or settings";

    /// <summary>Prints each problem and the help of the command they concern; exit code 2.</summary>
    public static async Task<int> RefuseAsync(ParseResult result, IEnumerable<string> problems, TextWriter error)
    {
        foreach (var problem in problems) await error.WriteLineAsync($"conflictgraph: {problem}");
        await error.WriteLineAsync();
        PrintHelp(result.CommandResult.Command, error);
        return BadUsage;
    }

    public static void PrintHelp(Command command, TextWriter writer)
    {
        var path = new List<string>();
        var root = command;
        for (; root.Parents.OfType<Command>().FirstOrDefault() is { } parent; root = parent) path.Insert(0, root.Name);
        root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = writer });
    }
}
