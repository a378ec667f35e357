using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>What a hostile request cost and got back: printed, never asserted as a timing.</summary>
public sealed record HostileOutcome(HttpStatusCode Status, string Body, TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSet)
{
    public JsonNode? Json => Body.Length > 0 && Body[0] == '{' ? JsonNode.Parse(Body) : null;

    public JsonArray Errors => Json?["errors"] as JsonArray ?? [];

    public IReadOnlyList<string?> Codes => Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();

    public string FirstMessage => Errors.FirstOrDefault()?["message"]?.GetValue<string>() ?? "";
}

/// <summary>
/// Sends one hostile request over HTTP to the in-memory service and prints what it cost: wall
/// time, bytes allocated by the process while it ran, peak working set, response size, status
/// and codes. The client gives up after <see cref="Patience"/>, so a request that would run away
/// fails the test instead of hanging it.
/// </summary>
public static class HostileRequest
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task<HostileOutcome> PostAsync(ConflictGraphApp app, ITestOutputHelper output, string label, string query, object? variables = null) =>
        PostRawAsync(app, output, label, JsonSerializer.Serialize(new { query, variables }));

    public static async Task<HostileOutcome> PostRawAsync(ConflictGraphApp app, ITestOutputHelper output, string label, string body,
        string contentType = "application/json", string accept = "application/json")
    {
        await app.ReadyClientAsync();
        using var client = app.CreateClient();
        client.Timeout = Patience;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Accept.ParseAdd(accept);
        return await MeasureAsync(output, label, body.Length, async () =>
        {
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });
    }

    public static async Task<HostileOutcome> MeasureAsync(ITestOutputHelper output, string label, long requestBytes, Func<Task<(HttpStatusCode, string)>> send)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var (status, body) = await send();
        clock.Stop();
        process.Refresh();
        var outcome = new HostileOutcome(status, body, clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, process.PeakWorkingSet64);
        output.WriteLine($"{label}: request {Size(requestBytes)}, {(int)status} {string.Join(',', outcome.Codes.Distinct())}, " +
                         $"{outcome.Elapsed.TotalMilliseconds:F0} ms, allocated {Size(outcome.AllocatedBytes)}, peak RSS {Size(outcome.PeakWorkingSet)}, " +
                         $"response {Size(body.Length)}, {outcome.Errors.Count} error(s): {Truncate(outcome.FirstMessage)}");
        return outcome;
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => $"{bytes / (double)(1 << 30):F2} GB",
        >= 1 << 20 => $"{bytes / (double)(1 << 20):F1} MB",
        >= 1 << 10 => $"{bytes / 1024.0:F1} KB",
        _ => $"{bytes} B",
    };

    private static string Truncate(string text) => text.Length <= 140 ? text : text[..140] + "…";
}
