using System.Diagnostics;
using System.Net;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Live;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// Issue 10, items 4 and 9: one deadline for every operation, over HTTP and WebSocket alike, and
/// the work under it stops when it fires.
/// </summary>
public sealed class DeadlineHostileTests(ITestOutputHelper output) : IDisposable
{
    private readonly Stall stall = new();
    private ConflictGraphApp? app;

    private ConflictGraphApp App => app ??= ConflictGraphApp.With(
        new Dictionary<string, string?> { ["ConflictGraph:Limits:ExecutionTimeout"] = "00:00:03" },
        services => StallingStore.Install(services, stall));

    [Fact]
    public async Task AnOperationOverHttpIsStoppedAtTheDeadlineAndItsStoreCallWithIt()
    {
        await ArmAsync();

        var outcome = await HostileRequest.PostAsync(App, output, "a stalled read over HTTP", "{ stats { nodes } }");

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains("ran longer than 3 s and was stopped", outcome.FirstMessage);
        await AssertStoreCallStoppedAsync();
    }

    [Fact]
    public async Task AfterAnOperationStoppedAtTheDeadlineTheNextAnswersInFull()
    {
        await ArmAsync();
        var stopped = await HostileRequest.PostAsync(App, output, "a stalled read over HTTP", "{ stats { nodes } }");
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        stall.Armed = false;

        // Sources are kept for later operations only when nothing cancelled them: these run on fresh or reset ones.
        for (var i = 0; i < 3; i++)
        {
            var answer = await App.PostGraphQLAsync("{ stats { nodes } }");
            Assert.Empty(answer.Errors);
            Assert.True(answer.Data!["stats"]!["nodes"]!.GetValue<int>() > 0);
        }
    }

    [Fact]
    public async Task TheDeadlineAnswers503WithGraphQLResponseJson()
    {
        await ArmAsync();

        var outcome = await HostileRequest.PostRawAsync(App, output, "a stalled read, graphql-response+json",
            """{"query":"{ stats { nodes } }"}""", accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, outcome.Status);
        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Theory]
    [InlineData("{ stats { nodes } }")]
    [InlineData("mutation M { deleteNode(id: \"nothing\") } query Q { stats { relations } }")]
    public async Task AnOperationOverWebSocketIsStoppedAtTheSameDeadline(string document)
    {
        await ArmAsync();
        await using var client = await ProtocolClient.ConnectAndInitAsync(App);
        var clock = Stopwatch.StartNew();

        await client.SendAsync(new { id = "slow", type = "subscribe", payload = new { query = document, operationName = document.StartsWith("mutation") ? "Q" : null } });
        var answer = (await client.ReceiveAsync())!;

        output.WriteLine($"over WebSocket: {answer["type"]} after {clock.ElapsedMilliseconds} ms: {answer.ToJsonString()[..Math.Min(200, answer.ToJsonString().Length)]}");
        Assert.Equal("next", answer["type"]!.GetValue<string>());
        Assert.Equal("QUERY_TOO_COMPLEX", answer["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("complete", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        await AssertStoreCallStoppedAsync();
    }

    /// <summary>Warms the service up (a cold first request can spend the whole second starting), then makes stats stall.</summary>
    private async Task ArmAsync()
    {
        await App.PostGraphQLAsync("{ stats { nodes } }");
        stall.Armed = true;
    }

    private async Task AssertStoreCallStoppedAsync()
    {
        Assert.True(stall.Started.Task.IsCompleted, "the stalled store call never started");
        var stopped = await Task.WhenAny(stall.Stopped.Task, Task.Delay(5000)) == stall.Stopped.Task;
        Assert.True(stopped, "the store call was still running 5 s after the answer");
    }

    public void Dispose() => app?.Dispose();
}
