using System.CommandLine;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli;

/// <summary><c>validate PATH...</c>: every problem in the files, with its path; the store is only read.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "JSON files, or directories of *.json", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "check JSON files against each other and the store (which must exist); prints every problem; writes nothing") { paths };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            if (await InputFiles.ReadAsync(result.GetValue(paths)!, output, cancellationToken) is not { } read) return Usage.Failed;
            return await StoreSession.RunAsync(result, StoreUse.ReadExisting, async (store, _) =>
            {
                var problems = await GraphValidator.ValidateAsync(read.Input, read.Origins, store, cancellationToken);
                foreach (var problem in problems) await output.WriteLineAsync(problem.ToString());
                var size = $"{InputFiles.Nodes(read.Input)} nodes, {read.Input.Relations?.Count ?? 0} relations" +
                           (read.Input.Facts is { Count: > 0 } facts ? $", {facts.Count} facts" : "");
                await output.WriteLineAsync(problems.Count == 0 ? $"valid: {size}" : $"{problems.Count} problem(s) in {size}");
                return problems.Count == 0 ? Usage.Done : Usage.Failed;
            }, cancellationToken);
        });
        return command;
    }
}
