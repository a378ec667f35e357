using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// The search behind <see cref="ShortestPaths.FindAsync"/>: it grows the source's side and the target's side a level
/// at a time, always the one that reads less, and takes a length's paths where the two meet, so a hub at one end costs
/// its own relations at most, never its neighbours'. A path of length L is a path of length i from the source and one
/// of length L - i from the target through the same node, sharing no other; every length is taken whole (or, once the
/// page is full, as far as its order needs) before a longer one, so the answer is the first paths in
/// <see cref="ShortestPaths.Order"/> whichever sides were read. A length is taken from levels read whole only: when
/// both sides were cut before it could be, the search is refused (<see cref="PathSearchTooWideException"/>); when the
/// store's exact counts show that both would be, it is refused before they are read.
/// </summary>
internal sealed class PathSearch(ShortestPaths.Reads reads, string fromId, string toId, int limit, CancellationToken cancellationToken, int frontier = TraversalLimits.MaxPathFrontier)
{
    /// <summary>How many frontier nodes the first look-up of a length's paths to an end asks about, per path still wanted; each further look-up asks twice as many.</summary>
    private const int EndsPerWantedPath = 8;

    /// <summary>Up to how many relations a side's read is counted before choosing: below it a read is cheap enough to take as it is.</summary>
    private const int CheapRead = 1024;

    /// <summary>A read counted past this many relations is large: the search may count it further to see whether it would be cut (<see cref="SurelyCutAsync"/>).</summary>
    private const int LargeRead = 8 * CheapRead;

    /// <summary>The highest cap two sides' reads are counted to; past it both are taken as large and the one with fewer ends is read.</summary>
    private const int CountedRead = 65_536;

    private readonly PathSide source = new(fromId, toId, forward: true, frontier);
    private readonly PathSide target = new(toId, fromId, forward: false, frontier);
    private readonly List<GraphPath> found = [];
    private readonly Dictionary<(PathSide, int), (int Count, int Cap)> counted = [];

    /// <summary>The relations that join a side's open ends at a depth to the other end, by end, where every one of those ends was looked up (<see cref="ReachAsync"/>).</summary>
    private readonly Dictionary<(PathSide, int), Dictionary<string, List<Relation>>> reached = [];

    public async Task<IReadOnlyList<GraphPath>> RunAsync(int maxDepth)
    {
        for (var length = 1; length <= maxDepth && found.Count < limit; length++)
            if (!await TakeAsync(length)) break;
        return found.Order(ShortestPaths.Order).Take(limit).ToList();
    }

    /// <summary>Adds the paths of <paramref name="length"/>, reading what they need; false when no path that long or longer exists.</summary>
    /// <exception cref="PathSearchTooWideException">Both sides were cut before the length's paths could be taken whole.</exception>
    private async Task<bool> TakeAsync(int length)
    {
        while (Reach(source) + Reach(target) < length)
        {
            // Neither side can grow whole: any answer would be taken from cut levels and might not be the first.
            if (source.Cut && target.Cut) throw new PathSearchTooWideException(fromId, toId, length);
            // One side has been read one level short of the length and the other not at all: the relations from the
            // first's open ends to the other end (a look-up by both ends) make the length's paths, unless reading the
            // other end's relations costs less.
            if (Reach(source) + Reach(target) == length - 1 && Near() is { } near)
            {
                var far = near == source ? target : source;
                if (await ReachAsync(near, far)) return true;
                await ExtendAsync(far);
                continue;
            }
            // A side with no open path: no longer path exists.
            if (!await GrowCheaperAsync(length)) return false;
        }
        Meet(length);
        return true;
    }

    /// <summary>
    /// How long a side's paths can be taken: all that were read, unless a level of it was cut; then only those read
    /// whole, so no length misses a path, and the other side grows instead (when it was cut too, the search is refused).
    /// </summary>
    private int Reach(PathSide side) => side.Cut ? side.Whole : side.Depth;

    private async Task ExtendAsync(PathSide side) => side.Extend(await reads.RelationsOf(side.Ends, cancellationToken), cancellationToken);

    /// <summary>The side whose open ends can be looked up against the other end (the other side not read yet, or read only past a cut), when the store can.</summary>
    private PathSide? Near() => reads.RelationsTo is null ? null
        : Reach(target) == 0 && Reach(source) == source.Depth ? source
        : Reach(source) == 0 && Reach(target) == target.Depth ? target : null;

