using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Startup;

/// <summary>
/// Opens the store at start and, when it is empty, imports the seed through the same path as
/// the CLI and importGraph; builds the GraphQL schema. Readiness follows the outcome.
/// </summary>
public sealed class StartupSeeding(
    IServiceProvider services, IOptions<SeedOptions> options, IWebHostEnvironment environment, Readiness readiness, ILogger<StartupSeeding> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A store that is down at start (a Neo4j server still booting) is tried again until it answers.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var store = services.GetRequiredService<IGraphStore>();
                var stats = await store.GetStatsAsync(stoppingToken);
                if (stats.Nodes == 0 && options.Value.OnStartup) await SeedAsync(store, stoppingToken);
                // Built here, not by whichever request comes first while the others wait on it.
                services.GetRequiredService<GraphQL.Types.ISchema>().Initialize();
                readiness.Ready();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Another process importing into the same file counts as a store still booting.
            catch (Exception e) when (e is StoreUnavailableException or StoreBusyException)
            {
                logger.LogWarning("the store is unavailable, retrying in 5 s: {Reason}", e.Message);
                readiness.NotReady("the store is unavailable; retrying", e.Message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "the service could not start its store");
                readiness.NotReady("the store could not be opened or seeded; see the service log", e.Message);
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task SeedAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var path = SeedPath();
        if (path is null)
        {
            logger.LogWarning("the store is empty and no seed was found (set ConflictGraph__Seed__Path); starting empty");
            return;
        }
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray() : [path];
        var result = await GraphImporter.ImportAsync(new JsonFileSource(files), store, null, new WriteContext(WriteContext.Seed), cancellationToken);
        logger.LogInformation("seeded the empty store from {Path}: {Created} nodes, {Relations} relations", path, result.Created, result.RelationsCreated);
    }

    private string? SeedPath()
    {
        if (options.Value.Path is { } configured)
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(full) || Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"ConflictGraph:Seed:Path '{configured}' does not exist");
        }
        // The repository's seed/ next to the project (dotnet run) or the working directory.
        string[] candidates = [Path.Combine(environment.ContentRootPath, "..", "..", "seed"), Path.Combine(Directory.GetCurrentDirectory(), "seed")];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }
}
