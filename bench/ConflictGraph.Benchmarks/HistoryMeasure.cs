using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// What the change log costs at one size: the CLI's import with the log and without it (best of
/// <see cref="Rounds"/> alternating runs each, into fresh files), the log's share of the file, and the
/// time from a commit in one process to its change set reaching a subscriber of the API in another.
/// </summary>
public sealed record HistoryMeasure(
    int Events, long Items, TimeSpan WithLog, TimeSpan WithoutLog, long FileWithLog, long FileWithoutLog, long LogBytes, long LogEntries,
    IReadOnlyList<double> LatencyMilliseconds, TimeSpan CpuWithLog, TimeSpan CpuWithoutLog)
{
    private const int Rounds = 2;
    private const int LatencyWrites = 40;

    public double ImportRatio => WithoutLog.TotalSeconds / WithLog.TotalSeconds;

    /// <summary>The same ratio from the imports' CPU time (least of the rounds), which the machine's load moves far less than wall time.</summary>
    public double CpuRatio => CpuWithoutLog.TotalSeconds / CpuWithLog.TotalSeconds;

    public static async Task<HistoryMeasure> RunAsync(RepoLayout layout, GraphWorkspace graph, int seed, int? port, CancellationToken cancellationToken)
    {
        var logged = Path.Combine(layout.WorkDirectory, $"history-{graph.Events}-logged.db");
        var unlogged = Path.Combine(layout.WorkDirectory, $"history-{graph.Events}-unlogged.db");
        var (withLog, withoutLog, cpuWith, cpuWithout) = (TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue);
        // Alternating, so a burst of load from the machine's other users does not land on one side only.
        for (var round = 0; round < Rounds; round++)
        {
            var without = await ImportAsync(layout, graph, unlogged, logImports: false, cancellationToken);
            (withoutLog, cpuWithout) = (Min(withoutLog, without.Elapsed), Min(cpuWithout, without.CpuTime));
            var with = await ImportAsync(layout, graph, logged, logImports: true, cancellationToken);
            (withLog, cpuWith) = (Min(withLog, with.Elapsed), Min(cpuWith, with.CpuTime));
        }
        var (logBytes, entries) = await LogSizeAsync(logged, cancellationToken);
        var latencies = await LatencyAsync(layout, logged, seed, port, cancellationToken);
        return new HistoryMeasure(graph.Events, graph.Nodes + graph.Relations, withLog, withoutLog, FileSize(logged), FileSize(unlogged), logBytes, entries, latencies,
            cpuWith, cpuWithout);
    }

    public double Percentile(double p)
    {
        var sorted = LatencyMilliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<ProcessOutcome> ImportAsync(RepoLayout layout, GraphWorkspace graph, string store, bool logImports, CancellationToken cancellationToken)
    {
        foreach (var file in new[] { store, store + "-wal", store + "-shm" }) File.Delete(file);
        var environment = ImportMeasure.StoreEnvironment(store);
        environment["ConflictGraph__Sqlite__LogImports"] = logImports ? "true" : "false";
        Console.WriteLine($"  importing {graph.Nodes + graph.Relations:N0} items {(logImports ? "with" : "without")} the change log");
        var outcome = await ChildProcess.RunAsync(ChildProcess.Dotnet(layout.Root, environment, layout.CliDll, "import", graph.Directory),
            TimeSpan.FromMinutes(60), echo: false, cancellationToken);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"import into {store} failed:\n{outcome.Output}");
        Console.WriteLine($"    {outcome.Elapsed.TotalSeconds:F1} s, {outcome.CpuTime.TotalSeconds:F1} s CPU");
        return outcome;
    }

    private static long FileSize(string store) =>
        new[] { store, store + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    /// <summary>
    /// The pages of the log's tables and index, and its entries. The SQLite bundled with
    /// Microsoft.Data.Sqlite is built without the dbstat table, so the sqlite3 shell counts the pages.
    /// </summary>
    private static async Task<(long Bytes, long Entries)> LogSizeAsync(string store, CancellationToken cancellationToken)
    {
        var shell = new ProcessStartInfo("sqlite3", ["-readonly", store,
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN ('history', 'history_batches', 'history_by_target', 'sqlite_autoindex_history_batches_1')"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var outcome = await ChildProcess.RunAsync(shell, TimeSpan.FromMinutes(10), echo: false, cancellationToken);
        if (outcome.ExitCode != 0 || !long.TryParse(outcome.Output.Trim(), out var bytes))
            throw new InvalidOperationException($"the sqlite3 shell (apt-get install -y sqlite3) could not count the log's pages:\n{outcome.Output}");
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM history";
        return (bytes, (long)count.ExecuteScalar()!);
    }

    /// <summary>
    /// The API serves the store; this process writes small batches to the same file, each followed
    /// by a pause of 50 to 250 ms (so writes land anywhere in the API's poll interval), and timestamps
    /// the commit and the change set's arrival on one clock.
    /// </summary>
    private static async Task<IReadOnlyList<double>> LatencyAsync(RepoLayout layout, string store, int seed, int? port, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  commit-to-subscriber latency: {LatencyWrites} writes from this process, received by the API's subscriber");
        await using var api = await ApiServer.StartAsync(layout, store, ServiceSetup.Measured(cacheReads: true), port, cancellationToken);
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{api.Address.Authority}/graphql"), cancellationToken);
        await SendAsync(socket, new { type = "connection_init" }, cancellationToken);
        await ReceiveAsync(socket, cancellationToken);
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { graphChanged { batchId } }" } }, cancellationToken);

        var clock = Stopwatch.StartNew();
        var arrivals = new Dictionary<string, double>();
        var receiving = Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var message = await ReceiveAsync(socket, cancellationToken);
                if (message is null) return;
                var at = clock.Elapsed.TotalMilliseconds;
                using var json = JsonDocument.Parse(message);
                if (json.RootElement.GetProperty("type").GetString() != "next") continue;
                var batch = json.RootElement.GetProperty("payload").GetProperty("data").GetProperty("graphChanged").GetProperty("batchId").GetString()!;
                lock (arrivals) arrivals[batch] = at;
            }
        }, cancellationToken);

        using var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = store, CreateIfMissing = false });
        var random = new Random(seed);
        // The subscription is registered once a write reaches it; until then writes are warm-up.
        string? first = null;
        for (var attempt = 0; attempt < 100 && first is null; attempt++)
        {
            var batch = (await WriteAsync(writer, $"warmup-{attempt}", cancellationToken)).BatchId!;
            await Task.Delay(200, cancellationToken);
            lock (arrivals) if (arrivals.ContainsKey(batch)) first = batch;
        }
        if (first is null) throw new InvalidOperationException("the subscriber never received a write");

        var commits = new Dictionary<string, double>();
        for (var n = 0; n < LatencyWrites; n++)
        {
            var result = await WriteAsync(writer, $"latency-{n}", cancellationToken);
            commits[result.BatchId!] = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(50 + random.Next(200), cancellationToken);
        }
        for (var wait = 0; wait < 50; wait++)
        {
            lock (arrivals) if (commits.Keys.All(arrivals.ContainsKey)) break;
            await Task.Delay(100, cancellationToken);
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await receiving.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => { }, CancellationToken.None);
        lock (arrivals)
        {
            var missing = commits.Keys.Count(k => !arrivals.ContainsKey(k));
            if (missing > 0) throw new InvalidOperationException($"{missing} of {commits.Count} writes never reached the subscriber");
            return commits.Select(c => arrivals[c.Key] - c.Value).ToList();
        }
    }

    private static Task<ImportResult> WriteAsync(IGraphStore store, string name, CancellationToken cancellationToken) =>
        store.ImportAsync(new GraphBatch([new Organization($"org:bench-{name}-{Guid.NewGuid():N}", $"Benchmark {name}", [], null, OrganizationKind.Other, null)], []),
            new WriteContext("benchmark"), cancellationToken);

    private static Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException)
            {
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }
}
