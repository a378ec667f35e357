using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>Every graphql-transport-ws protocol error closes the socket with the code the protocol gives.</summary>
public sealed class ProtocolErrorTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Live:InitTimeout"] = "00:00:02",
        ["ConflictGraph:Live:MaxSubscriptionsPerConnection"] = "2",
    });

    [Fact]
    public async Task SubscribingBeforeInitIs4401()
    {
        await using var client = await ProtocolClient.ConnectAsync(app);
        await client.SubscribeAsync("1", "{ stats { nodes } }");
        Assert.Equal(4401, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task ASecondInitIs4429()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal(4429, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task ADuplicateSubscriberIdIs4409()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("same", "subscription { graphChanged { nodes { id } } }");
        await client.SubscribeAsync("same", "subscription { graphChanged { nodes { id } } }");
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4409, code);
        Assert.Contains("same", reason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"nonsense"}""")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    public async Task AnInvalidMessageIs4400(string text)
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SendTextAsync(text);
        Assert.Equal(4400, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task NoInitInTimeIs4408()
    {
        await using var client = await ProtocolClient.ConnectAsync(app);
        Assert.Equal(4408, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task AnotherSubprotocolIs4406()
    {
        await using var client = await ProtocolClient.ConnectAsync(app, "graphql-ws");
        Assert.Equal(4406, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task OperationsBeyondTheCapGetAnErrorAndTheConnectionStays()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("1", "subscription { graphChanged { nodes { id } } }");
        await client.SubscribeAsync("2", "subscription { graphChanged { nodes { id } } }");
        await client.SubscribeAsync("3", "subscription { graphChanged { nodes { id } } }");
        var refused = (await client.ReceiveAsync())!;
        Assert.Equal(("error", "3"), (refused["type"]!.GetValue<string>(), refused["id"]!.GetValue<string>()));
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWrongReadKeyIs4403WhenReadsNeedAKey()
    {
        using var closed = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Auth:ReadKeys:0"] = "reader" });
        await using var client = await ProtocolClient.ConnectAsync(closed);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer wrong" } });
        Assert.Equal(4403, (await client.ClosedAsync()).Code);
        await using var reader = await ProtocolClient.ConnectAndInitAsync(closed, new { authorization = "Bearer reader" });
    }

    public void Dispose() => app.Dispose();
}
