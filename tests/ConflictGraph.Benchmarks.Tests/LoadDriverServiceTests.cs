using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>
/// The harness's load against a real service, started as the harness starts it (<see cref="ApiServer"/>, the build these
/// tests were made with) over an imported store: the lean client and the HttpClient it replaced must read the same.
/// </summary>
public sealed class LoadDriverServiceTests : IDisposable
{
    private const int Events = 2_000;
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"load-tests-{Guid.NewGuid():N}")).FullName;
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>
    /// Every query of the catalogue (repeated ids), each variant asked four times by every client: the same count of answers,
    /// none failed, the same answer bytes; and each run reports the service's and the client's CPU (the non-blocking
    /// clients their stalls too).
    /// </summary>
    [Theory]
    [InlineData(LoadClientKind.Lean)]
    [InlineData(LoadClientKind.Loop)]
    [InlineData(LoadClientKind.Async)]
    public async Task EachClientReadsEveryByteTheHttpClientReads(LoadClientKind kind)
    {
        var settings = new GenerationSettings(Events, 5, EventsPerFile: Events);
        await using var server = await StartAsync(settings);
        var graph = new GraphWorkspace(Events, 5, directory, 0, 0, WorldBuilder.Build(settings));

        var (clientCpu, serviceCpu) = (0.0, 0.0);
        foreach (var query in QueryCatalog.For(graph, BenchMode.Repeated))
        {
            var (lean, http) = (await RunAsync(server, query, kind), await RunAsync(server, query, LoadClientKind.HttpClient));
            clientCpu += lean.ClientCpuMillisecondsPerRequest!.Value;
            serviceCpu += lean.CpuMillisecondsPerRequest!.Value;

            Assert.True(lean.Problem is null, $"{query.Name}: {lean.Problem}");
            Assert.Equal((query.Variants * 4L, 0L), (lean.Requests, lean.Failures));
            Assert.Equal((http.Requests, http.Failures), (lean.Requests, lean.Failures));
            Assert.True(lean.AnswerBytesPerRequest > 10, query.Name);
            Assert.Equal(http.AnswerBytesPerRequest, lean.AnswerBytesPerRequest);
            Assert.Equal(kind != LoadClientKind.Lean, lean.Stalls is >= 0);
        }
        // Read in clock ticks (10 ms): a query of one variant (4 requests) can read 0, the catalogue cannot.
        Assert.True(clientCpu > 0 && serviceCpu > 0, $"client {clientCpu}, service {serviceCpu}");
    }

    /// <summary>Half the variants ask the floor for ids that do not exist (404): each is a failure, not a latency, for every client.</summary>
    [Fact]
    public async Task ANon2xxAnswerIsAFailureForEveryClient()
    {
        await using var server = await StartAsync(new GenerationSettings(Events, 5, EventsPerFile: Events));
        // The probe asks the even variants only (64 of 128), which exist.
        var query = BenchQuery.Get("half missing", 128, i => $"/floor/nodes/{Uri.EscapeDataString(i % 2 == 0 ? $"event:e{1 + i:D7}" : $"event:none{i}")}");

        foreach (var kind in new[] { LoadClientKind.Lean, LoadClientKind.Loop, LoadClientKind.Async, LoadClientKind.HttpClient })
        {
            var result = await RunAsync(server, query, kind);
            // Each of the 128 variants four times: 256 answered, 256 failed.
            Assert.Equal((256L, 256L, "256 failed responses"), (result.Requests, result.Failures, result.Problem));
        }
    }

    /// <summary>
    /// <c>--drive</c> through the harness's entry point against the running service, as a person pairs it with wrk: every
    /// variant of the 2-level query four times, the row printed with the answer bytes the in-process HttpClient read, the
    /// service's CPU and context switches read through its pid.
    /// </summary>
    [Fact]
    public async Task DriveLoadsARunningServiceAndPrintsTheRow()
    {
        var settings = new GenerationSettings(Events, 5, EventsPerFile: Events);
        await using var server = await StartAsync(settings);
        var query = QueryCatalog.For(new GraphWorkspace(Events, 5, directory, 0, 0, WorldBuilder.Build(settings)), BenchMode.Repeated)
            .Single(q => q.Name == BenchQuery.TwoLevel);
        var http = await RunAsync(server, query, LoadClientKind.HttpClient);

        var (exitCode, output, error) = await Harness.RunAsync("--drive", server.Address.ToString(), "--query", "2 levels", "--mode", "repeated",
            "--sizes", $"{Events}", "--seed", "5", "--pid", $"{server.ProcessId}", "--concurrency", "4", "--warmup", "0s", "--duration", "2m", "--max-requests", "256");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}\n{output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DriveCommand.Head.Split('\n'), lines[^3..^1]);
        var cells = lines[^1].Split('|').Select(c => c.Trim()).ToArray()[1..^1];
        Assert.Equal(["loop", BenchQuery.TwoLevel, $"{Events}", "repeated"], cells[..4]);
        // requests, failures; each of the 64 variants four times
        Assert.Equal(("256", "0"), (cells[5], cells[9]));
        Assert.Equal($"{http.AnswerBytesPerRequest:F0}", cells[14]);
        // client and service ms a request, the service's context switches: read, not "n/a"
        Assert.All(new[] { cells[10], cells[11] }, c => Assert.True(double.Parse(c, System.Globalization.CultureInfo.InvariantCulture) > 0, lines[^1]));
        Assert.Matches(@"^\d+\.\d\d \(\d+\.\d\d\+\d+\.\d\d\)$", cells[12]);
        // the default client is the loop one, which counts its stalls
        Assert.Matches(@"^\d+$", cells[15]);
    }

    private async Task<ApiServer> StartAsync(GenerationSettings settings)
    {
        var store = Path.Combine(directory, "store.db");
        if (!File.Exists(store))
        {
            using (var graph = new SqliteGraphStore(new SqliteStoreOptions { Path = store }))
                await graph.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(settings)), null, CancellationToken.None);
            SqliteConnection.ClearAllPools();
        }
        var layout = RepoLayout.Find(directory) with { Configuration = Configuration };
        Assert.True(File.Exists(layout.ApiDll), $"the API is not built at {layout.ApiDll}");
        return await ApiServer.StartAsync(layout, store, ServiceSetup.Measured(cacheReads: false), null, CancellationToken.None);
    }

    private static async Task<LoadResult> RunAsync(ApiServer server, BenchQuery query, LoadClientKind kind)
    {
        // Three loop threads over four connections: one thread drives two.
        var options = new BenchOptions { Concurrency = 4, LoadThreads = 3, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromMinutes(2), MaxRequests = query.Variants * 4, LoadClient = kind };
        using var client = server.Client(options.Concurrency);
        return await new LoadDriver(client, options, () => server.ProcessorTime).RunAsync(query, Events, BenchMode.Repeated, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
