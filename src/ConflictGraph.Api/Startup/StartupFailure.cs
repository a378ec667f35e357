using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Startup;

/// <summary>Runs the service; refused settings end it with one line per problem on stderr and exit code 2, not a stack trace.</summary>
public static class StartupFailure
{
    public const int BadSettings = 2;

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await Console.Error.WriteLineAsync($"conflictgraph-api: {failure}");
            return BadSettings;
        }
    }
}
