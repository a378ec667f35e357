using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class ShortestPathsTests
{
    // A hub joined to thousands of leaves, each leaf to thousands more: a level holds many paths.
    private static Task<IReadOnlyList<Relation>> Star(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Relation>>(ids.Take(50).SelectMany(id => Enumerable.Range(0, 2000)
            .Select(i => new Relation(RelationType.MemberOf, $"{id}/{i}", id, [], []))).ToList());

    [Fact]
    public async Task TheSearchStopsWhenItsTokenFiresInsideALevel()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        Task<IReadOnlyList<Relation>> CancelOnSecondLevel(IReadOnlyCollection<string> ids, CancellationToken token)
        {
            if (++calls == 2) cancel.Cancel();
            return Star(ids, token);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ShortestPaths.FindAsync(CancelOnSecondLevel, "hub", "nowhere", 6, 3, cancel.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TraversalLimits.MaxPathDepth + 1)]
    public async Task ADepthOutsideTheCeilingIsRefused(int depth)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ShortestPaths.FindAsync(Star, "a", "b", depth, 3, CancellationToken.None));
    }
}
