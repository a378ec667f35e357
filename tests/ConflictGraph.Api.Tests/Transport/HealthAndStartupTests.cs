using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>Issue 10: readiness follows the store live and keeps paths to itself; bad settings end the service with one line.</summary>
public sealed class HealthAndStartupTests
{
    [Fact]
    public async Task ReadinessTurnsBackWhenTheStoreGoesAwayAndTellsOnlyOperatorsWhy()
    {
        var stall = new Stall();
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>(), services => StallingStore.Install(services, stall));
        var client = await app.ReadyClientAsync();

        stall.Gone = true;
        using var anyone = await client.GetAsync("/health/ready");
        var body = await anyone.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", ConflictGraphApp.WriteKey) } };
        using var operatorView = await client.SendAsync(request);
        var detail = JsonNode.Parse(await operatorView.Content.ReadAsStringAsync())!["detail"]?.GetValue<string>();
        stall.Gone = false;
        using var back = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, anyone.StatusCode);
        Assert.Equal("the store does not answer", JsonNode.Parse(body)!["reason"]!.GetValue<string>());
        Assert.DoesNotContain("/secret/path", body);
        Assert.Contains("/secret/path", detail);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task TheServiceIsReadyOnlyOnceItsSchemaIsBuiltSoNoRequestWaitsForIt()
    {
        using var app = new ConflictGraphApp();
        await app.ReadyClientAsync();

        Assert.True(app.Services.GetRequiredService<GraphQL.Types.ISchema>().Initialized);
    }

    [Theory]
    [InlineData("ConflictGraph__Store", "Oracle", "conflictgraph-api: ConflictGraph:Store is 'Oracle'; use one of Sqlite, Neo4j")]
    [InlineData("ConflictGraph__Limits__MaxFields", "0", "conflictgraph-api: ConflictGraph:Limits:MaxFields is 0; it must be at least 1")]
    [InlineData("ConflictGraph__Limits__MaxPathDepth", "12", "conflictgraph-api: ConflictGraph:Limits:MaxPathDepth is 12; it must lie in 1..8")]
    [InlineData("ConflictGraph__Sqlite__BusyTimeoutSeconds", "0", "conflictgraph-api: ConflictGraph:Sqlite:BusyTimeoutSeconds is 0; it must lie in 1..600")]
    [InlineData("ConflictGraph__Sqlite__BusyTimeoutSeconds", "soon",
        "conflictgraph-api: Failed to convert configuration value 'soon' at 'ConflictGraph:Sqlite:BusyTimeoutSeconds' to type 'System.Int32'.")]
    [InlineData("ConflictGraph__Sqlite__ReadMapMiB", "4096", "conflictgraph-api: ConflictGraph:Sqlite:ReadMapMiB is 4096; it must lie in 0..2047 (MiB of the file each read connection maps)")]
    [InlineData("ConflictGraph__Sqlite__ReadMapMiB", "-1", "conflictgraph-api: ConflictGraph:Sqlite:ReadMapMiB is -1; it must lie in 0..2047 (MiB of the file each read connection maps)")]
    [InlineData("ConflictGraph__Auth__NamedWriteKeys__cli", "a-key", "conflictgraph-api: ConflictGraph:Auth:NamedWriteKeys:cli: 'cli' is a name the change log gives other writers; choose another")]
    public async Task RefusedSettingsEndTheServiceWithOneLineAndExitCodeTwo(string setting, string value, string line)
    {
        var dll = Path.Combine(ConflictGraphApp.RepoRoot, "src", "ConflictGraph.Api", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ConflictGraph.Api.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ConflictGraph__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"cg-settings-{Guid.NewGuid():N}.db");
        info.Environment["ConflictGraph__Seed__OnStartup"] = "false";
        info.Environment[setting] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(patience.Token);

        Assert.Equal(2, process.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(line, lines);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
