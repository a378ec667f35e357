using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    /// <summary>Dates at the edges of ISO weeks, months, quarters and years, a leap day, and ranges that cross them.</summary>
    private static readonly (DateOnly Start, DateOnly End)[] EdgeDates =
    [
        (new(2020, 12, 31), new(2020, 12, 31)), (new(2021, 1, 1), new(2021, 1, 1)), (new(2021, 1, 3), new(2021, 1, 3)),
        (new(2021, 1, 4), new(2021, 1, 4)), (new(2021, 3, 31), new(2021, 4, 1)), (new(2021, 4, 1), new(2021, 4, 1)),
        (new(2024, 2, 29), new(2024, 2, 29)), (new(2021, 12, 27), new(2022, 1, 2)), (new(2026, 12, 28), new(2027, 1, 3)),
        (new(2009, 12, 31), new(2010, 1, 3)), (new(2021, 6, 27), new(2021, 6, 28)), (new(2021, 9, 30), new(2021, 10, 1)),
    ];

    [SkippableFact]
    public async Task EveryTimeBucketStartsAndHoldsWhereTheCoreSaysAtTheEdgesOfWeeksMonthsQuartersAndYears()
    {
        var store = await CreateEmptyStoreAsync();
        var events = EdgeDates.Select((d, i) => new Event($"event:edge-{i:D2}", $"Edge {i}", EventKind.Airstrike, null,
            new FuzzyDate(d.Start, d.End, d.Start == d.End ? DatePrecision.Day : DatePrecision.Week))).ToList();
        await store.ImportAsync(new GraphBatch(events, []), null, None);
        foreach (var bucket in Enum.GetValues<TimeBucket>())
        {
            var expected = events.GroupBy(e => TimeBuckets.Value(bucket, e.Date!.Start))
                .Select(g => $"{g.Key} {TimeBuckets.Label(bucket, InputText.ParseDate(g.Key)!.Value)}: {g.Count()} events, {g.Count(e => !TimeBuckets.Holds(bucket, e.Date))} imprecise")
                .Order(StringComparer.Ordinal);
            var aggregate = await store.AggregateEventsAsync(new EventAggregateQuery(EventSelection.All, [EventDimension.Time], bucket, First: 100), None);
            var got = aggregate.Groups.Select(g => $"{g.Keys[0].Value} {g.Keys[0].Label}: {g.Events} events, {g.ImpreciseEvents} imprecise").Order(StringComparer.Ordinal);
            Assert.Equal(expected, got);
        }
    }
}
