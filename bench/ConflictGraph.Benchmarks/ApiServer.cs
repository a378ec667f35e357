using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConflictGraph.Benchmarks;

/// <summary>The built API as a child process on a free loopback port (from --port on, or an ephemeral one), over one imported store.</summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly Process _process;

    private ApiServer(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>The service's process id, for reading its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The service's user and system CPU so far (utime + stime of /proc/PID/stat).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="setup">How the service is configured: measured, or a probe (<see cref="ServiceSetup"/>).</param>
    /// <param name="firstPort">The first port it may take (<see cref="BenchOptions.Port"/>); null for an ephemeral one.</param>
    public static async Task<ApiServer> StartAsync(RepoLayout layout, string store, ServiceSetup setup, int? firstPort, CancellationToken cancellationToken)
    {
        var port = firstPort is { } first ? FreeLoopbackPort(first) : FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = ChildProcess.Dotnet(layout.Root, new Dictionary<string, string>(), layout.ApiDll);
        foreach (var inherited in info.Environment.Keys.Where(ServiceSetup.Overrides).ToList()) info.Environment.Remove(inherited);
        foreach (var (key, value) in setup.Environment(store, address)) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ApiServer(process, address);

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                lock (output) throw new InvalidOperationException($"the API exited with code {process.ExitCode}:\n{output}");
            }
            try
            {
                // Ready as a load balancer would see it (store open, schema built), then the floor must answer.
                using var ready = await probe.GetAsync("/health/ready", cancellationToken);
                using var response = ready.IsSuccessStatusCode ? await probe.GetAsync("/floor/allocations", cancellationToken) : null;
                if (response?.IsSuccessStatusCode == true) return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(250, cancellationToken);
        }
        await server.DisposeAsync();
        throw new TimeoutException("the API was not ready or did not answer /floor/allocations within 5 minutes (is Diagnostics wired in Program.cs?)");
    }

    /// <summary>A client for <paramref name="concurrency"/> requests at once (and one more), on this service.</summary>
    public HttpClient Client(int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 1, UseCookies = false })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>
    /// The first port from <paramref name="first"/> that nothing listens on, within <see cref="BenchOptions.PortRange"/>:
    /// services start one after another, so the same port is usually free again for the next.
    /// </summary>
    private static int FreeLoopbackPort(int first)
    {
        for (var port = first; port < first + BenchOptions.PortRange; port++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException($"no free loopback port in {first}-{first + BenchOptions.PortRange - 1} (--port)");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
