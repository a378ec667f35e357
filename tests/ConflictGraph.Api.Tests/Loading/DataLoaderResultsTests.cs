using ConflictGraph.Api.Loading;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>Shaping a loaded value, once or several times, and what the executor gets back.</summary>
public sealed class DataLoaderResultsTests
{
    [Fact]
    public async Task AChainOfMapsAppliesEachInOrderToOneBatchedLoad()
    {
        var batches = new List<IReadOnlyList<int>>();
        var loader = new BatchLoader<int, int>((keys, _) =>
        {
            batches.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10));
        }, -1);

        var first = loader.Load(1).Then(v => v + 1).Then(v => v * 2).Then(v => $"={v}");
        var second = loader.Load(2).Then(v => v - 1);
        var missing = loader.Load(3).Then(v => v);

        Assert.Equal("=22", await first.GetResultAsync());
        Assert.Equal("=22", await ((IDataLoaderResult)first).GetResultAsync());
        Assert.Equal(19, await second.GetResultAsync());
        Assert.Equal(30, await missing.GetResultAsync());
        Assert.Single(batches);
        Assert.Equal([1, 2, 3], batches[0]);
    }

    [Fact]
    public async Task AFailedLoadFailsEveryMapOnIt()
    {
        var loader = new BatchLoader<int, int>((_, _) => Task.FromException<IReadOnlyDictionary<int, int>>(new InvalidOperationException("store down")), -1);

        var mapped = loader.Load(1).Then(v => v + 1).Then(v => v * 2);

        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => mapped.GetResultAsync())).Message);
        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => ((IDataLoaderResult)mapped).GetResultAsync())).Message);
    }
}
