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
            if (await InputFiles.OpenAsync(result.GetValue(paths)!, output) is not { } source) return Usage.Failed;
            return await StoreSession.RunAsync(result, StoreUse.ReadExisting, async (store, _) =>
            {
                var validation = await GraphValidator.ValidateAsync(source, store, cancellationToken);
                if (source.ReadProblems.Count > 0)
                {
                    await InputFiles.ReportUnreadAsync(source.ReadProblems, output);
                    return Usage.Failed;
                }
                foreach (var problem in validation.Problems) await output.WriteLineAsync(problem.ToString());
                var size = InputFiles.Size(validation);
                await output.WriteLineAsync(validation.Problems.Count == 0 ? $"valid: {size}" : $"{validation.Problems.Count} problem(s) in {size}");
                return validation.Problems.Count == 0 ? Usage.Done : Usage.Failed;
            }, cancellationToken);
        });
        return command;
    }
}