    /// <summary>
    /// Adds the paths one relation from an open path of <paramref name="near"/> to the other end completes, looked up
    /// by both ends. The open paths are taken in the order their answers sort, a batch of ends at a time (never split
    /// between two paths through the same nodes), and the look-ups stop once enough are found: every path left unread
    /// sorts after them. Past the first batch, when the store's count says the other end has no more relations than
    /// there are ends left to ask about, nothing is added and false says to read the other end instead.
    /// </summary>
    private async Task<bool> ReachAsync(PathSide near, PathSide far)
    {
        var end = far.Start;
        var ordered = near.Open.ToList();
        ordered.Sort((a, b) => JoinedIds.Compare(near.CompletedKey(a), near.CompletedKey(b)));
        var reaching = new Dictionary<string, List<Relation>>(StringComparer.Ordinal);
        var paths = new List<GraphPath>();
        var wanted = limit - found.Count;
        var batch = EndsPerWantedPath * wanted;
        var start = 0;
        for (; start < ordered.Count && paths.Count < wanted; batch *= 2)
        {
            if (start > 0 && Weigh is not null && far.Depth == 0)
            {
                var left = ordered.Skip(start).Select(p => p.NodeIds[^1]).Where(e => !reaching.ContainsKey(e)).Distinct().Count();
                if (await CountAsync(far, left + 1) <= left) return false;
            }
            var ends = new List<string>();
            var stop = start;
            while (stop < ordered.Count && (ends.Count < batch || JoinedIds.Compare(near.CompletedKey(ordered[stop]), near.CompletedKey(ordered[stop - 1])) == 0))
            {
                var at = ordered[stop++].NodeIds[^1];
                if (reaching.TryAdd(at, [])) ends.Add(at);
            }
            if (ends.Count > 0)
                foreach (var relation in await reads.RelationsTo!(ends, end, cancellationToken))
                    if (reaching.TryGetValue(relation.OtherEnd(end), out var at)) at.Add(relation);
            for (; start < stop; start++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = ordered[start];
                foreach (var relation in reaching[path.NodeIds[^1]].Distinct(PathKeys.SameRelation))
                    paths.Add(near.Completed(path, relation));
            }
        }
        // Every end was looked up: the relations from this level's ends to the other end are known (SurelyCutAsync).
        if (start == ordered.Count) reached[(near, near.Depth)] = reaching;
        found.AddRange(paths);
        return true;
    }

    /// <summary>
    /// Grows the side whose next level reads fewer relations: the one with fewer open ends (the source's when even)
    /// unless the store's count says the other's read is smaller; a read of fewer than <see cref="CheapRead"/> relations
    /// is taken without counting the other, and two larger ones are counted to a cap eight times higher each round, up
    /// to <see cref="CountedRead"/>. When the store can stop a read at a cap, the first side is weighed by reading it up
    /// to <see cref="CheapRead"/> relations instead of counting them: a small side's read is then its level, with no
    /// count before it (an ordinary end's first level, say), and a larger one costs that many relations read, as the
    /// count would have. A side whose paths were cut is not grown while the other can be. False when the side to grow
    /// has no open path.
    /// </summary>
    /// <exception cref="PathSearchTooWideException">The counts show that the side left to grow would be cut too, or both would (<see cref="SurelyCutAsync"/>).</exception>
    private async Task<bool> GrowCheaperAsync(int length)
    {
        if (Reach(source) < source.Depth) return await GrowUncutAsync(target, source, length);
        if (Reach(target) < target.Depth) return await GrowUncutAsync(source, target, length);
        var (first, second) = target.Ends.Count < source.Ends.Count ? (target, source) : (source, target);
        if (Weigh is null || first.Ends.Count == 0) return await GrowAsync(first);
        if (reads.RelationsWithin is not null && Counted(first, CheapRead) is null)
        {
            if (await reads.RelationsWithin(first.Ends, CheapRead - 1, cancellationToken) is { } level)
            {
                first.Extend(level, cancellationToken);
                return true;
            }
            counted[(first, first.Depth)] = (CheapRead, CheapRead);
        }
        return await GrowAsync(await CheaperAsync(first, second, length));
    }

