using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Live;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>
/// The built service started as its own process on a loopback port over a given SQLite file, with
/// one named write key, so several instances (and the CLI) can share one store as in production.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder errors = new();
    private readonly HttpClient http;

    private ApiProcess(Process process, int port, string writeKey)
    {
        this.process = process;
        Port = port;
        WriteKey = writeKey;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public string WriteKey { get; }

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string ApiDll => Path.Combine(ConflictGraphApp.RepoRoot, "src", "ConflictGraph.Api", "bin", Configuration, "net10.0", "ConflictGraph.Api.dll");

    /// <summary>The CLI built beside the tests (the test project references it).</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "conflictgraph.dll");

    /// <summary>Starts the service on <paramref name="storePath"/> with the write key <paramref name="writerName"/> and waits until it is ready.</summary>
    public static async Task<ApiProcess> StartAsync(string storePath, string writerName, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var key = $"key-of-{writerName}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(ApiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ConflictGraph__Store"] = "Sqlite";
        info.Environment["ConflictGraph__Sqlite__Path"] = storePath;
        info.Environment["ConflictGraph__Seed__OnStartup"] = "false";
        info.Environment[$"ConflictGraph__Auth__NamedWriteKeys__{writerName}"] = key;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var api = new ApiProcess(Process.Start(info)!, port, key);
        api.process.ErrorDataReceived += (_, e) => { lock (api.errors) api.errors.AppendLine(e.Data); };
        api.process.OutputDataReceived += (_, _) => { };
        api.process.BeginErrorReadLine();
        api.process.BeginOutputReadLine();
        await api.ReadyAsync();
        return api;
    }

    private async Task ReadyAsync()
    {
        // A guard against a child that never starts, not a timing under test.
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the service exited with {process.ExitCode}:\n{Errors}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"the service never became ready:\n{Errors}");
    }

    public string Errors
    {
        get
        {
            lock (errors) return errors.ToString();
        }
    }

    /// <summary>A GraphQL request over HTTP, with this instance's write key.</summary>
    public async Task<JsonNode> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WriteKey);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK && body["errors"] is null, $"{query}\n{body}");
        return body["data"]!;
    }

    /// <summary>A graphql-transport-ws connection over a real socket, initialised.</summary>
    public async Task<ProtocolClient> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/graphql"), CancellationToken.None);
        var client = new ProtocolClient(socket);
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        return client;
    }

    /// <summary>Runs the CLI against <paramref name="storePath"/> and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunCliAsync(string storePath, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ConflictGraph__Store"] = "Sqlite";
        info.Environment["ConflictGraph__Sqlite__Path"] = storePath;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var cli = Process.Start(info)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await cli.WaitForExitAsync(patience.Token);
        return (cli.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
