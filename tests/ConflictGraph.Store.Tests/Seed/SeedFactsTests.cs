using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Tests;

namespace ConflictGraph.Store.Tests.Seed;

/// <summary>
/// What the seed's sources say about nodes (a site's function, a count), read from the seeded
/// store with the calls the API makes: who claims each fact, in what words, and who disputes it.
/// </summary>
public sealed class SeedFactsTests(SeededStore seeded) : IClassFixture<SeededStore>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] KirbySites = ["place:struck-facility-iraq", "place:struck-facility-syria-a", "place:struck-facility-syria-b"];
    private IGraphStore Store => seeded.Store;

    private async Task<string> SpeakerAsync(string statementId) =>
        (Statement)(await Store.GetNodesAsync([statementId], None)).Single() is { SpeakerId: { } speaker } ? speaker : "anonymous";

    [Fact]
    public async Task ThePmfDisputesWeaponsStorageAtEveryStruckFacilityWhereKirbyOrTheMilitiaOfficialsClaimIt()
    {
        var disputed = (await Store.FindFactsAsync(new FactQuery { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }, new PageRequest(50), None)).Items.Select(i => i.Item).ToList();
        Assert.Equal(["place:first-strike-facility-syria", .. KirbySites], disputed.Select(f => f.SubjectId).Order(StringComparer.Ordinal));
        Assert.All(disputed, f => Assert.Equal(("function", "weapons storage", ClaimStatus.Disputed), (f.Property, f.Value, f.Status)));
        foreach (var fact in disputed)
        {
            var dispute = Assert.Single(fact.Claims, c => c.Disputes);
            Assert.Equal((SeedIds.PmfStatement, "presence of weapons warehouses"), (dispute.StatementId, dispute.Characterization));
            var claim = Assert.Single(fact.Claims, c => !c.Disputes);
            var expected = fact.SubjectId == "place:first-strike-facility-syria"
                ? ("anonymous", "weapons storage facility")
                : ("person:john-kirby", "operational and weapons storage facilities");
            Assert.Equal(expected, (await SpeakerAsync(claim.StatementId), claim.Characterization));
        }
    }

    [Fact]
    public async Task ThePmfStatementConcedesPresenceAndDisputesStorageAndNothingElse()
    {
        var cited = await Store.GetCitationsAsync([SeedIds.PmfStatement], None);
        Assert.All(cited.Relations, r => Assert.Equal(RelationType.PresentAt, r.Type));
        Assert.Equal(SeedIds.StruckSites.Order(StringComparer.Ordinal), cited.Relations.Select(r => r.ToId).Order(StringComparer.Ordinal));
        Assert.All(cited.Facts, f => Assert.Equal("weapons storage", f.Value));
        Assert.All(cited.Facts, f => Assert.True(Assert.Single(f.Claims, c => c.StatementId == SeedIds.PmfStatement).Disputes));
    }

    [Fact]
    public async Task KirbysFacilitiesWereForOperationsStorageAndDroneLaunchesInPentagonVoicesOnly()
    {
        var facts = await Store.GetFactsAsync(KirbySites, None);
        foreach (var site in KirbySites)
        {
            var functions = facts.Where(f => f.SubjectId == site && f.Property == "function").ToDictionary(f => f.Value);
            Assert.Equal(["launching drone attacks on U.S. forces in Iraq", "operations", "supporting drone strikes in Iraq", "weapons storage"],
                functions.Keys.Order(StringComparer.Ordinal));
            // Kirby said the militias launched attacks on U.S. troops from them; the Pentagon only that they supported drone strikes in Iraq.
            Assert.Equal("person:john-kirby", await SpeakerAsync(Assert.Single(functions["launching drone attacks on U.S. forces in Iraq"].Claims).StatementId));
            Assert.Equal("org:pentagon", await SpeakerAsync(Assert.Single(functions["supporting drone strikes in Iraq"].Claims).StatementId));
        }
    }

    [Fact]
    public async Task AtLeastFiveDroneAttacksIsMcNultysCountNotTheGraphs()
    {
        var count = Assert.Single(await Store.GetFactsAsync([SeedIds.DroneAttacks], None), f => f.Property == "count");
        var claim = Assert.Single(count.Claims);
        Assert.Equal(("at least five", "person:jessica-mcnulty"), (count.Value, await SpeakerAsync(claim.StatementId)));
        var attacks = (Event)(await Store.GetNodesAsync([SeedIds.DroneAttacks], None)).Single();
        Assert.DoesNotContain("five", attacks.Description);
    }

    [Fact]
    public async Task TheFirstStrikeIsPartOfTheJuneStrikesSoTheirSharedDeadAreKnownToBeOne()
    {
        var families = await Store.GetEventFamiliesAsync([SeedIds.FirstStrike, SeedIds.JuneStrikes], None);
        Assert.Contains(SeedIds.JuneStrikes, families[SeedIds.FirstStrike].Ancestors);
        Assert.Equal([SeedIds.FirstStrike, SeedIds.SecondStrike], families[SeedIds.JuneStrikes].Descendants.Order(StringComparer.Ordinal));
    }
}
