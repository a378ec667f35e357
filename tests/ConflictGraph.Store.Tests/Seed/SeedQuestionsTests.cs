using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Tests;

namespace ConflictGraph.Store.Tests.Seed;

/// <summary>
/// The questions of the seed report answered from the seeded store with the calls the API makes,
/// checking each answer against what the report says and who says it (statement, speaker, words).
/// </summary>
public sealed class SeedQuestionsTests(SeededStore seeded) : IClassFixture<SeededStore>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private IGraphStore Store => seeded.Store;

    private async Task<T> NodeAsync<T>(string id) where T : Node => (T)(await Store.GetNodesAsync([id], None)).Single();

    private async Task<IReadOnlyList<Node>> FindAsync(NodeQuery query) =>
        (await Store.FindNodesAsync([(query, new PageRequest(100))], None))[0].Items.Select(i => i.Item).ToList();

    private async Task<string> SpeakerAsync(string statementId) =>
        await NodeAsync<Statement>(statementId) is { SpeakerId: { } speaker } ? speaker : "anonymous";

    [Fact]
    public async Task OnlyTheFebruaryStrikesAreCalledARetaliationAndOnlyByThePentagon()
    {
        var retaliations = (await Store.FindRelationsAsync(new RelationQuery { Types = [RelationType.RetaliationFor] }, new PageRequest(20), None)).Items.Select(i => i.Item).ToList();
        var february = Assert.Single(retaliations);
        Assert.Equal((SeedIds.FebruaryStrikes, SeedIds.FebruaryRockets), (february.FromId, february.ToId));
        var claim = Assert.Single(february.Claims);
        Assert.Equal(("org:pentagon", "retaliation"), (await SpeakerAsync(claim.StatementId), claim.Characterization));
    }

    [Fact]
    public async Task TheJuneStrikesAnswerTheDroneAttacksInTheirSpeakersWords()
    {
        var responses = await Store.GetRelationsAsync([SeedIds.JuneStrikes], [RelationType.ResponseTo, RelationType.RetaliationFor], Direction.Outgoing, None);
        var response = Assert.Single(responses);
        Assert.Equal((RelationType.ResponseTo, SeedIds.DroneAttacks), (response.Type, response.ToId));
        var words = new List<(string, string?)>();
        foreach (var claim in response.Claims) words.Add((await SpeakerAsync(claim.StatementId), claim.Characterization));
        Assert.Equal([("person:antony-blinken", "self-defense"), ("person:john-kirby", "defensive; in response to the attacks by militias")], words.OrderBy(w => w.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheRocketAttackInSyriaHasNoPerpetratorAndWasAnsweredWithArtilleryInSelfDefense()
    {
        var events = await FindAsync(new NodeQuery
        {
            Kinds = [NodeKind.Event],
            Events = new EventCriteria { PlaceId = "place:syria", From = new DateOnly(2021, 6, 28), To = new DateOnly(2021, 6, 28) },
        });
        Assert.Equal([SeedIds.Rockets, SeedIds.Artillery], events.Select(e => e.Id).Order(StringComparer.Ordinal));
        var incoming = await Store.GetRelationsAsync([SeedIds.Rockets], null, Direction.Incoming, None);
        Assert.DoesNotContain(incoming, r => r.Type == RelationType.CarriedOut);
        var answer = Assert.Single(incoming, r => r.Type is RelationType.ResponseTo or RelationType.RetaliationFor);
        Assert.Equal((RelationType.ResponseTo, SeedIds.Artillery), (answer.Type, answer.FromId));
        var claim = Assert.Single(answer.Claims);
        Assert.Equal(("person:wayne-marotto", "self-defense"), (await SpeakerAsync(claim.StatementId), claim.Characterization));
        Assert.Empty(await Store.GetRelationsAsync([SeedIds.Rockets], [RelationType.RetaliationFor, RelationType.ResponseTo], Direction.Outgoing, None));
    }

    [Fact]
    public async Task TheKilledFiguresOfTheJuneStrikesConflictBetweenMilitiaOfficialsAndTheObservatory()
    {
        var reports = await Store.GetCasualtyReportsAsync([SeedIds.JuneStrikes], None);
        var bySpeaker = new Dictionary<string, CasualtyReport>();
        foreach (var report in reports) bySpeaker.Add(await SpeakerAsync(report.StatementId), report.Report);
        Assert.Equal(["anonymous", "org:syrian-observatory-for-human-rights"], bySpeaker.Keys.Order());
        Assert.Equal((7, (int?)null, VictimCategory.Combatants), (bySpeaker["org:syrian-observatory-for-human-rights"].KilledMin!.Value,
            bySpeaker["org:syrian-observatory-for-human-rights"].KilledMax, bySpeaker["org:syrian-observatory-for-human-rights"].VictimCategory!.Value));
        Assert.Equal((4, 4), (bySpeaker["anonymous"].KilledMin!.Value, bySpeaker["anonymous"].KilledMax!.Value));
        Assert.True(new Core.Rules.CasualtySummary(reports).Conflicting);
    }

    [Fact]
    public async Task TheFirstStrikesFourDeadAreTheFourOfTheWholeStrikesAndItIsPartOfThem()
    {
        var first = Assert.Single(await Store.GetCasualtyReportsAsync([SeedIds.FirstStrike], None));
        var whole = (await Store.GetCasualtyReportsAsync([SeedIds.JuneStrikes], None)).Single(r => r.StatementId == first.StatementId);
        Assert.Equal((4, 4), (first.Report.KilledMin!.Value, first.Report.KilledMax!.Value));
        Assert.Equal(whole.Report.Killed, first.Report.Killed);
        var partOf = Assert.Single(await Store.GetRelationsAsync([SeedIds.FirstStrike], [RelationType.PartOf], Direction.Outgoing, None));
        Assert.Equal(SeedIds.JuneStrikes, partOf.ToId);
    }

    [Fact]
    public async Task WhoCondemnedAccusedAndDefended()
    {
        async Task<IEnumerable<string?>> Speakers(string about, Stance stance) =>
            (await FindAsync(new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { AboutId = about, Stances = [stance] } }))
            .Cast<Statement>().Select(s => s.SpeakerId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["org:iraqi-military"], await Speakers(SeedIds.JuneStrikes, Stance.Condemns));
        Assert.Equal(["person:saeed-khatibzadeh"], await Speakers("org:united-states", Stance.Accuses));
        Assert.Equal(["person:antony-blinken", "person:john-kirby"], await Speakers(SeedIds.JuneStrikes, Stance.Defends));
        Assert.Equal(["org:iran-backed-militias"], await Speakers(SeedIds.JuneStrikes, Stance.Threatens));
    }

    [Fact]
    public async Task NoRelationIsDisputedThePmfConcedesItsMenWereAtTheSites()
    {
        var disputed = await Store.FindRelationsAsync(new RelationQuery { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }, new PageRequest(50), None);
        Assert.Empty(disputed.Items);
        var presence = await Store.GetRelationsAsync(["org:popular-mobilization-forces"], [RelationType.PresentAt], Direction.Outgoing, None);
        Assert.Equal(SeedIds.StruckSites.Order(), presence.Select(r => r.ToId).Order());
        Assert.All(presence, r => Assert.Equal((SeedIds.PmfStatement, ClaimStatus.Uncontested), (Assert.Single(r.Claims).StatementId, r.Status)));
    }

    [Fact]
    public async Task IranBackedGroupsAndWhoSaysSoNotTheMilitiasThemselves()
    {
        var backed = await Store.GetRelationsAsync(["org:iran"], [RelationType.BackedBy], Direction.Incoming, None);
        Assert.Equal(["org:iran-backed-militias", "org:kataib-hezbollah", "org:kataib-sayyid-al-shuhada"], backed.Select(r => r.FromId).Order());
        async Task<List<string>> Speakers(Relation r)
        {
            var speakers = new List<string>();
            foreach (var id in r.ClaimedBy) speakers.Add(await SpeakerAsync(id));
            return speakers.Order().ToList();
        }
        Assert.Equal(["org:associated-press", "org:pentagon", "org:united-states", "person:jessica-mcnulty", "person:joe-biden"],
            await Speakers(backed.Single(r => r.FromId == "org:iran-backed-militias")));
        Assert.Equal(["org:pentagon"], await Speakers(backed.Single(r => r.FromId == "org:kataib-hezbollah")));
    }

    [Fact]
    public async Task EventsInsideSyriaAndInsideIraqAndTheOneOnTheBorderInNeither()
    {
        async Task<List<string>> Inside(string place) =>
            (await FindAsync(new NodeQuery { Kinds = [NodeKind.Event], Events = new EventCriteria { PlaceId = place } })).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([SeedIds.FebruaryStrikes, SeedIds.FirstStrike, SeedIds.JuneStrikes, SeedIds.Rockets, SeedIds.Artillery], await Inside("place:syria"));
        Assert.Equal(["event:2020-iraqi-parliament-resolution", "event:2020-soleimani-muhandis-killing", SeedIds.FebruaryRockets, SeedIds.DroneAttacks, SeedIds.JuneStrikes],
            await Inside("place:iraq"));
        Assert.Contains(SeedIds.SecondStrike, await Inside("place:iraq-syria-border-region"));
        var strip = await Store.GetRelationsAsync(["place:iraq-syria-border-strip"], [RelationType.LocatedIn], Direction.Outgoing, None);
        Assert.Equal("place:iraq-syria-border-region", Assert.Single(strip).ToId);
        Assert.Empty(await Store.GetRelationsAsync(["place:iraq-syria-border-region"], [RelationType.LocatedIn], Direction.Outgoing, None));
    }

    [Fact]
    public async Task TheArtilleryAnsweredTheRocketAttackAndNothingBeforeIt()
    {
        var chain = (await Store.GetEscalationAsync([SeedIds.Artillery], ChainDirection.Backward, 10, None))[SeedIds.Artillery];
        var link = Assert.Single(chain);
        Assert.Equal((RelationType.ResponseTo, SeedIds.Rockets), (link.Type, link.ToId));
    }

    [Fact]
    public async Task KirbyReachesKataibHezbollahThroughTheDroneAttacksAndTheStrikes()
    {
        var paths = await Store.FindPathsAsync("person:john-kirby", "org:kataib-hezbollah", 6, 3, None);
        var routes = paths.Where(p => p.Length == paths[0].Length).Select(p => string.Join(" ", p.NodeIds)).ToList();
        Assert.Equal(5, paths[0].Length);
        Assert.Equal(2, routes.Count);
        Assert.Contains($"person:john-kirby org:pentagon org:us-military {SeedIds.DroneAttacks} org:iran-backed-militias org:kataib-hezbollah", routes);
        Assert.Contains($"person:john-kirby org:pentagon org:us-military {SeedIds.JuneStrikes} org:iran-backed-militias org:kataib-hezbollah", routes);
    }

    [Fact]
    public async Task OnlyTheMilitiaOfficialsSpeakAnonymouslyTheReporterNarratesInItsOwnName()
    {
        var statements = (await FindAsync(new NodeQuery { Kinds = [NodeKind.Statement] })).Cast<Statement>().ToList();
        var anonymous = Assert.Single(statements, s => s.Anonymous);
        Assert.Equal(("place:baghdad", Medium.Interview), (anonymous.PlaceId, anonymous.Medium!.Value));
        Assert.Contains("militia officials", anonymous.SpeakerDescription);
        Assert.Equal("org:associated-press", statements.Single(s => s.Id == "statement:2021-06-28-ap-drone-worries").SpeakerId);
    }

    [Fact]
    public async Task SoleimaniAndAlMuhandisWereKilledNearBaghdadAirportIn2020()
    {
        var near = await NodeAsync<Place>("place:near-baghdad-airport");
        Assert.Equal(LocationPrecision.Near, near.Precision);
        var killed = await Store.GetRelationsAsync([near.Id], [RelationType.OccurredIn], Direction.Incoming, None);
        var killing = await NodeAsync<Event>(Assert.Single(killed).FromId);
        Assert.Equal((DatePrecision.Year, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), (killing.Date!.Precision, killing.Date.Start, killing.Date.End));
        var victims = await Store.GetRelationsAsync([killing.Id], [RelationType.Killed], Direction.Outgoing, None);
        Assert.Equal(["person:abu-mahdi-al-muhandis", "person:qassem-soleimani"], victims.Select(v => v.ToId).Order());
        Assert.All(victims, v => Assert.Equal(["statement:2021-06-28-ap-2020-killing"], v.ClaimedBy));
        Assert.Empty(await Store.GetRelationsAsync([killing.Id], [RelationType.Targeted], Direction.Outgoing, None));
    }

    [Fact]
    public async Task StatementsCarryOnlyTheDayTimeAndMediumTheReportGives()
    {
        var statements = (await Store.FindNodesAsync(
            [(new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc }, new PageRequest(100))], None))[0].Items.Select(i => (Statement)i.Item).ToList();
        Assert.Equal(statements.Select(s => s.Date!.Start).Order(), statements.Select(s => s.Date!.Start));
        Assert.All(statements, s => Assert.Null(s.Date!.At));
        Statement Of(string id) => statements.Single(s => s.Id == id);
        Assert.Equal((new DateOnly(2021, 6, 27), new DateOnly(2021, 6, 28), DatePrecision.Days, (Medium?)null),
            (Of(SeedIds.KirbyDefensive).Date!.Start, Of(SeedIds.KirbyDefensive).Date!.End, Of(SeedIds.KirbyDefensive).Date!.Precision, Of(SeedIds.KirbyDefensive).Medium));
        Assert.Equal((Medium.SocialMedia, "source:marotto-2021-06-28-rocket-attack-tweet"),
            (Of("statement:2021-06-28-wayne-marotto-rocket-attack").Medium!.Value, Of("statement:2021-06-28-wayne-marotto-rocket-attack").PrimarySourceId));
        Assert.Equal((Medium.PressBriefing, "place:rome", DatePrecision.Day),
            (Of("statement:2021-06-28-antony-blinken-self-defense").Medium!.Value, Of("statement:2021-06-28-antony-blinken-self-defense").PlaceId, Of("statement:2021-06-28-antony-blinken-self-defense").Date!.Precision));
        Assert.Null(Of("statement:2021-06-28-saeed-khatibzadeh-instability").Medium);
    }

    [Fact]
    public async Task EventsKnownOnlyToAMonthOrAYearAndTheOnePeriod()
    {
        var events = (await FindAsync(new NodeQuery { Kinds = [NodeKind.Event] })).Cast<Event>().ToList();
        var vague = events.Where(e => e.Date!.Precision is not DatePrecision.Day).Select(e => (e.Id, e.Date!.Precision)).Order().ToList();
        Assert.Equal([("event:2020-iraqi-parliament-resolution", DatePrecision.Year), ("event:2020-soleimani-muhandis-killing", DatePrecision.Year),
            (SeedIds.FebruaryRockets, DatePrecision.Month), (SeedIds.FebruaryStrikes, DatePrecision.Month), (SeedIds.DroneAttacks, DatePrecision.Month)], vague);
        var period = Assert.Single(events, e => e.Date!.Extent == DateExtent.Period);
        Assert.Equal((SeedIds.DroneAttacks, new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 28)), (period.Id, period.Date!.Start, period.Date.End));
    }

    [Fact]
    public async Task BidenAuthorizedTheFebruaryStrikesInHisOwnWordsAndNoOneAuthorizedTheJuneOnes()
    {
        var authorized = Assert.Single(await Store.GetRelationsAsync([SeedIds.FebruaryStrikes], [RelationType.Authorized], Direction.Incoming, None));
        var claim = Assert.Single(authorized.Claims);
        Assert.Equal(("person:joe-biden", "person:joe-biden", "his decision to authorize"), (authorized.FromId, await SpeakerAsync(claim.StatementId), claim.Characterization));
        Assert.Empty(await Store.GetRelationsAsync([SeedIds.JuneStrikes], [RelationType.Authorized], Direction.Incoming, None));
    }

    [Fact]
    public async Task FiveStatementsComeFromPrimarySourcesTheReportRelays()
    {
        var statements = (await FindAsync(new NodeQuery { Kinds = [NodeKind.Statement] })).Cast<Statement>().ToList();
        Assert.All(statements, s => Assert.Equal(SeedIds.Report, s.SourceId));
        var relayed = statements.Where(s => s.PrimarySourceId is not null).ToList();
        var sources = (await Store.GetNodesAsync(relayed.Select(s => s.PrimarySourceId!).ToList(), None)).Cast<Source>().ToDictionary(s => s.Id);
        Assert.Equal(
            [("statement:2021-06-27-militias-vow-revenge", SourceKind.Other), ("statement:2021-06-27-pentagon-strike-videos", SourceKind.Video),
             ("statement:2021-06-27-sohr-seven-killed", SourceKind.MonitorReport), ("statement:2021-06-28-wayne-marotto-artillery-response", SourceKind.SocialMediaPost),
             ("statement:2021-06-28-wayne-marotto-rocket-attack", SourceKind.SocialMediaPost)],
            relayed.Select(s => (s.Id, sources[s.PrimarySourceId!].SourceKind!.Value)).OrderBy(p => p.Id, StringComparer.Ordinal));
        Assert.Equal(SourceKind.NewsReport, (await NodeAsync<Source>(SeedIds.Report)).SourceKind);
    }
}
