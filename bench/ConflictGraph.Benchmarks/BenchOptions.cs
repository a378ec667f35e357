using System.Globalization;

namespace ConflictGraph.Benchmarks;

/// <summary>The benchmark's command line, with every run bounded by default.</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 1_000_000];
    public int Concurrency { get; init; } = 8;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A hard cap on requests per query and size, whatever the duration.</summary>
    public int MaxRequests { get; init; } = 2_000_000;
    public int Seed { get; init; } = 42;
    public string? Out { get; init; }
    public string? WorkDirectory { get; init; }
    /// <summary>Keep an already imported store of the same size and seed instead of importing again (with --import-only, the floor is still measured from it).</summary>
    public bool ReuseStore { get; init; }
    /// <summary>How often the reads-under-writes runs write (each runs three intervals).</summary>
    public TimeSpan WriteEvery { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Skip the reads-under-writes rows, the only ones that write to the store: for stores that must stay as they are.</summary>
    public bool NoWrites { get; init; }
    /// <summary>How many concurrent requests the cold-start and warm bursts send.</summary>
    public int Burst { get; init; } = 32;
    /// <summary>Only queries, aggregates and exports whose name contains one of these (all when empty).</summary>
    public IReadOnlyList<string> Only { get; init; } = [];
    /// <summary>Read each size's store through the OS cache before its rows (the default), or measure it as the runs before left it.</summary>
    public StoreCachePolicy StoreCache { get; init; } = StoreCachePolicy.Read;

    /// <summary>
    /// Which client drives the measured load: the loop client built as wrk is (the default), or for comparison the lean one
    /// (a blocking thread a connection), the async one or .NET's HttpClient.
    /// </summary>
    public LoadClientKind LoadClient { get; init; } = LoadClientKind.Loop;

    /// <summary>How many threads the loop client (<see cref="LoadClientKind.Loop"/>) drives its connections from (wrk's -t).</summary>
    public int LoadThreads { get; init; } = 2;

    /// <summary>
    /// Drive an already running service at this address with the harness's load loop (one query, one mode, one size) and
    /// print the row's columns instead of running the benchmark (<see cref="DriveCommand"/>); null: the benchmark.
    /// </summary>
    public Uri? Drive { get; init; }
    /// <summary>With <see cref="Drive"/>: the one catalogue query whose name contains this.</summary>
    public string? Query { get; init; }
    /// <summary>With <see cref="Drive"/>: which variants are asked (spread and uncached ask the same; the service's own setting decides the cache).</summary>
    public BenchMode Mode { get; init; } = BenchMode.Uncached;
    /// <summary>With <see cref="Drive"/>: the service's process id, for its CPU and context switches a request; null: not reported.</summary>
    public int? ServicePid { get; init; }
    /// <summary>With <see cref="Drive"/>: the request number the warm-up starts at (the measured run goes on after it); null: a random one.</summary>
    public long? WalkStart { get; init; }

    /// <summary>Whether <see cref="Only"/> lets the row of this name run.</summary>
    public bool Includes(string name) => Only.Count == 0 || Only.Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase));
    /// <summary>Skip the HTTP query load; import, aggregates and the export still run.</summary>
    public bool AggregatesOnly { get; init; }
    /// <summary>How many times each aggregate is timed at most (within the duration).</summary>
    public int AggregateRuns { get; init; } = 40;
    /// <summary>Generate, import and measure the sqlite3 floor only; no HTTP load. Writes the import block of BENCHMARKS.md.</summary>
    public bool ImportOnly { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>
    /// The first port a started service may listen on (each takes the first free one from here, at most
    /// <see cref="PortRange"/> ports on), so a run stays inside a given range; null takes ephemeral ports.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>How many ports from <see cref="Port"/> a run may use.</summary>
    public const int PortRange = 100;

    /// <summary>
    /// The command that reproduces this run, as a report prints it: each argument that a POSIX shell would split or
    /// expand is single-quoted (e.g. <c>--only 'node by id,levels'</c>), so the line can be pasted as it is.
    /// </summary>
    public string Command =>
        $"dotnet run -c Release --project bench/ConflictGraph.Benchmarks -- {string.Join(' ', Arguments.Select(Quoted))}".TrimEnd();

    private static string Quoted(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_.,/:=@%+".Contains(c))
            ? argument
            : $"'{argument.Replace("'", "'\\''")}'";
    /// <summary>Measure the change log's cost too (import with and without it, its size, commit-to-subscriber latency).</summary>
    public bool History { get; init; }
    /// <summary>Skip the query load (with --history: only the change log's table is measured and rewritten).</summary>
    public bool NoQueries { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Arguments = args };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Value().Split(',').Select(Count).ToArray() },
                "--concurrency" => options with { Concurrency = Math.Clamp(Count(Value()), 1, 256) },
                "--duration" => options with { Duration = Span(Value()) },
                "--warmup" => options with { Warmup = Span(Value()) },
                "--max-requests" => options with { MaxRequests = Count(Value()) },
                "--seed" => options with { Seed = Count(Value()) },
                "--out" => options with { Out = Value() },
                "--work" => options with { WorkDirectory = Value() },
                "--reuse-store" => options with { ReuseStore = true },
                "--write-every" => options with { WriteEvery = Span(Value()) },
                "--aggregates-only" => options with { AggregatesOnly = true },
                "--aggregate-runs" => options with { AggregateRuns = Math.Max(5, Count(Value())) },
                "--burst" => options with { Burst = Math.Clamp(Count(Value()), 1, 256) },
                "--import-only" => options with { ImportOnly = true },
                "--history" => options with { History = true },
                "--no-queries" => options with { NoQueries = true },
                "--no-writes" => options with { NoWrites = true },
                "--port" => options with { Port = Count(Value()) },
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--store-cache" => options with { StoreCache = Policy(Value()) },
                "--load-client" => options with { LoadClient = Client(Value()) },
                "--load-threads" => options with { LoadThreads = Math.Clamp(Count(Value()), 1, 64) },
                "--drive" => options with { Drive = Address(Value()) },
                "--query" => options with { Query = Value() },
                "--mode" => options with { Mode = ModeOf(Value()) },
                "--pid" => options with { ServicePid = Count(Value()) },
                "--walk-start" => options with { WalkStart = long.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }
        if (options.Duration > TimeSpan.FromMinutes(5)) throw new ArgumentException("--duration is capped at 5m per query");
        if (options.Port is { } port && (port < 1024 || port > 65535 - (PortRange - 1)))
            throw new ArgumentException($"--port {port} is outside 1024-{65535 - (PortRange - 1)} (a run uses up to {PortRange} ports from it)");
        if (options.NoQueries && !options.History) throw new ArgumentException("--no-queries leaves nothing to measure without --history");
        var driveOnly = new[] { "--query", "--mode", "--pid", "--walk-start" }.Where(args.Contains).ToList();
        if (options.Drive is null && driveOnly.Count > 0) throw new ArgumentException($"{driveOnly[0]} is for --drive URL only");
        if (options.Drive is not null)
        {
            if (options.Query is null) throw new ArgumentException("--drive needs --query NAME (one catalogue query, e.g. '2 levels')");
            if (!args.Contains("--sizes") || options.Sizes.Count != 1)
                throw new ArgumentException("--drive needs --sizes N, the one graph size the service holds (its ids are read off the generated world)");
        }
        return options;
    }

    public const string Usage =
        "[--sizes 10000,1000000] [--concurrency 8] [--duration 10s] [--warmup 2s] [--max-requests N] [--seed 42] [--out BENCHMARKS.md] [--work DIR] [--reuse-store] [--write-every 5s] [--no-writes] [--burst 32] [--only name,...] [--store-cache read|as-left] [--load-client loop|lean|async|httpclient] [--load-threads 2] [--drive URL --query NAME --sizes N [--mode repeated|spread|uncached] [--pid PID] [--walk-start N]] [--aggregates-only] [--aggregate-runs 40] [--import-only] [--history] [--no-queries] [--port P]";

    private static StoreCachePolicy Policy(string text) => text switch
    {
        "read" => StoreCachePolicy.Read,
        "as-left" => StoreCachePolicy.AsLeft,
        _ => throw new ArgumentException($"--store-cache takes read or as-left, not '{text}'"),
    };

    /// <summary>A client's name as --load-client takes it.</summary>
    public static string ClientName(LoadClientKind kind) => kind switch
    {
        LoadClientKind.Lean => "lean",
        LoadClientKind.HttpClient => "httpclient",
        LoadClientKind.Loop => "loop",
        LoadClientKind.Async => "async",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static LoadClientKind Client(string text) => text switch
    {
        "lean" => LoadClientKind.Lean,
        "httpclient" => LoadClientKind.HttpClient,
        "loop" => LoadClientKind.Loop,
        "async" => LoadClientKind.Async,
        _ => throw new ArgumentException($"--load-client takes loop, lean, async or httpclient, not '{text}'"),
    };

    private static Uri Address(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/"
            ? uri : throw new ArgumentException($"--drive takes the service's http:// address (e.g. http://127.0.0.1:5300), not '{text}'");

    private static BenchMode ModeOf(string text) => text switch
    {
        "repeated" => BenchMode.Repeated,
        "spread" => BenchMode.Spread,
        "uncached" => BenchMode.Uncached,
        _ => throw new ArgumentException($"--mode takes repeated, spread or uncached, not '{text}'"),
    };

    private static int Count(string text) =>
        int.Parse(text.Replace("_", "").Replace("k", "000").Replace("M", "000000"), NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan Span(string text) => text switch
    {
        _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(Count(text[..^2])),
        _ when text.EndsWith('s') => TimeSpan.FromSeconds(Count(text[..^1])),
        _ when text.EndsWith('m') => TimeSpan.FromMinutes(Count(text[..^1])),
        _ => TimeSpan.FromSeconds(Count(text)),
    };
}
