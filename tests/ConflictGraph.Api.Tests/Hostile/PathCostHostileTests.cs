using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>Issue 10, item 9: <c>paths</c> is priced by its depth, so many deep searches are refused before any runs.</summary>
public sealed class PathCostHostileTests(ConflictGraphApp app, ITestOutputHelper output) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task FortyAliasedDeepPathSearchesAreRefusedBeforeAnyRuns()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "40 aliased paths(maxDepth: 6)",
            HostileDocuments.Aliased(40, "paths(fromId: \"person:john-kirby\", toId: \"org:kataib-hezbollah\", maxDepth: 6) { length }"));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains("too complex", outcome.FirstMessage);
    }

    [Fact]
    public async Task OneDeepPathSearchStillRuns()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "one paths(maxDepth: 6)",
            "{ paths(fromId: \"person:john-kirby\", toId: \"org:kataib-hezbollah\", maxDepth: 6) { length } }");

        Assert.Empty(outcome.Errors);
        Assert.NotEmpty(outcome.Json!["data"]!["paths"]!.AsArray());
    }
}