    private async Task<bool> GrowAsync(PathSide side)
    {
        if (side.Ends.Count == 0) return false;
        await ExtendAsync(side);
        return true;
    }

    /// <summary>
    /// Grows the one side that can grow whole while the other's paths were cut, unless the counts show its next level
    /// would be cut too (<see cref="SurelyCutAsync"/>): the search would then be refused once it was read, so it is
    /// refused before.
    /// </summary>
    private async Task<bool> GrowUncutAsync(PathSide side, PathSide cut, int length)
    {
        if (await LargeAsync(side) && await SurelyCutAsync(side, cut)) throw new PathSearchTooWideException(fromId, toId, length);
        return await GrowAsync(side);
    }

    /// <summary>
    /// Of two sides that can both grow, the one whose next level reads fewer relations, by the store's counts
    /// (<see cref="GrowCheaperAsync"/>); when the counts show both would be cut, the search is refused before either is
    /// read (it would be once both were).
    /// </summary>
    private async Task<PathSide> CheaperAsync(PathSide first, PathSide second, int length)
    {
        var cheaper = await WeighAsync(first, second);
        var other = cheaper == first ? second : first;
        // The other side first: when it would not be cut, the cheaper side (a hub, known large) needs no further count.
        // A side of few ends not counted past LargeRead is not counted here: an ordinary search (an armed group's side
        // against its country's armed forces) would pay for the count and seldom be refused.
        if (await LargeAsync(cheaper) && (other.Ends.Count >= Math.Min(frontier + 1, CheapRead) || await LargeAsync(other))
            && await SurelyCutAsync(other, cheaper) && await SurelyCutAsync(cheaper, other))
            throw new PathSearchTooWideException(fromId, toId, length);
        return cheaper;
    }

    /// <summary>The side whose next level reads fewer relations, by the store's counts, taken up to a cap eight times higher each round.</summary>
    private async Task<PathSide> WeighAsync(PathSide first, PathSide second)
    {
        for (var cap = CheapRead; ; cap *= 8)
        {
            var cost = await CountAsync(first, cap);
            if (cost < CheapRead || second.Ends.Count > cost) return first;
            if (cost < cap) return await CountAsync(second, cost + 1) < cost ? second : first;
            if (await CountAsync(second, cap) < cap) return second;
            if (cap >= CountedRead) return first;
        }
    }

    /// <summary>
    /// Whether the store's exact count (<see cref="ShortestPaths.Reads.RelationCount"/>) shows that growing
    /// <paramref name="side"/> would cut its next level at the frontier's open paths. Every open end has a path, and
    /// every relation at it lengthens that path into an open one unless it goes back to a node on the path (a relation
    /// this side has read, <see cref="PathSide.ReadAt"/>; relations join two different nodes) or to the other end (in
    /// the other side's first level when it has one, else looked up already (every end) or now (a single end), else at
    /// most the other end's relations); so the ends' relations counted, less those, is a number the next level's open
    /// paths reach at least.
    /// </summary>
    private async Task<bool> SurelyCutAsync(PathSide side, PathSide other)
    {
        if (reads.RelationCount is null || side.Cut || side.Ends.Count == 0) return false;
        var ends = side.Ends.ToHashSet(StringComparer.Ordinal);
        var floor = frontier + 1 + side.ReadAt(ends);
        var toOther = other.StartRelationsTo(ends) ?? (reached.TryGetValue((side, side.Depth), out var known) ? known.Values.Sum(r => r.Distinct(PathKeys.SameRelation).Count()) : null);
        if (toOther is null && ends.Count == 1 && reads.RelationsTo is not null)
            toOther = (await reads.RelationsTo(ends, other.Start, cancellationToken)).Distinct(PathKeys.SameRelation).Count();
        // One count: to what the relations to the other end take when known, else with room for a level's worth of them.
        var count = await ExactCountAsync(side, floor + (toOther ?? frontier), ask: true);
        if (count < floor) return false;
        // Else at most the other end's relations, counted only as far as the room left.
        toOther ??= await reads.RelationCount([other.Start], count - floor + 1, cancellationToken);
        return count >= floor + toOther;
    }

