using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>With the read cache off and no cost report, a request's reads reach the store with nothing in between.</summary>
public sealed class UncachedPathTests
{
    private const string Event = """{ node(id: "event:2021-06-27-us-airstrikes") { id ... on Event { title perpetrators { id } } } }""";

    [Fact]
    public async Task WithStoreReadsOffTheStoreIsNotWrappedInTheCacheAndAnswersAlike()
    {
        await using var cached = new ConflictGraphApp();
        await using var uncached = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });

        Assert.IsType<CachingGraphStore>(cached.Services.GetRequiredService<IGraphStore>());
        Assert.IsNotType<CachingGraphStore>(uncached.Services.GetRequiredService<IGraphStore>());
        Assert.IsNotType<MeteredGraphStore>(uncached.Services.GetRequiredService<IGraphStore>());
        var expected = await cached.PostGraphQLAsync(Event);
        var answered = await uncached.PostGraphQLAsync(Event);
        Assert.Empty(answered.Errors);
        Assert.Equal(expected.Body.ToJsonString(), answered.Body.ToJsonString());
    }

    [Fact]
    public async Task StoreCallsAreMeteredOnlyWhileCostsAreReported()
    {
        await using var plain = new ConflictGraphApp();
        await using var reporting = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Diagnostics:Cost"] = "true",
            // The data version read only once, at start, so the count below holds however slow the machine.
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
        });
        await using var uncached = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Diagnostics:Cost"] = "true",
            ["ConflictGraph:Caching:StoreReads"] = "false",
        });

        Assert.IsNotType<MeteredGraphStore>(Assert.IsType<CachingGraphStore>(plain.Services.GetRequiredService<IGraphStore>()).Store);
        // Metered under the cache, so what the cache answers is no store call.
        Assert.IsType<MeteredGraphStore>(Assert.IsType<CachingGraphStore>(reporting.Services.GetRequiredService<IGraphStore>()).Store);
        Assert.IsType<MeteredGraphStore>(uncached.Services.GetRequiredService<IGraphStore>());
        var costed = await reporting.PostGraphQLAsync(Event);
        Assert.Empty(costed.Errors);
        Assert.Equal(2, (int)costed.Body["extensions"]!["cost"]!["storeCalls"]!);
        Assert.Null((await plain.PostGraphQLAsync(Event)).Body["extensions"]);
    }
}
