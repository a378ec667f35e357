using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private async Task<IGraphStore> CreateAggregateWorldAsync()
    {
        var store = await CreateClaimsWorldAsync();
        await store.ImportAsync(AggregateWorld.Batch, null, None);
        return store;
    }

    private static EventAggregateQuery By(params EventDimension[] dimensions) => new(EventSelection.All, dimensions);

    private static string Line(EventAggregate aggregate, string value) =>
        AggregateOracle.Describe(aggregate.Groups.Single(g => g.Keys[0].Value == value));

    [SkippableFact]
    public async Task AnEventInTwoCountriesCountsInBothAndOnceInTheTotal()
    {
        var store = await CreateAggregateWorldAsync();
        var byCountry = await store.AggregateEventsAsync(By(EventDimension.Place), None);
        Assert.Equal(8, byCountry.Total.Events);
        Assert.Equal("PLACE=place:syria (Syria, node): 3 events, 1 imprecise, 1 disputed, killed 4/4/", Line(byCountry, "place:syria"));
        Assert.Equal("PLACE=place:iraq (Iraq, node): 2 events, 2 imprecise, 1 disputed, killed //", Line(byCountry, "place:iraq"));
        // The strike on the depot is placed nowhere; in its own group nothing above it reports its dead.
        Assert.Equal("PLACE= (in no place of kind COUNTRY): 4 events, 2 imprecise, 0 disputed, killed 2/2/2", Line(byCountry, ""));
        Assert.Equal(["", "place:syria", "place:iraq"], byCountry.Groups.Select(g => g.Keys[0].Value));
    }

    [SkippableFact]
    public async Task ADeathIsCountedOnceAcrossAWholeAndItsPartInAGroupAndInTheTotal()
    {
        var store = await CreateAggregateWorldAsync();
        var byMonth = await store.AggregateEventsAsync(By(EventDimension.Time), None);
        // June holds the strikes (4 at least, one report open-ended) and the depot strike, part of them (2): 4, not 6.
        Assert.Equal("TIME=2021-06-01 (2021-06): 5 events, 1 imprecise, 1 disputed, killed 4/4/", Line(byMonth, "2021-06-01"));
        Assert.Equal(new CasualtyEstimate(4, 4, null), byMonth.Total.Killed);
        var byDay = await store.AggregateEventsAsync(By(EventDimension.Time) with { Bucket = TimeBucket.Day }, None);
        Assert.Equal("TIME=2021-06-27 (2021-06-27): 2 events, 0 imprecise, 1 disputed, killed 4/4/", Line(byDay, "2021-06-27"));
    }

    [SkippableFact]
    public async Task EventsDatedMoreLooselyThanTheBucketAreCountedAtTheirStartAndMarkedImprecise()
    {
        var store = await CreateAggregateWorldAsync();
        var byMonth = await store.AggregateEventsAsync(By(EventDimension.Time), None);
        Assert.Equal("TIME=2021-04-01 (2021-04): 1 events, 1 imprecise, 1 disputed, killed //", Line(byMonth, "2021-04-01"));
        Assert.Equal("TIME=2020-01-01 (2020-01): 1 events, 1 imprecise, 0 disputed, killed //", Line(byMonth, "2020-01-01"));
        Assert.Equal("TIME= (undated): 1 events, 1 imprecise, 0 disputed, killed //", Line(byMonth, ""));
        Assert.Equal(byMonth.Total.Events, byMonth.Groups.Sum(g => g.Events));
        var byYear = await store.AggregateEventsAsync(By(EventDimension.Time) with { Bucket = TimeBucket.Year }, None);
        Assert.Equal("TIME=2021-01-01 (2021): 6 events, 0 imprecise, 2 disputed, killed 4/4/", Line(byYear, "2021-01-01"));
        var byWeek = await store.AggregateEventsAsync(By(EventDimension.Time) with { Bucket = TimeBucket.Week }, None);
        // Sunday 27 June 2021 closes ISO week 25, which began on Monday the 21st.
        Assert.Equal("TIME=2021-06-21 (2021-W25): 2 events, 0 imprecise, 1 disputed, killed 4/4/", Line(byWeek, "2021-06-21"));
    }

    [SkippableFact]
    public async Task GroupsComeLargestFirstThenByKeyAndFirstBoundsThem()
    {
        var store = await CreateAggregateWorldAsync();
        var byPerpetrator = await store.AggregateEventsAsync(By(EventDimension.Perpetrator) with { First = 3 }, None);
        Assert.Equal(["", "org:kh", "org:pentagon"], byPerpetrator.Groups.Select(g => g.Keys[0].Value));
        Assert.Equal([5, 2, 1], byPerpetrator.Groups.Select(g => g.Events));
        Assert.Equal("no perpetrator named", byPerpetrator.Groups[0].Keys[0].Label);
        Assert.Equal(8, byPerpetrator.Total.Events);
        Assert.Empty((await store.AggregateEventsAsync(By(EventDimension.Kind) with { First = 0 }, None)).Groups);
    }

    [SkippableFact]
    public async Task KindsCodeToAcledEventTypesWithAGroupForKindsAcledHasNoTypeFor()
    {
        var store = await CreateAggregateWorldAsync();
        var byType = await store.AggregateEventsAsync(By(EventDimension.AcledEventType), None);
        Assert.Equal("ACLED_EVENT_TYPE=Explosions/Remote violence (Explosions and remote violence): 5 events, 1 imprecise, 2 disputed, killed 4/4/",
            Line(byType, "Explosions/Remote violence"));
        Assert.Equal("ACLED_EVENT_TYPE= (no ACLED event type fits the kind): 1 events, 1 imprecise, 0 disputed, killed //", Line(byType, ""));
        Assert.Equal(["Battles", "Protests"], byType.Groups.Where(g => g.Events == 1 && g.Keys[0].Value != "").Select(g => g.Keys[0].Value).Order());
    }

    [SkippableFact]
    public async Task EveryFilterFieldNarrowsTheAggregateAsItNarrowsTheEventList()
    {
        var store = await CreateAggregateWorldAsync();
        EventSelection[] selections =
        [
            new(new EventCriteria { PlaceId = "place:syria" }), new(new EventCriteria { PerpetratorId = "org:kh" }),
            new(new EventCriteria { TargetId = "org:kh" }), new(new EventCriteria { Kinds = [EventKind.Airstrike, EventKind.ArmedClash] }),
            new(new EventCriteria { From = new DateOnly(2021, 6, 28), To = new DateOnly(2021, 7, 31) }), new(null, "strikes"),
            new(new EventCriteria { PlaceId = "place:syria", Kinds = [EventKind.RocketAttack], From = new DateOnly(2021, 6, 1) }, "rockets"),
        ];
        foreach (var selection in selections)
        {
            var listed = (await store.FindNodesAsync([(selection.ToNodeQuery(), new Core.Paging.PageRequest(100))], None))[0];
            var aggregate = await store.AggregateEventsAsync(new EventAggregateQuery(selection, [EventDimension.Kind]), None);
            Assert.True(listed.TotalCount > 0, $"{selection} matches nothing, so it proves nothing");
            Assert.Equal(listed.TotalCount, aggregate.Total.Events);
            Assert.Equal(listed.Items.GroupBy(i => ((Event)i.Item).EventKind).Select(g => (EnumNames.Of(g.Key), g.Count())).Order(),
                aggregate.Groups.Select(g => (g.Keys[0].Value, g.Events)).Order());
        }
    }

    [SkippableFact]
    public async Task AggregatesFollowEveryWriteThatChangesThem()
    {
        var store = await CreateAggregateWorldAsync();
        EventAggregateQuery[] queries =
        [
            By(EventDimension.Place, EventDimension.Time), By(EventDimension.Perpetrator, EventDimension.Target),
            new(new EventSelection(new EventCriteria { PlaceId = "place:iraq" }), [EventDimension.Kind]),
        ];
        async Task MatchesTheExportAsync(string after)
        {
            var oracle = await AggregateOracle.FromExportAsync(store);
            foreach (var query in queries) AssertSame(oracle.Aggregate(query), await store.AggregateEventsAsync(query, None), $"{after}: {query.GroupBy.Count} dims");
        }

        await MatchesTheExportAsync("the world");
        // A report revised (no longer open-ended), a new part with dead of its own, a dispute withdrawn by deleting its statement.
        await store.ImportAsync(new GraphBatch(
            [TestWorld.Nodes.OfType<Statement>().Single(s => s.Id == "statement:monitor") with { CasualtyReports = [new CasualtyReport("event:strikes", 7, 9, null, null, null)] },
             new Event("event:second-strike", "A second strike", EventKind.Airstrike, null, TestWorld.June27)],
            [TestWorld.Relation(RelationType.PartOf, "event:second-strike", "event:strikes"), TestWorld.Relation(RelationType.OccurredIn, "event:second-strike", "place:iraq")]), null, None);
        await MatchesTheExportAsync("a revised report and a new part");
        await store.DeleteNodeAsync("statement:militia", null, None);
        await MatchesTheExportAsync("the militia's statement deleted");
        await store.DeleteNodeAsync("event:strikes", null, None);
        await MatchesTheExportAsync("the strikes deleted");
        await store.DeleteNodeAsync("place:deir", null, None);
        await MatchesTheExportAsync("a province deleted");
    }

    [SkippableFact]
    public async Task AggregatesOfAGeneratedGraphMatchCountsWorkedOutFromItsExport()
    {
        var store = await CreateEmptyStoreAsync();
        await GeneratedGraph.ImportAsync(store);
        await store.ImportAsync(GeneratedGraph.TwicePlaced(await AggregateOracle.FromExportAsync(store)), null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        foreach (var query in GeneratedGraph.Queries(oracle))
            AssertSame(oracle.Aggregate(query), await store.AggregateEventsAsync(query, None), GeneratedGraph.Describe(query));
    }

    private static void AssertSame(EventAggregate expected, EventAggregate actual, string query)
    {
        Assert.True(expected.Groups.Count > 0, $"{query}: no group, so the comparison proves nothing");
        var want = expected.Groups.Select(AggregateOracle.Describe).Prepend(AggregateOracle.Describe(expected.Total)).ToList();
        var got = actual.Groups.Select(AggregateOracle.Describe).Prepend(AggregateOracle.Describe(actual.Total)).ToList();
        var first = want.Zip(got).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        Assert.True(want.SequenceEqual(got),
            $"{query}: {want.Count} lines expected, {got.Count} got; first difference at {first.i}:\n  want {first.p.First}\n  got  {first.p.Second}");
    }
}
