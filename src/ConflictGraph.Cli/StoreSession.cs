using System.CommandLine;
using System.Data.Common;
using ConflictGraph.Core.Store;
using ConflictGraph.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Cli;

/// <summary>Whether a command may create the store, or needs one that exists.</summary>
public enum StoreUse { ReadExisting, Write }

/// <summary>
/// Runs a command against the configured store: settings from the environment and the command
/// line, validated on start, the store opened once and closed at the end.
/// </summary>
public static class StoreSession
{
    /// <param name="kind">The store a command works on whatever the settings say (e.g. <c>neo4j migrate</c>).</param>
    public static async Task<int> RunAsync(
        ParseResult result, StoreUse use, Func<IGraphStore, TextWriter, Task<int>> command, CancellationToken cancellationToken, StoreKind? kind = null)
    {
        var error = result.InvocationConfiguration.Error;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(StoreOptions.Settings(result));
        if (kind is { } only) builder.Configuration.AddInMemoryCollection([new($"{GraphStoreOptions.Section}:Store", only.ToString())]);
        // A read of a mistyped path must not leave an empty database behind.
        builder.Services.AddGraphStore(builder.Configuration, createIfMissing: use == StoreUse.Write);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            var exit = await command(host.Services.GetRequiredService<IGraphStore>(), result.InvocationConfiguration.Output);
            await host.StopAsync(CancellationToken.None);
            return exit;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await error.WriteLineAsync($"conflictgraph: {failure}");
            return Usage.BadUsage;
        }
        catch (Exception e) when (UnreadableSetting.Is(e))
        {
            await error.WriteLineAsync($"conflictgraph: {e.Message}");
            return Usage.BadUsage;
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreBusyException or DbException)
        {
            await error.WriteLineAsync($"conflictgraph: {e.Message}");
            return Usage.Failed;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("conflictgraph: cancelled; an import in progress was rolled back");
            return Usage.Failed;
        }
        finally
        {
            // The store may hold only asynchronous resources; dispose the way it can be disposed.
            if (host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync();
            else host.Dispose();
        }
    }
}
