using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// A graph from the CLI's generator (the one `conflictgraph generate` writes), small enough for a
/// test, and the aggregate queries to check on it: every dimension, bucket and place level, pairs
/// and triples of dimensions, each filter field, and a bounded first.
/// </summary>
public static class GeneratedGraph
{
    public static readonly GenerationSettings Settings = new(1_500, 11, EventsPerFile: 1_500);

    public static Task ImportAsync(IGraphStore store) =>
        store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(Settings)), null, CancellationToken.None);

    public static IEnumerable<EventAggregateQuery> Queries(AggregateOracle oracle)
    {
        var all = EventSelection.All;
        foreach (var bucket in Enum.GetValues<TimeBucket>()) yield return new(all, [EventDimension.Time], bucket);
        foreach (var level in new[] { PlaceKind.Country, PlaceKind.Region, PlaceKind.City, PlaceKind.Site })
            yield return new(all, [EventDimension.Place], PlaceLevel: level);
        foreach (var dimension in new[] { EventDimension.Kind, EventDimension.Perpetrator, EventDimension.Target, EventDimension.AcledEventType })
            yield return new(all, [dimension]);
        yield return new(all, [EventDimension.Time, EventDimension.Kind], TimeBucket.Quarter);
        yield return new(all, [EventDimension.Perpetrator, EventDimension.Time], TimeBucket.Year);
        yield return new(all, [EventDimension.Place, EventDimension.Perpetrator, EventDimension.AcledEventType]);
        yield return new(all, [EventDimension.Target, EventDimension.Place, EventDimension.Time], TimeBucket.Week, PlaceKind.Region, First: 25);

        // Filters: chosen from the graph so each matches a good share of it.
        var events = oracle.Events.ToList();
        string Busiest(RelationType type, bool outgoing) => events.SelectMany(e => oracle.Far(e.Id, type, outgoing))
            .GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var country = oracle.PlaceAndAbove(oracle.Far(events[0].Id, RelationType.OccurredIn, true)[0])
            .First(id => oracle.Node(id) is Place { PlaceKind: PlaceKind.Country });
        var middle = events.Where(e => e.Date is not null).Select(e => e.Date!.Start).Order().ElementAt(events.Count / 2);
        EventSelection Where(EventCriteria criteria) => new(criteria);
        yield return new(Where(new EventCriteria { PlaceId = country }), [EventDimension.Time, EventDimension.Place], TimeBucket.Month, PlaceKind.Region);
        yield return new(Where(new EventCriteria { PlaceId = country, From = middle, To = middle.AddDays(200) }), [EventDimension.Time]);
        yield return new(Where(new EventCriteria { PerpetratorId = Busiest(RelationType.CarriedOut, false) }), [EventDimension.Target, EventDimension.Kind]);
        yield return new(Where(new EventCriteria { TargetId = Busiest(RelationType.Targeted, true) }), [EventDimension.Perpetrator]);
        yield return new(Where(new EventCriteria { Kinds = [EventKind.Airstrike, EventKind.RocketAttack] }), [EventDimension.Kind, EventDimension.Time], TimeBucket.Year);
        yield return new(Where(new EventCriteria { From = middle, To = middle.AddDays(365) }), [EventDimension.Perpetrator], First: 10);
        yield return new(Where(new EventCriteria { Kinds = [EventKind.GroundAttack], To = middle }), [EventDimension.Place, EventDimension.Time], TimeBucket.Year);
    }

    public static string Describe(EventAggregateQuery query) =>
        $"groupBy [{string.Join(", ", query.GroupBy.Select(EnumNames.Of))}] by {EnumNames.Of(query.Bucket)} at {EnumNames.Of(query.PlaceLevel)}, " +
        $"first {query.First}, where {query.Events.Criteria}";
}
