using System.Data.Common;
using ConflictGraph.Core.Store;
using ConflictGraph.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Cli;

/// <summary>
/// Runs a command against the configured store: settings from the environment and the command
/// line, validated on start, the store opened once and closed at the end.
/// </summary>
public static class StoreSession
{
    public static async Task<int> RunAsync(
        CommandLine line, TextWriter error, Func<IGraphStore, Task<int>> command, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(line.Settings);
        builder.Services.AddGraphStore(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            var result = await command(host.Services.GetRequiredService<IGraphStore>());
            await host.StopAsync(CancellationToken.None);
            return result;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await error.WriteLineAsync($"conflictgraph: {failure}");
            return Usage.BadUsage;
        }
        catch (Exception e) when (e is StoreUnavailableException or DbException)
        {
            await error.WriteLineAsync($"conflictgraph: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("conflictgraph: cancelled; an import in progress was rolled back");
            return 1;
        }
        finally
        {
            // The store may hold only asynchronous resources; dispose the way it can be disposed.
            if (host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync();
            else host.Dispose();
        }
    }
}
