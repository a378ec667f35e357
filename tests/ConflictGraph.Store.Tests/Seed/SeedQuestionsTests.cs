using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Seed;

/// <summary>
/// Each question of shared/QUESTIONS.md answered from the seeded store with the calls the API
/// makes, checking the answer and where it comes from (statement, speaker, source).
/// </summary>
public sealed class SeedQuestionsTests(SeededStore seeded) : IClassFixture<SeededStore>
{
    private const string Report = "source:ap-2021-06-28-us-strikes-iraq-syria";
    private const string JuneStrikes = "event:2021-06-27-us-airstrikes";
    private static readonly CancellationToken None = CancellationToken.None;
    private IGraphStore Store => seeded.Store;

    private async Task<T> NodeAsync<T>(string id) where T : Node => (T)(await Store.GetNodesAsync([id], None)).Single();

    private async Task<IReadOnlyList<Node>> FindAsync(NodeQuery query) =>
        (await Store.FindNodesAsync([(query, new PageRequest(100))], None))[0].Items.Select(i => i.Item).ToList();

    [Fact]
    public async Task Q1TwoRetaliationsWithWhoClaimsThem()
    {
        var retaliations = (await Store.FindRelationsAsync(new RelationQuery { Types = [RelationType.RetaliationFor] }, new PageRequest(20), None)).Items.Select(i => i.Item).ToList();
        Assert.Equal([("event:2021-02-us-airstrikes-syria", "event:2021-02-rocket-attack-iraq"), (JuneStrikes, "event:2021-04-militia-drone-attacks")],
            retaliations.Select(r => (r.FromId, r.ToId)).Order());
        var june = retaliations.Single(r => r.FromId == JuneStrikes);
        var claims = (await Store.GetNodesAsync(june.ClaimedBy, None)).Cast<Statement>().ToList();
        Assert.Contains(claims, s => s.SpeakerId == "person:john-kirby");
        Assert.All(claims, s => Assert.Equal(Report, s.SourceId));
        var february = retaliations.Single(r => r.FromId != JuneStrikes);
        Assert.Equal("org:pentagon", (await NodeAsync<Statement>(Assert.Single(february.ClaimedBy))).SpeakerId);
    }

    [Fact]
    public async Task Q2TheRocketAttackInSyriaHasNoPerpetratorAndWasAnsweredWithArtillery()
    {
        var events = await FindAsync(new NodeQuery
        {
            Kinds = [NodeKind.Event],
            Events = new EventCriteria { PlaceId = "place:syria", From = new DateOnly(2021, 6, 28), To = new DateOnly(2021, 6, 28) },
        });
        Assert.Equal(["event:2021-06-28-rocket-attack-us-forces-syria", "event:2021-06-28-us-artillery-fire"], events.Select(e => e.Id).Order());
        var rocket = "event:2021-06-28-rocket-attack-us-forces-syria";
        var incoming = await Store.GetRelationsAsync([rocket], null, Direction.Incoming, None);
        Assert.DoesNotContain(incoming, r => r.Type == RelationType.CarriedOut);
        var answer = Assert.Single(incoming, r => r.Type == RelationType.ResponseTo);
        Assert.Equal("event:2021-06-28-us-artillery-fire", answer.FromId);
        Assert.Equal("person:wayne-marotto", (await NodeAsync<Statement>(Assert.Single(answer.ClaimedBy))).SpeakerId);
        var outgoing = await Store.GetRelationsAsync([rocket], [RelationType.RetaliationFor, RelationType.ResponseTo], Direction.Outgoing, None);
        Assert.Empty(outgoing);
        var doers = await Store.GetRelationsAsync(["event:2021-06-28-us-artillery-fire"], [RelationType.CarriedOut], Direction.Incoming, None);
        Assert.Equal("org:us-forces-syria", Assert.Single(doers).FromId);
    }

    [Fact]
    public async Task Q3TheKilledFiguresConflictBetweenMilitiaOfficialsAndTheObservatory()
    {
        var reports = await Store.GetCasualtyReportsAsync([JuneStrikes], None);
        Assert.Equal(2, reports.Count);
        var bySpeaker = new Dictionary<string, CasualtyReport>();
        foreach (var report in reports)
        {
            var statement = await NodeAsync<Statement>(report.StatementId);
            bySpeaker[statement.SpeakerId ?? statement.SpeakerDescription!] = report.Report;
        }
        Assert.Equal((7, (int?)null), (bySpeaker["org:syrian-observatory-for-human-rights"].KilledMin!.Value, bySpeaker["org:syrian-observatory-for-human-rights"].KilledMax));
        var anonymous = bySpeaker.Single(p => !p.Key.Contains(':')).Value;
        Assert.Equal((4, 4), (anonymous.KilledMin!.Value, anonymous.KilledMax!.Value));
        Assert.True(new CasualtySummary(reports).Conflicting);
    }

