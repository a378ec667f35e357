using System.Diagnostics;
using System.Globalization;
using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// <c>--drive URL</c>: the harness's load loop for one catalogue query in one mode against a service that is already
/// running (started by hand, beside wrk), printing the row's columns: so the harness's clients and wrk can be paired on
/// one service. The ids are the harness's own (the spread walk of <see cref="BenchQuery.Scrambled"/>, the walk
/// <c>bench/wrk/graphql.lua</c> asks with <c>walk</c>), read off the world generated from the size and seed.
/// </summary>
public static class DriveCommand
{
    /// <summary>
    /// The columns <see cref="Row"/> prints, as a Markdown table's head. cs/req: context switches a request, voluntary +
    /// involuntary; stalls: answers a non-blocking client found not whole at their first read (n/a for the blocking ones).
    /// </summary>
    public const string Head =
        "| client | query | events | mode | load | requests | req/s | p50 ms | p99 ms | failures | client ms/req | service ms/req | service cs/req (vol+invol) | client cs/req (vol+invol) | answer B/req | stalls |\n" +
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|";

    /// <returns>The exit code: 0 with every answer read and none failed, 1 when the run failed or counted failures, 2 for a bad argument.</returns>
    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var address = options.Drive!;
        var events = options.Sizes[0];
        var graph = new GraphWorkspace(events, options.Seed, "", 0, 0, WorldBuilder.Build(new GenerationSettings(events, options.Seed)));
        var queries = QueryCatalog.For(graph, options.Mode);
        // A whole name wins over the names it is part of ('node by id' is also in the floor's).
        var matching = queries.Where(q => q.Name.Equals(options.Query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matching.Count == 0) matching = queries.Where(q => q.Name.Contains(options.Query!, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matching.Count != 1)
        {
            var names = string.Join("; ", queries.Select(q => $"'{q.Name}'"));
            await error.WriteLineAsync(matching.Count == 0
                ? $"--query '{options.Query}' names no catalogue query; they are: {names}"
                : $"--query '{options.Query}' names {matching.Count} queries ({string.Join("; ", matching.Select(q => $"'{q.Name}'"))}); name one of: {names}");
            return 2;
        }
        var query = matching[0];
        Process? service = null;
        if (options.ServicePid is { } pid)
        {
            try
            {
                service = Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                await error.WriteLineAsync($"--pid {pid}: no process with that id is running");
                return 2;
            }
        }
        using (service)
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 1, UseCookies = false })
            {
                BaseAddress = address,
                Timeout = TimeSpan.FromSeconds(60),
            };
            TimeSpan ServiceCpu()
            {
                service!.Refresh();
                return service.TotalProcessorTime;
            }
            var driver = service is null
                ? new LoadDriver(client, options)
                : new LoadDriver(client, options, ServiceCpu, () => ContextSwitches.Of(service.Id));
            var start = options.WalkStart ?? Random.Shared.NextInt64(0, query.Variants);
            LoadDriver.StartAt(start);
            var load = Report.LoadAverage();
            await output.WriteLineAsync($"{Client(options)} driving {address} with '{query.Name}' at {events:N0} events ({Mode(options.Mode)} ids from request {start}), " +
                                        $"{options.Concurrency} connections, {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Duration.TotalSeconds:0.#} s measured");
            LoadResult result;
            try
            {
                result = await driver.RunAsync(query, events, options.Mode, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException or IOException or TimeoutException
                                          or TaskCanceledException or Http1.MalformedResponseException && !cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync($"driving {address} failed: {e.Message}");
                return 1;
            }
            if (result.Requests == 0)
            {
                await error.WriteLineAsync($"'{query.Name}' at {address}: {result.Problem ?? "no answer"}");
                return 1;
            }
            await output.WriteLineAsync(Head);
            await output.WriteLineAsync(Row(result, Client(options), load));
            return result.Failures > 0 ? 1 : 0;
        }
    }

    /// <summary>One run as a row under <see cref="Head"/>; a figure not read is "n/a".</summary>
    public static string Row(LoadResult result, string client, string load)
    {
        var requests = result.Requests + result.Failures;
        string Ms(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
        string Switches(ContextSwitches? switches) => switches is { } s && requests > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(double)(s.Voluntary + s.Involuntary) / requests:F2} ({(double)s.Voluntary / requests:F2}+{(double)s.Involuntary / requests:F2})")
            : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {client} | {result.Query} | {result.Events} | {Mode(result.Mode)} | {load} | {result.Requests} | {result.RequestsPerSecond:F0} | {result.P50Milliseconds:F2} | {result.P99Milliseconds:F2} | " +
            $"{result.Failures} | {Ms(result.ClientCpuMillisecondsPerRequest)} | {Ms(result.CpuMillisecondsPerRequest)} | {Switches(result.ServiceSwitches)} | {Switches(result.ClientSwitches)} | " +
            $"{result.AnswerBytesPerRequest:F0} | {result.Stalls?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} |");
    }

    private static string Client(BenchOptions options) => BenchOptions.ClientName(options.LoadClient);

    private static string Mode(BenchMode mode) => mode.ToString().ToLowerInvariant();
}
