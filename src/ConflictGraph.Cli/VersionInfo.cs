using System.CommandLine;
using System.Reflection;

namespace ConflictGraph.Cli;

/// <summary><c>--version</c>: this program's version and the commit it was built from.</summary>
public static class VersionInfo
{
    public static string Text =>
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static Option<bool> Option()
    {
        var option = new Option<bool>("--version") { Description = "Show version information", Arity = ArgumentArity.Zero };
        option.Action = new Print();
        return option;
    }

    private sealed class Print : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override bool Terminating => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"conflictgraph {Text}");
            return Usage.Done;
        }
    }
}