    [Fact]
    public async Task Q4WhoCondemnedAccusedAndDefended()
    {
        async Task<IEnumerable<string?>> Speakers(Stance stance) =>
            (await FindAsync(new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { AboutId = JuneStrikes, Stances = [stance] } }))
            .Cast<Statement>().Select(s => s.SpeakerId).Distinct().Order();
        Assert.Equal(["org:iraqi-military"], await Speakers(Stance.Condemns));
        Assert.Contains("person:saeed-khatibzadeh", await Speakers(Stance.Accuses));
        var accusingUs = await FindAsync(new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { AboutId = "org:united-states", Stances = [Stance.Accuses] } });
        Assert.Equal("person:saeed-khatibzadeh", ((Statement)Assert.Single(accusingUs)).SpeakerId);
        Assert.Equal(["person:antony-blinken", "person:john-kirby"], await Speakers(Stance.Defends));
    }

    [Fact]
    public async Task Q5TheWeaponsStorageClaimIsDisputedByThePmf()
    {
        var disputed = (await Store.FindRelationsAsync(new RelationQuery { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }, new PageRequest(50), None))
            .Items.Select(i => i.Item).ToList();
        Assert.NotEmpty(disputed);
        Assert.All(disputed, r => Assert.Equal(RelationType.Used, r.Type));
        Assert.Contains(disputed, r => r.ToId == "place:weapons-storage-facility-syria");
        var disputers = await Store.GetNodesAsync(disputed.SelectMany(r => r.DisputedBy).Distinct().ToList(), None);
        Assert.Equal("org:popular-mobilization-forces", ((Statement)Assert.Single(disputers)).SpeakerId);
    }

    [Fact]
    public async Task Q6IranBackedGroupsAccordingToThePentagon()
    {
        var backed = await Store.GetRelationsAsync(["org:iran"], [RelationType.BackedBy], Direction.Incoming, None);
        Assert.Equal(["org:iran-backed-militias", "org:kataib-hezbollah", "org:kataib-sayyid-al-shuhada"], backed.Select(r => r.FromId).Order());
        var claimants = await Store.GetNodesAsync(backed.SelectMany(r => r.ClaimedBy).Distinct().ToList(), None);
        Assert.Contains(claimants.Cast<Statement>(), s => s.SpeakerId == "org:pentagon");
        Assert.Contains(claimants.Cast<Statement>(), s => s.SpeakerId == "person:jessica-mcnulty");
        var network = backed.Single(r => r.FromId == "org:iran-backed-militias");
        var networkSpeakers = (await Store.GetNodesAsync(network.ClaimedBy, None)).Cast<Statement>().Select(s => s.SpeakerId).ToList();
        Assert.Contains("person:joe-biden", networkSpeakers);
        Assert.Contains("org:associated-press", networkSpeakers);
        Assert.DoesNotContain("org:iran-backed-militias", networkSpeakers);
    }

    [Fact]
    public async Task Q7EventsInsideSyriaAndInsideIraq()
    {
        async Task<IEnumerable<string>> Inside(string place) =>
            (await FindAsync(new NodeQuery { Kinds = [NodeKind.Event], Events = new EventCriteria { PlaceId = place } })).Select(e => e.Id);
        var syria = (await Inside("place:syria")).ToList();
        Assert.Contains("event:2021-06-28-rocket-attack-us-forces-syria", syria);
        Assert.Contains("event:2021-06-27-strike-weapons-storage-syria", syria);
        Assert.Contains("event:2021-02-us-airstrikes-syria", syria);
        Assert.DoesNotContain("event:2020-soleimani-muhandis-killing", syria);
        var iraq = (await Inside("place:iraq")).ToList();
        Assert.Contains("event:2020-soleimani-muhandis-killing", iraq);
        Assert.Contains("event:2021-02-rocket-attack-iraq", iraq);
        Assert.Contains("event:2021-06-27-strike-facility-iraq", iraq);
        Assert.DoesNotContain("event:2021-06-28-us-artillery-fire", iraq);
    }

    [Fact]
    public async Task Q8TheArtilleryAnsweredTheRocketAttackAndNothingBeforeIt()
    {
        var chain = (await Store.GetEscalationAsync(["event:2021-06-28-us-artillery-fire"], ChainDirection.Backward, 10, None))["event:2021-06-28-us-artillery-fire"];
        var link = Assert.Single(chain);
        Assert.Equal((RelationType.ResponseTo, "event:2021-06-28-rocket-attack-us-forces-syria"), (link.Type, link.ToId));
    }

    [Fact]
    public async Task Q9KirbyReachesKataibHezbollahWithinFourHops()
    {
        var paths = await Store.FindPathsAsync("person:john-kirby", "org:kataib-hezbollah", 4, 3, None);
        Assert.NotEmpty(paths);
        Assert.True(paths[0].Length <= 4);
        Assert.Equal("person:john-kirby", paths[0].NodeIds[0]);
        Assert.Equal("org:kataib-hezbollah", paths[0].NodeIds[^1]);
    }

    [Fact]
    public async Task Q10UnnamedOfficialsAreDescribed()
    {
        var anonymous = (await FindAsync(new NodeQuery { Kinds = [NodeKind.Statement] })).Cast<Statement>().Where(s => s.Anonymous).ToList();
        Assert.Equal(2, anonymous.Count);
        Assert.All(anonymous, s => Assert.False(string.IsNullOrWhiteSpace(s.SpeakerDescription)));
        Assert.Contains(anonymous, s => s.SpeakerDescription!.Contains("militia officials"));
    }

    [Fact]
    public async Task Q11StruckFacilitiesWithWhereAndWhatTheyWereSaidToBeUsedFor()
    {
        var struck = await Store.GetRelationsAsync(
            ["event:2021-06-27-strike-weapons-storage-syria", "event:2021-06-27-strike-second-facility-syria", "event:2021-06-27-strike-facility-iraq"],
            [RelationType.Targeted], Direction.Outgoing, None);
        var sites = struck.Select(r => r.ToId).ToList();
        Assert.Equal(3, sites.Count);
        var within = await Store.GetPlacesWithinAsync(["place:syria", "place:iraq"], None);
        Assert.Equal(2, sites.Count(within["place:syria"].Contains));
        Assert.Equal(1, sites.Count(within["place:iraq"].Contains));
        var uses = await Store.GetRelationsAsync(sites, [RelationType.Used], Direction.Incoming, None);
        Assert.Equal(3, uses.Count);
        Assert.All(uses, u => Assert.Equal(ClaimStatus.Disputed, u.Status));
    }

    [Fact]
    public async Task Q12SoleimaniAndAlMuhandisWereKilledNearBaghdadAirportIn2020()
    {
        var killed = await Store.GetRelationsAsync(["place:baghdad-airport"], [RelationType.OccurredIn], Direction.Incoming, None);
        var killing = await NodeAsync<Event>(Assert.Single(killed).FromId);
        Assert.Equal((DatePrecision.Year, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), (killing.Date!.Precision, killing.Date.Start, killing.Date.End));
        var victims = await Store.GetRelationsAsync([killing.Id], [RelationType.Killed], Direction.Outgoing, None);
        Assert.Equal(["person:abu-mahdi-al-muhandis", "person:qassem-soleimani"], victims.Select(v => v.ToId).Order());
        Assert.All(victims, v => Assert.Equal(["statement:2021-06-28-ap-soleimani-killing"], v.ClaimedBy));
        Assert.Empty(await Store.GetRelationsAsync([killing.Id], [RelationType.Targeted], Direction.Outgoing, None));
    }

    [Fact]
    public async Task Q13SpeakersInDateOrderWithTheirMedium()
    {
        var statements = (await Store.FindNodesAsync(
            [(new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc }, new PageRequest(100))], None))[0].Items.Select(i => (Statement)i.Item).ToList();
        Assert.Equal(26, statements.Count);
        Assert.Equal(statements.Select(s => s.Date!.Start).Order(), statements.Select(s => s.Date!.Start));
        Assert.All(statements, s => Assert.NotNull(s.Medium));
        Assert.Equal("person:joe-biden", statements.First(s => s.SpeakerId is not null && s.SpeakerId.StartsWith("person:")).SpeakerId);
        Assert.Equal(Medium.SocialMedia, statements.Single(s => s.Id == "statement:2021-06-28-wayne-marotto-rocket-attack").Medium);
    }

    [Fact]
    public async Task Q14EventsKnownOnlyToAMonthOrAYear()
    {
        var vague = (await FindAsync(new NodeQuery { Kinds = [NodeKind.Event] })).Cast<Event>().Where(e => e.Date!.Precision != DatePrecision.Day).ToList();
        Assert.Equal(["event:2020-iraqi-parliament-resolution", "event:2020-soleimani-muhandis-killing", "event:2021-02-rocket-attack-iraq",
            "event:2021-02-us-airstrikes-syria", "event:2021-04-militia-drone-attacks"], vague.Select(e => e.Id).Order());
        var drones = vague.Single(e => e.Id == "event:2021-04-militia-drone-attacks").Date!;
        Assert.Equal((new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 27), DatePrecision.Month), (drones.Start, drones.End, drones.Precision));
    }
}
