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

    /// <summary>
    /// Beside the generator's graph, whose events each have one place: events placed in two places of one country
    /// (one of them also in a second country, one a part of an event with figures in that country), each with
    /// figures of its own, so that a place's events are counted, and their dead summed, once.
    /// </summary>
    public static GraphBatch TwicePlaced(AggregateOracle oracle)
    {
        var (country, inside) = BusiestCountry(oracle);
        var abroad = oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true)).First(p => CountryOf(oracle, p) is { } c && c != country);
        var whole = oracle.Events.Where(e => oracle.EstimateOf(e.Id).HasFigures && oracle.Far(e.Id, RelationType.OccurredIn, true).Any(p => CountryOf(oracle, p) == country))
            .OrderBy(e => e.Id, StringComparer.Ordinal).First();
        var date = new FuzzyDate(Middle(oracle), Middle(oracle).AddDays(2), DatePrecision.Days);
        var ids = Enumerable.Range(1, 3).Select(i => $"event:twice-placed-{i}").ToList();
        var reporter = oracle.Statements.OrderBy(s => s.Id, StringComparer.Ordinal).First(s => s.CasualtyReports.Count > 0);
        List<Node> nodes = [.. ids.Select(id => new Event(id, $"An event in two places ({id})", EventKind.Airstrike, null, date)),
            reporter with { Id = "statement:twice-placed", CasualtyReports = ids.Select((id, i) => new CasualtyReport(id, 2 + i, 4 + i, null, null, null)).ToList() }];
        List<Relation> relations = [.. ids.SelectMany(id => inside.Take(2).Select(place => TestWorld.Relation(RelationType.OccurredIn, id, place))),
            TestWorld.Relation(RelationType.OccurredIn, ids[1], abroad), TestWorld.Relation(RelationType.PartOf, ids[2], whole.Id)];
        return new GraphBatch(nodes, relations);
    }

    /// <summary>The country with the most places its events happened in, and those places.</summary>
    private static (string Country, IReadOnlyList<string> Inside) BusiestCountry(AggregateOracle oracle)
    {
        var places = oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true)).Distinct().Order(StringComparer.Ordinal)
            .Select(p => (Place: p, Country: CountryOf(oracle, p))).Where(p => p.Country is not null && p.Place != p.Country).ToList();
        var busiest = places.GroupBy(p => p.Country!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        return (busiest.Key, busiest.Select(p => p.Place).ToList());
    }

    private static string? CountryOf(AggregateOracle oracle, string place) =>
        oracle.PlaceAndAbove(place).FirstOrDefault(id => oracle.Node(id) is Place { PlaceKind: PlaceKind.Country });

    private static DateOnly Middle(AggregateOracle oracle)
    {
        var starts = oracle.Events.Where(e => e.Date is not null).Select(e => e.Date!.Start).Order().ToList();
        return starts[starts.Count / 2];
    }

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

        // A place alone, beside kinds and dates: the SQLite store reads its roll-up rows by place and date (and twice-placed events once).
        var (busiest, inside) = BusiestCountry(oracle);
        yield return new(Where(new EventCriteria { PlaceId = busiest, From = middle, To = middle.AddDays(364) }), [EventDimension.Time]);
        yield return new(Where(new EventCriteria { PlaceId = busiest, From = middle.AddDays(-3), To = middle.AddDays(3) }), [EventDimension.Time], TimeBucket.Day);
        yield return new(Where(new EventCriteria { PlaceId = busiest, Kinds = [EventKind.Airstrike, EventKind.ArmedClash], From = middle.AddDays(-400) }),
            [EventDimension.Kind, EventDimension.Time], TimeBucket.Quarter);
        yield return new(Where(new EventCriteria { PlaceId = busiest, To = middle }), [EventDimension.Place, EventDimension.Perpetrator], PlaceLevel: PlaceKind.City);
        yield return new(Where(new EventCriteria { PlaceId = busiest }), [EventDimension.Place, EventDimension.AcledEventType], PlaceLevel: PlaceKind.Country);
        yield return new(Where(new EventCriteria { PlaceId = inside[0], From = middle.AddDays(-200), To = middle.AddDays(200) }), [EventDimension.Target, EventDimension.Time],
            TimeBucket.Month, First: 5);
        yield return new(Where(new EventCriteria { PlaceId = busiest, From = middle.AddDays(-30), To = middle.AddDays(30) }), []);
    }

    public static string Describe(EventAggregateQuery query) =>
        $"groupBy [{string.Join(", ", query.GroupBy.Select(EnumNames.Of))}] by {EnumNames.Of(query.Bucket)} at {EnumNames.Of(query.PlaceLevel)}, " +
        $"first {query.First}, where {query.Events.Criteria}";
}
