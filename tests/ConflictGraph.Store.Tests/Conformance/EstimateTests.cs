using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task EventFamiliesFollowPartOfBothWays()
    {
        var store = await CreateClaimsWorldAsync();
        var families = await store.GetEventFamiliesAsync(["event:depot-strike", "event:strikes", "event:drones", "event:nowhere"], None);
        Assert.Equal(["event:strikes"], families["event:depot-strike"].Ancestors);
        Assert.Empty(families["event:depot-strike"].Descendants);
        Assert.Equal(["event:depot-strike"], families["event:strikes"].Descendants);
        Assert.Equal(EventFamily.None, families["event:drones"]);
        Assert.Equal(EventFamily.None, families["event:nowhere"]);
    }

    [SkippableFact]
    public async Task AWholeAndItsPartReportingDeadShareThemAndATotalCountsThemOnce()
    {
        var store = await CreateClaimsWorldAsync();
        string[] events = ["event:strikes", "event:depot-strike"];
        var reports = await store.GetCasualtyReportsAsync(events, None);
        var families = await store.GetEventFamiliesAsync(events, None);
        CasualtyEstimate EstimateOf(string id) => CasualtyEstimate.Of(reports.Where(r => r.Report.EventId == id).Select(r => r.Report));
        bool HasFigures(string id) => EstimateOf(id).HasFigures;

        Assert.Equal(new CasualtyEstimate(4, 4, null), EstimateOf("event:strikes"));
        Assert.Equal(new CasualtyEstimate(2, 2, 2), EstimateOf("event:depot-strike"));
        Assert.All(events, id => Assert.True(SharedDeaths.IsShared(HasFigures(id), families[id], HasFigures)));
        var total = SharedDeaths.Total(events.Select(id => new SharedDeaths.Member(id, EstimateOf(id), families[id].Ancestors)).ToList());
        Assert.Equal(new CasualtyEstimate(4, 4, null), total);
    }

    [SkippableFact]
    public async Task PrecisionAndProvenanceFieldsComeBackExactly()
    {
        var store = await CreateClaimsWorldAsync();
        Node[] nodes =
        [
            new Place("place:border", "The border strip", [], null, PlaceKind.BorderArea, new GeoPoint(34.4, 40.9), LocationPrecision.Region, "gazetteer (approximate centroid)"),
            new Source("source:relay", "A news report relaying the post", "org:press", null, new DateOnly(2021, 6, 28), SourceKind.NewsReport, "source:post"),
            new Event("event:series", "Attacks since April", EventKind.DroneAttack, null,
                new FuzzyDate(new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 27), DatePrecision.Month, null, "since April", DateExtent.Period)),
            new Event("event:days", "A strike within days", EventKind.Airstrike, null, new FuzzyDate(new DateOnly(2021, 6, 25), new DateOnly(2021, 6, 27), DatePrecision.Days)),
            new Statement("statement:week", "Said that week.", Stance.Warns, new FuzzyDate(new DateOnly(2021, 6, 21), new DateOnly(2021, 6, 27), DatePrecision.Week),
                Medium.SocialMedia, "org:pmf", null, null, ["event:days"], "source:relay",
                [new CasualtyReport("event:days", 1, 3, null, null, "guards", VictimCategory.SecurityForces)], "source:post", "place:border"),
        ];
        await store.ImportAsync(new GraphBatch(nodes, []), null, None);
        var read = await store.GetNodesAsync([.. nodes.Select(n => n.Id), "statement:pmf"], None);
        foreach (var expected in nodes.Append(ClaimsWorld.Nodes.Single(n => n.Id == "statement:pmf")))
            Assert.Equivalent(expected, read.Single(n => n.Id == expected.Id), strict: true);
    }
}
