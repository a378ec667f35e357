using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// Shortest simple paths between two nodes over relations in either direction, so every store answers paths alike.
/// The answer is the first paths in <see cref="Order"/>: shortest first, then by their node ids joined with '/'
/// (ordinal), then by their relation ids in turn. The search (<see cref="PathSearch"/>) reads from both ends, a batched
/// read a level, the side that reads less first.
/// </summary>
public static class ShortestPaths
{
    /// <summary>What the search reads from a store.</summary>
    /// <param name="RelationsOf">Every relation touching any of the given nodes (their claims are not needed).</param>
    /// <param name="RelationsTo">
    /// Every relation between any of the given nodes and the one given last, either way; when a store has it, a length
    /// one side's paths can reach the other end in is found by these look-ups, a batch of that side's ends at a time in
    /// the answer's order, instead of reading the other end's relations (a hub at that end then costs a look-up a node).
    /// </param>
    /// <param name="ReadCost">
    /// What <c>RelationsOf</c> would cost for the given nodes, in relations read, counted up to the given cap (which it
    /// returns when it cannot tell; nodes a store has already read may cost nothing); a store that has it lets the search
    /// read the side that reads less, where without it the side with fewer nodes to read is taken.
    /// </param>
    /// <param name="RelationsWithin">
    /// What <c>RelationsOf</c> answers for the given nodes when they have at most the given number of relations, else
    /// null, having read no more than one past it; a store that has it lets the search weigh a side by reading it when
    /// the read would be small anyway, so a side of few relations costs its read alone, not a count and then the read.
    /// </param>
    /// <param name="RelationCount">
    /// How many relations touch the given nodes, each counted once for every one of them it touches, counted exactly up
    /// to the given cap (never a guess): a store that has it lets the search see from the count alone that a level
    /// would be cut, and refuse a search both of whose sides would be before reading either
    /// (<see cref="PathSearchTooWideException"/>); without a <c>ReadCost</c> the search weighs its sides by it too.
    /// </param>
    public sealed record Reads(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<Relation>>> RelationsOf,
        Func<IReadOnlyCollection<string>, string, CancellationToken, Task<IReadOnlyList<Relation>>>? RelationsTo = null,
        Func<IReadOnlyCollection<string>, int, CancellationToken, Task<int>>? ReadCost = null,
        Func<IReadOnlyCollection<string>, int, CancellationToken, Task<IReadOnlyList<Relation>?>>? RelationsWithin = null,
        Func<IReadOnlyCollection<string>, int, CancellationToken, Task<int>>? RelationCount = null);

    /// <summary>The order of the answer: shortest first, then by node ids joined with '/' (ordinal), then by relation ids in turn.</summary>
    public static IComparer<GraphPath> Order { get; } = Comparer<GraphPath>.Create((a, b) =>
    {
        var byLength = a.Length.CompareTo(b.Length);
        if (byLength != 0) return byLength;
        var byNodes = JoinedIds.Compare(new JoinedIds(a!.NodeIds), new JoinedIds(b!.NodeIds));
        return byNodes != 0 ? byNodes : CompareRelations(a, b);
    });

    /// <summary>The first <paramref name="limit"/> simple paths from <paramref name="fromId"/> to <paramref name="toId"/> of at most <paramref name="maxDepth"/> relations, in <see cref="Order"/>.</summary>
    public static Task<IReadOnlyList<GraphPath>> FindAsync(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<Relation>>> relationsOf,
        string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken,
        Func<IReadOnlyCollection<string>, string, CancellationToken, Task<IReadOnlyList<Relation>>>? relationsTo = null) =>
        FindAsync(new Reads(relationsOf, relationsTo), fromId, toId, maxDepth, limit, cancellationToken);

    /// <inheritdoc cref="FindAsync(Func{IReadOnlyCollection{string}, CancellationToken, Task{IReadOnlyList{Relation}}}, string, string, int, int, CancellationToken, Func{IReadOnlyCollection{string}, string, CancellationToken, Task{IReadOnlyList{Relation}}}?)"/>
    /// <exception cref="PathSearchTooWideException">Both ends' levels passed <see cref="TraversalLimits.MaxPathFrontier"/> open paths before a length's paths were complete.</exception>
    public static Task<IReadOnlyList<GraphPath>> FindAsync(
        Reads reads, string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) =>
        FindAsync(reads, fromId, toId, maxDepth, limit, TraversalLimits.MaxPathFrontier, cancellationToken);

    /// <summary>The search with a level kept to <paramref name="frontier"/> open paths: the core's tests try the refusals on small graphs with it.</summary>
    internal static async Task<IReadOnlyList<GraphPath>> FindAsync(
        Reads reads, string fromId, string toId, int maxDepth, int limit, int frontier, CancellationToken cancellationToken)
    {
        TraversalLimits.CheckPathDepth(maxDepth);
        if (limit <= 0) return [];
        if (fromId == toId) return [new GraphPath([fromId], [])];
        return await new PathSearch(reads, fromId, toId, limit, cancellationToken, frontier).RunAsync(maxDepth);
    }

    private static int CompareRelations(GraphPath? a, GraphPath? b)
    {
        for (var i = 0; i < Math.Min(a!.Relations.Count, b!.Relations.Count); i++)
        {
            var byId = RelationKey.Compare(a.Relations[i], b.Relations[i]);
            if (byId != 0) return byId;
        }
        return a.Relations.Count.CompareTo(b.Relations.Count);
    }
}
