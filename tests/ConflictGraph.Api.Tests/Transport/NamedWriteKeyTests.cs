using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>Named write keys: each writes under its own name, and a name that would make history ambiguous is refused at start (exit code 2, HealthAndStartupTests).</summary>
public sealed class NamedWriteKeyTests
{
    [Theory]
    [InlineData("cli", "a-key", "a name the change log gives other writers")]
    [InlineData("write-key-2", "a-key", "a name the change log gives other writers")]
    [InlineData("news room", "a-key", "not a writer name")]
    [InlineData("newsroom", ConflictGraphApp.WriteKey, "write-key-1 and newsroom have the same key")]
    [InlineData("newsroom", " spaced ", "empty or has spaces around it")]
    public void AnAmbiguousWriterNameOrKeyIsRefusedSayingWhyWithoutTheKey(string name, string key, string reason)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConflictGraph:Auth:WriteKeys:0"] = ConflictGraphApp.WriteKey,
            [$"ConflictGraph:Auth:NamedWriteKeys:{name}"] = key,
        }).Build();
        using var services = new ServiceCollection().AddAccessKeys(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccessOptions>>().Value);
        Assert.Contains(error.Failures, failure => failure.Contains(reason));
        Assert.DoesNotContain(error.Failures, failure => failure.Contains(key.Trim()));
    }

    [Fact]
    public async Task EachNamedKeyWritesUnderItsOwnNameBesideTheUnnamedOnes()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Auth:NamedWriteKeys:desk-a"] = "key-a",
            ["ConflictGraph:Auth:NamedWriteKeys:desk-b"] = "key-b",
        });
        foreach (var (key, id) in new[] { ("key-a", "person:a"), ("key-b", "person:b"), (ConflictGraphApp.WriteKey, "person:c") })
            Assert.Empty((await app.PostGraphQLAsync($$"""mutation { importGraph(input: { persons: [{ id: "{{id}}", name: "X" }] }) { created } }""", key: key)).Errors);
        var writers = await app.PostGraphQLAsync("""
            { a: history(targetId: "person:a") { nodes { writer } } b: history(targetId: "person:b") { nodes { writer } } c: history(targetId: "person:c") { nodes { writer } } }
            """);
        Assert.Equal(("desk-a", "desk-b", "write-key-1"),
            (writers.Data!["a"]!["nodes"]![0]!["writer"]!.GetValue<string>(), writers.Data!["b"]!["nodes"]![0]!["writer"]!.GetValue<string>(),
             writers.Data!["c"]!["nodes"]![0]!["writer"]!.GetValue<string>()));
    }
}
