using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// One end's half of a path search (<see cref="PathSearch"/>): the simple paths leaving <see cref="Start"/>, a level
/// per length, each read from the relations at the ends of the level before. A path meets <see cref="Other"/>, the
/// search's other end, only as its last node: it is then a whole answer and goes no further.
/// </summary>
internal sealed class PathSide(string start, string other, bool forward, int frontier = TraversalLimits.MaxPathFrontier)
{
    private readonly List<List<GraphPath>> levels = [[new GraphPath([start], [])]];

    /// <summary>Every level's read as the store gave it, kept so <see cref="ReadAt"/> can tell which relations the side has seen.</summary>
    private readonly List<IReadOnlyList<Relation>> reads = [];
    private IReadOnlyList<string>? ends;

    public string Start => start;
    public string Other => other;

    /// <summary>The longest paths read so far.</summary>
    public int Depth => levels.Count - 1;

    /// <summary>
    /// Whether a level was cut at <see cref="TraversalLimits.MaxPathFrontier"/> open paths (a lower bound in the core's tests): the levels from it on miss
    /// paths, and only those up to <see cref="Whole"/> hold every one (the search takes no others).
    /// </summary>
    public bool Cut => Whole < Depth;

    /// <summary>The longest paths of which every one has been read.</summary>
    public int Whole { get; private set; }

    public IReadOnlyList<GraphPath> Level(int depth) => levels[depth];

    /// <summary>The top level's paths that can go on (those not at the other end).</summary>
    public IEnumerable<GraphPath> Open => levels[^1].Where(p => p.NodeIds[^1] != other);

    /// <summary>The distinct nodes the open paths end at: the nodes whose relations the next level reads.</summary>
    public IReadOnlyList<string> Ends => ends ??= Open.Select(p => p.NodeIds[^1]).Distinct().ToList();

    /// <summary>
    /// Adds the next level: every open path lengthened by each relation at its end (in relation id order) to a node not
    /// on it yet; at most <see cref="TraversalLimits.MaxPathFrontier"/> of them go on, so a hub cannot exhaust memory.
    /// </summary>
    public void Extend(IReadOnlyList<Relation> around, CancellationToken cancellationToken)
    {
        var byNode = AtEnds(around);
        // A level that may be cut keeps the first paths: its open paths in turn, each end's relations in id order. One
        // that cannot be cut keeps every path, in the order read: the search sorts whatever it takes from a level.
        if (Open.Sum(p => byNode.TryGetValue(p.NodeIds[^1], out var at) ? at.Count : 0) > frontier)
            foreach (var at in byNode.Values) at.Sort(RelationKey.Order);
        var next = new List<GraphPath>();
        var open = 0;
        foreach (var path in Open)
        {
            // A level can hold many thousand paths: a request that was stopped stops here too.
            cancellationToken.ThrowIfCancellationRequested();
            var end = path.NodeIds[^1];
            if (!byNode.TryGetValue(end, out var at)) continue;
            foreach (var relation in at)
            {
                var far = relation.OtherEnd(end);
                if (path.NodeIds.Contains(far)) continue;
                if (far != other && open++ >= frontier) continue;
                next.Add(new GraphPath([.. path.NodeIds, far], [.. path.Relations, relation]));
            }
        }
        if (!Cut && open <= frontier) Whole++;
        levels.Add(next);
        reads.Add(around);
        ends = null;
    }

    /// <summary>
    /// The relations of <paramref name="around"/> at each of <see cref="Ends"/>, each once (the first read of its id, told
    /// by <see cref="PathKeys.SameRelation"/>, no id formatted), in the order read; nodes that end no open path get none.
    /// </summary>
    private Dictionary<string, List<Relation>> AtEnds(IReadOnlyList<Relation> around)
    {
        var byNode = new Dictionary<string, List<Relation>>(Ends.Count, StringComparer.Ordinal);
        foreach (var end in Ends) byNode[end] = [];
        foreach (var relation in around)
        {
            if (byNode.TryGetValue(relation.FromId, out var from)) from.Add(relation);
            if (relation.ToId != relation.FromId && byNode.TryGetValue(relation.ToId, out var to)) to.Add(relation);
        }
        var seen = new HashSet<Relation>(PathKeys.SameRelation);
        foreach (var list in byNode.Values)
        {
            if (list.Count > 1)
            {
                seen.Clear();
                list.RemoveAll(r => !seen.Add(r));
            }
        }
        return byNode;
    }

    /// <summary>
    /// The relations this side has read, each counted once for every one of <paramref name="nodes"/> it touches. A
    /// relation from an open path's end back to a node on that path was read with that node's level (every node on it
    /// but the end was an end of a level read before), so this bounds what the next level leaves out that way.
    /// </summary>
    public int ReadAt(IReadOnlySet<string> nodes) => reads.SelectMany(r => r).Distinct(PathKeys.SameRelation)
        .Sum(r => (nodes.Contains(r.FromId) ? 1 : 0) + (nodes.Contains(r.ToId) ? 1 : 0));

    /// <summary>The relations between <see cref="Start"/> and any of <paramref name="nodes"/>, when the first level has been read (every relation at the start is in it); else null.</summary>
    public int? StartRelationsTo(IReadOnlySet<string> nodes) => reads.Count == 0 ? null : reads[0].Distinct(PathKeys.SameRelation).Count(r => nodes.Contains(r.OtherEnd(start)));

    /// <summary>The whole path from the search's source to its target that <paramref name="relation"/> makes of an open path of this side and the other end.</summary>
    public GraphPath Completed(GraphPath half, Relation relation) => forward
        ? new GraphPath([.. half.NodeIds, other], [.. half.Relations, relation])
        : new GraphPath([other, .. half.NodeIds.Reverse()], [relation, .. half.Relations.Reverse()]);

    /// <summary>The node ids joined with '/' of the path <see cref="Completed"/> would make of <paramref name="half"/>, compared where they lie (<see cref="JoinedIds"/>).</summary>
    public JoinedIds CompletedKey(GraphPath half) => forward
        ? new JoinedIds(half.NodeIds, after: other)
        : new JoinedIds(half.NodeIds, before: other, reversed: true);
}
