using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Explorer;

/// <summary>
/// Runs BrowserCheck/explorer-check.mjs (playwright-core driving Debian's headless Chromium)
/// against a seeded service listening on a free local port, and returns its JSON report.
/// </summary>
public static class BrowserCheck
{
    public static readonly string Folder = Path.Combine(ConflictGraphApp.RepoRoot, "tests", "ConflictGraph.Api.Tests", "Explorer", "BrowserCheck");

    public static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Why the check cannot run here, or null when it can.</summary>
    public static string? Missing()
    {
        if (!File.Exists(Chromium))
            return $"Chromium is not installed at {Chromium}: `apt-get install -y chromium` (.ci/run does this), or set CHROMIUM to a Chromium binary";
        if (!File.Exists(Path.Combine(Folder, "node_modules", "playwright-core", "package.json")))
            return $"the browser driver is not installed: run `npm ci` in {Folder} (the test build does this when npm is on PATH)";
        return null;
    }

    /// <summary>A TCP port free right now, avoiding the ones Chromium refuses to connect to.</summary>
    public static int FreePort()
    {
        int[] refused = [5060, 5061, 6000, 6665, 6666, 6667, 6668, 6669];
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!refused.Contains(port)) return port;
        }
    }

    public static async Task<JsonNode> RunAsync(string baseUrl, string screenshots, string hubId)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add("explorer-check.mjs");
        start.ArgumentList.Add(baseUrl);
        start.ArgumentList.Add(screenshots);
        start.ArgumentList.Add(hubId);
        start.Environment["CHROMIUM"] = Chromium;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser check ran for more than 4 minutes: {await error}");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"the browser check failed (exit {process.ExitCode}): {await error}");
        return JsonNode.Parse(await output)!;
    }
}
