using System.Net;
using System.Text;
using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>Issue 10, minor items: malformed bodies are 400s that say what is wrong, never a 500 with an empty body.</summary>
public sealed class BodyHostileTests(ConflictGraphApp app, ITestOutputHelper output) : IClassFixture<ConflictGraphApp>
{
    [Theory]
    [InlineData("""{"query":"query($a: Int) { stats { nodes } }","variables":{"a":1,"a":2}}""", "'variables' gives the key 'a' more than once")]
    [InlineData("""{"query":"{ stats { nodes } }","extensions":{"x":{"y":1,"y":2}}}""", "'extensions' gives the key 'y' more than once")]
    [InlineData("""{"query":"query($a: Int) { stats { nodes } }","variables":{"a":{"b":1,"c":{"d":1,"d":2}}}}""", "'variables' gives the key 'd' more than once")]
    [InlineData("""{"query":"{ stats { nodes } } \ud800"}""", "not valid Unicode")]
    public async Task MalformedBodiesAre400WithAMessage(string body, string message)
    {
        var outcome = await HostileRequest.PostRawAsync(app, output, $"body {body[..Math.Min(40, body.Length)]}", body);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains(message, outcome.FirstMessage);
    }

    [Fact]
    public async Task InvalidUtf8InTheQueryIs400()
    {
        await app.ReadyClientAsync();
        using var client = app.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ stats { nodes } } #\"}").ToList();
        bytes.InsertRange(bytes.Count - 2, new byte[] { 0xC3, 0x28, 0xFF });
        var outcome = await HostileRequest.MeasureAsync(output, "invalid UTF-8 in the query", bytes.Count, async () =>
        {
            using var response = await client.PostAsync("/graphql", new ByteArrayContent([.. bytes]) { Headers = { { "Content-Type", "application/json" } } });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.NotEmpty(outcome.FirstMessage);
    }

    [SkippableFact]
    public async Task TheIdesLicenceIsServedBesideIt()
    {
        var ide = Path.Combine(ConflictGraphApp.RepoRoot, "src", "ConflictGraph.Api", "Ide", "node_modules", "@chillicream", "bananacakepop-graphql-ide", "LICENSE");
        Skip.IfNot(File.Exists(ide), "the IDE was not fetched by this build (npm unavailable)");
        using var client = await app.ReadyClientAsync();
        using var response = await client.GetAsync("/graphql/LICENSE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ChilliCream", await response.Content.ReadAsStringAsync());
    }
}