    /// <summary>
    /// Whether the counts taken to weigh the sides showed <paramref name="side"/> large (past <see cref="LargeRead"/>
    /// relations, or past the frontier when that is lower). Only then is <see cref="SurelyCutAsync"/> asked: it counts,
    /// so ordinary searches ask nothing more, and a large side's count costs less than its read.
    /// </summary>
    private async Task<bool> LargeAsync(PathSide side) =>
        reads.RelationCount is not null && await ExactCountAsync(side, Math.Min(frontier + 1, LargeRead), ask: false) >= Math.Min(frontier + 1, LargeRead);

    /// <summary>The store's exact count of the relations at a side's open ends up to <paramref name="cap"/>; when not <paramref name="ask"/>, what the counts taken tell (0 when they tell nothing).</summary>
    private async Task<int> ExactCountAsync(PathSide side, int cap, bool ask)
    {
        if (reads.ReadCost is null) return ask ? await CountAsync(side, cap) : Counted(side, cap) ?? 0;
        return ask ? await reads.RelationCount!(side.Ends, cap, cancellationToken) : 0;
    }

    /// <summary>How the search weighs its sides: the store's estimate when it gives one, else its exact count.</summary>
    private Func<IReadOnlyCollection<string>, int, CancellationToken, Task<int>>? Weigh => reads.ReadCost ?? reads.RelationCount;

    /// <summary>The relations at a side's open ends, counted up to <paramref name="cap"/> (kept, so a side is counted once a level).</summary>
    private async Task<int> CountAsync(PathSide side, int cap)
    {
        if (Counted(side, cap) is { } known) return known;
        var count = await Weigh!(side.Ends, cap, cancellationToken);
        counted[(side, side.Depth)] = (count, cap);
        return count;
    }

    /// <summary>What <see cref="CountAsync"/> would answer from what is known of a side's level already, without asking the store; null when nothing known tells.</summary>
    private int? Counted(PathSide side, int cap) =>
        counted.TryGetValue((side, side.Depth), out var known) && (known.Count < known.Cap || known.Cap >= cap) ? Math.Min(known.Count, cap) : null;

    /// <summary>
    /// Adds the paths of length <paramref name="length"/>: each path of the source's side of length i joined with each
    /// of the target's side of length - i ending at the same node and sharing no other. They are taken a group of paths
    /// through the same source-side nodes at a time, in the order those nodes sort: node ids hold no '/' (FieldChecks),
    /// so "a/b/" sorting before "a/c/" puts every path through a/b before every one through a/c; and the groups stop
    /// once the page is full.
    /// </summary>
    private void Meet(int length)
    {
        var i = Math.Min(Reach(source), length);
        var j = length - i;
        if (j == 0 || i == 0)
        {
            var whole = j == 0 ? source : target;
            foreach (var path in whole.Level(length).Where(p => p.NodeIds[^1] == whole.Other))
                found.Add(whole == source ? path : new GraphPath([.. path.NodeIds.Reverse()], [.. path.Relations.Reverse()]));
            return;
        }
        var meeting = target.Level(j).Where(p => p.NodeIds[^1] != fromId).ToLookup(p => p.NodeIds[^1], StringComparer.Ordinal);
        var halves = source.Level(i).Where(p => p.NodeIds[^1] != toId && meeting.Contains(p.NodeIds[^1]))
            .ToList();
        // Each half's node ids joined with a trailing '/', so a group is every path through the same nodes.
        halves.Sort((a, b) => JoinedIds.Compare(new JoinedIds(a.NodeIds, after: ""), new JoinedIds(b.NodeIds, after: "")));
        var (wanted, before) = (limit - found.Count, found.Count);
        for (var at = 0; at < halves.Count && found.Count - before < wanted;)
        {
            var (first, on) = (halves[at], halves[at].NodeIds.ToHashSet(StringComparer.Ordinal));
            for (; at < halves.Count && JoinedIds.Compare(new JoinedIds(halves[at].NodeIds, after: ""), new JoinedIds(first.NodeIds, after: "")) == 0; at++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var half = halves[at];
                foreach (var rest in meeting[half.NodeIds[^1]])
                    if (!rest.NodeIds.Take(j).Any(on.Contains))
                        found.Add(new GraphPath([.. half.NodeIds, .. rest.NodeIds.Take(j).Reverse()], [.. half.Relations, .. rest.Relations.Reverse()]));
            }
        }
    }
}
