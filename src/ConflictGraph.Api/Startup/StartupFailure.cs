using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Startup;

/// <summary>Runs the service; refused settings end it with one line per problem on stderr and exit code 2, not a stack trace.</summary>
public static class StartupFailure
{
    public const int BadSettings = 2;

    public static async Task<int> RunAsync(WebApplicationBuilder builder, Action<WebApplication> map)
    {
        try
        {
            var app = builder.Build();
            map(app);
            // Validated before the host starts, so the host does not log the failure as a stack trace first.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await Console.Error.WriteLineAsync($"conflictgraph-api: {failure}");
            return BadSettings;
        }
        catch (Exception e) when (ConflictGraph.Hosting.UnreadableSetting.Is(e))
        {
            await Console.Error.WriteLineAsync($"conflictgraph-api: {e.Message}");
            return BadSettings;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            foreach (var failure in e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures))
                await Console.Error.WriteLineAsync($"conflictgraph-api: {failure}");
            return BadSettings;
        }
    }
}
