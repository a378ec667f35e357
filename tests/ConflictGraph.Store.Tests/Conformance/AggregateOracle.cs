using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// Aggregates worked out the slow, obvious way from a store's export (every node, relation and fact
/// in memory, each event looked at in turn), to hold a store's own aggregation to. It uses only the
/// core's per-event rules (buckets, estimates, SharedDeaths over a list of members), never the store's
/// roll-up. Selections by words are left to the store's event list, which a test compares separately.
/// </summary>
public sealed class AggregateOracle
{
    private readonly Dictionary<string, Node> nodes;
    private readonly List<Relation> relations;
    private readonly Dictionary<string, CasualtyEstimate> estimates;
    private readonly HashSet<string> disputed;

    private AggregateOracle(List<Node> nodes, List<Relation> relations, List<Fact> facts)
    {
        this.nodes = nodes.ToDictionary(n => n.Id);
        this.relations = relations;
        estimates = nodes.OfType<Statement>().SelectMany(s => s.CasualtyReports).GroupBy(r => r.EventId)
            .ToDictionary(g => g.Key, g => CasualtyEstimate.Of(g));
        var contested = new[] { ClaimStatus.Disputed, ClaimStatus.Denied };
        disputed = relations.Where(r => contested.Contains(r.Status)).SelectMany(r => new[] { r.FromId, r.ToId })
            .Concat(facts.Where(f => contested.Contains(f.Status)).Select(f => f.SubjectId)).ToHashSet();
    }

    public static async Task<AggregateOracle> FromExportAsync(IGraphStore store)
    {
        List<Node> nodes = [];
        List<Relation> relations = [];
        List<Fact> facts = [];
        await foreach (var node in store.ExportNodesAsync(CancellationToken.None)) nodes.Add(node);
        await foreach (var relation in store.ExportRelationsAsync(CancellationToken.None)) relations.Add(relation);
        await foreach (var fact in store.ExportFactsAsync(CancellationToken.None)) facts.Add(fact);
        return new AggregateOracle(nodes, relations, facts);
    }

    public IEnumerable<Event> Events => nodes.Values.OfType<Event>();

    public IEnumerable<Statement> Statements => nodes.Values.OfType<Statement>();

    public Node Node(string id) => nodes[id];

    public CasualtyEstimate EstimateOf(string eventId) => estimates.GetValueOrDefault(eventId) ?? CasualtyEstimate.None;

    public bool IsDisputed(string eventId) => disputed.Contains(eventId);

    public IReadOnlyList<string> Far(string id, RelationType type, bool outgoing) => relations
        .Where(r => r.Type == type && (outgoing ? r.FromId : r.ToId) == id).Select(r => outgoing ? r.ToId : r.FromId).Order(StringComparer.Ordinal).ToList();

    /// <summary>The places <paramref name="placeId"/> lies in (itself first), transitively through LOCATED_IN.</summary>
    public IEnumerable<string> PlaceAndAbove(string placeId) => Closure(placeId, RelationType.LocatedIn, outgoing: true);

    /// <summary>The events <paramref name="eventId"/> is part of, transitively (not itself).</summary>
    public IReadOnlyCollection<string> Ancestors(string eventId) => Closure(eventId, RelationType.PartOf, outgoing: true).Skip(1).ToList();

    private IEnumerable<string> Closure(string start, RelationType type, bool outgoing)
    {
        var seen = new List<string> { start };
        for (var i = 0; i < seen.Count; i++)
            foreach (var next in Far(seen[i], type, outgoing))
                if (!seen.Contains(next)) seen.Add(next);
        return seen;
    }

    public bool Matches(Event e, EventSelection selection)
    {
        if (selection.Text is not null) throw new NotSupportedException("the oracle leaves word searches to the store's event list");
        var c = selection.Criteria ?? new EventCriteria();
        return (c.Kinds is null || c.Kinds.Contains(e.EventKind))
               && (c.From is null && c.To is null || e.Date is { } date && date.Overlaps(c.From, c.To))
               && (c.PlaceId is null || Far(e.Id, RelationType.OccurredIn, true).Any(p => PlaceAndAbove(p).Contains(c.PlaceId)))
               && (c.PerpetratorId is null || Far(e.Id, RelationType.CarriedOut, false).Contains(c.PerpetratorId))
               && (c.TargetId is null || Far(e.Id, RelationType.Targeted, true).Contains(c.TargetId));
    }

    private IReadOnlyList<GroupKey> Keys(Event e, EventDimension dimension, EventAggregateQuery query)
    {
        IReadOnlyList<GroupKey> Nodes(IEnumerable<string> ids) =>
            ids.Distinct().Select(id => GroupKeys.Node(dimension, id, nodes[id].Label, query.PlaceLevel)).DefaultIfEmpty(GroupKeys.Node(dimension, GroupKeys.None, null, query.PlaceLevel)).ToList();
        return dimension switch
        {
            EventDimension.Time => [GroupKeys.Time(query.Bucket, e.Date?.Start)],
            EventDimension.Kind => [GroupKeys.Kind(e.EventKind)],
            EventDimension.AcledEventType => [GroupKeys.AcledEventType(CodingTable.For(e.EventKind).FirstOrDefault(c => c.Scheme == CodingTable.AcledEventType)?.Code ?? GroupKeys.None)],
            EventDimension.Perpetrator => Nodes(Far(e.Id, RelationType.CarriedOut, false)),
            EventDimension.Target => Nodes(Far(e.Id, RelationType.Targeted, true)),
            EventDimension.Place => Nodes(Far(e.Id, RelationType.OccurredIn, true).SelectMany(PlaceAndAbove)
                .Where(p => nodes[p] is Place { PlaceKind: var kind } && kind == query.PlaceLevel)),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
    }

    public EventAggregate Aggregate(EventAggregateQuery query)
    {
        var selected = Events.Where(e => Matches(e, query.Events)).ToList();
        IEnumerable<IReadOnlyList<GroupKey>> Combinations(Event e) => query.GroupBy.Aggregate(
            (IEnumerable<IReadOnlyList<GroupKey>>)[[]], (sofar, d) => sofar.SelectMany(keys => Keys(e, d, query).Select(k => (IReadOnlyList<GroupKey>)[.. keys, k])));
        var groups = selected.SelectMany(e => Combinations(e).Select(keys => (Keys: keys, Event: e)))
            .GroupBy(p => string.Join("\u0001", p.Keys.Select(k => k.Value)))
            .Select(g => Group(g.First().Keys, g.Select(p => p.Event).ToList(), query.Bucket))
            .Order(EventAggregate.Order).Take(query.First).ToList();
        return new EventAggregate(groups, Group([], selected, query.Bucket));
    }

    private EventGroup Group(IReadOnlyList<GroupKey> keys, IReadOnlyList<Event> events, TimeBucket bucket) => new(
        keys, events.Count, events.Count(e => !TimeBuckets.Holds(bucket, e.Date)), events.Count(e => IsDisputed(e.Id)),
        SharedDeaths.Total(events.Select(e => new SharedDeaths.Member(e.Id, EstimateOf(e.Id), Ancestors(e.Id))).ToList()));

    /// <summary>A group as one comparable line: its keys (value and label) and its measures.</summary>
    public static string Describe(EventGroup group) =>
        $"{string.Join(" | ", group.Keys.Select(k => $"{EnumNames.Of(k.Dimension)}={k.Value} ({k.Label}{(k.NodeId is null ? "" : ", node")})"))}: " +
        $"{group.Events} events, {group.ImpreciseEvents} imprecise, {group.DisputedEvents} disputed, killed {group.Killed.Low}/{group.Killed.Best}/{group.Killed.High}";
}
