using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    protected async Task<IGraphStore> CreateClaimsWorldAsync()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(ClaimsWorld.Batch, null, None);
        return store;
    }

    private async Task<Relation> ResponseAsync(IGraphStore store) =>
        Assert.Single(await store.GetRelationsAsync(["event:strikes"], [RelationType.ResponseTo], Direction.Outgoing, None));

    [SkippableFact]
    public async Task ClaimsComeBackWithTheSpeakersCharacterizations()
    {
        var store = await CreateClaimsWorldAsync();
        var response = await ResponseAsync(store);
        Assert.Equal(
            [new Claim("statement:kirby", ClaimPosition.Claims, "in response to"), new Claim("statement:official"),
             new Claim("statement:press", ClaimPosition.Claims, "defensive")],
            response.Claims);
        Assert.Equal(ClaimStatus.Uncontested, response.Status);
        var retaliation = Assert.Single(await store.GetRelationsAsync(["event:strikes"], [RelationType.RetaliationFor], Direction.Outgoing, None));
        Assert.Equal([new Claim("statement:kirby"), new Claim("statement:militia", ClaimPosition.Disputes), new Claim("statement:official", ClaimPosition.Claims, "retaliation")],
            retaliation.Claims);
    }

    [SkippableFact]
    public async Task AClaimGivenAgainWithoutAWordKeepsItsCharacterizationAndChangesNothing()
    {
        var store = await CreateClaimsWorldAsync();
        var version = await store.GetDataVersionAsync(None);
        var again = await store.ImportAsync(new GraphBatch([], [new Relation(RelationType.ResponseTo, "event:strikes", "event:drones", ["statement:press"], [])]), null, None);
        Assert.Equal(0, again.RelationsUpdated);
        Assert.Equal(version, await store.GetDataVersionAsync(None));
        Assert.Equal("defensive", (await ResponseAsync(store)).Claims.Single(c => c.StatementId == "statement:press").Characterization);
    }

    [SkippableFact]
    public async Task ANewCharacterizationReplacesTheOldOneAndCountsAsAnUpdate()
    {
        var store = await CreateClaimsWorldAsync();
        var result = await store.ImportAsync(new GraphBatch([],
            [new Relation(RelationType.ResponseTo, "event:strikes", "event:drones", [new Claim("statement:press", ClaimPosition.Claims, "self-defense")])]), null, None);
        Assert.Equal(1, result.RelationsUpdated);
        Assert.Equal("self-defense", (await ResponseAsync(store)).Claims.Single(c => c.StatementId == "statement:press").Characterization);
    }

    [SkippableFact]
    public async Task AFlippedPositionDropsItsCharacterizationAndTheStatusFollows()
    {
        var store = await CreateClaimsWorldAsync();
        await store.ImportAsync(new GraphBatch([], [new Relation(RelationType.ResponseTo, "event:strikes", "event:drones", [], ["statement:press"])]), null, None);
        var response = await ResponseAsync(store);
        Assert.Equal(new Claim("statement:press", ClaimPosition.Disputes), response.Claims.Single(c => c.StatementId == "statement:press"));
        Assert.Equal(ClaimStatus.Disputed, response.Status);
        var disputed = await store.FindRelationsAsync(new() { Statuses = [ClaimStatus.Disputed], Types = [RelationType.ResponseTo] }, new(10), None);
        Assert.Equal("event:strikes-[RESPONSE_TO]->event:drones", Assert.Single(disputed.Items).Item.Id);
    }

    [SkippableFact]
    public async Task ResponsesAndRetaliationsAreFoundTogetherAndApart()
    {
        var store = await CreateClaimsWorldAsync();
        var both = await store.FindRelationsAsync(new() { Types = RelationRules.Escalation }, new(10), None);
        Assert.Equal(["event:artillery-[RESPONSE_TO]->event:rockets", "event:strikes-[RESPONSE_TO]->event:drones", "event:strikes-[RETALIATION_FOR]->event:drones"],
            both.Items.Select(i => i.Item.Id));
        var retaliations = await store.FindRelationsAsync(new() { Types = [RelationType.RetaliationFor] }, new(10), None);
        Assert.Equal(1, retaliations.TotalCount);
    }

    [SkippableFact]
    public async Task TheNewRoleRelationsJoinActorsToEventsAndPlaces()
    {
        var store = await CreateClaimsWorldAsync();
        var authorized = Assert.Single(await store.GetRelationsAsync(["event:strikes"], [RelationType.Authorized], Direction.Incoming, None));
        Assert.Equal("person:kirby", authorized.FromId);
        Assert.Equal(["statement:official"], authorized.ClaimedBy);
        var roles = await store.GetRelationsAsync(["org:pmf"], [RelationType.PresentAt, RelationType.AssociatedWith], Direction.Outgoing, None);
        Assert.Equal([("place:depot", ClaimStatus.Uncontested), ("event:drones", ClaimStatus.Denied)],
            roles.OrderBy(r => r.Type).Select(r => (r.ToId, r.Status)));
    }

    [SkippableFact]
    public async Task AStatementsCitationsHoldTheRelationsAndFactsItClaimsOrDisputes()
    {
        var store = await CreateClaimsWorldAsync();
        var cited = await store.GetCitationsAsync(["statement:pmf", "statement:nobody"], None);
        Assert.Equal(["event:depot-strike-[PART_OF]->event:strikes", "org:pmf-[ASSOCIATED_WITH]->event:drones", "org:pmf-[PRESENT_AT]->place:depot"],
            cited.Relations.Select(r => r.Id));
        Assert.Equal(["place:depot/function=weapons storage", "place:depot/presence=PMF fighters"], cited.Facts.Select(f => f.Id));
        // Each comes with all its claims, not only the cited statement's.
        Assert.Equal(["statement:officials", "statement:pmf"], cited.Facts[0].Claims.Select(c => c.StatementId));
        Assert.Equal(Citations.Empty.Relations, (await store.GetCitationsAsync([], None)).Relations);
    }

    [SkippableFact]
    public async Task ThreePentagonVoicesAreOneClaimingParty()
    {
        // On the Pentagon's behalf (Kirby), by a role there (the press officer), by membership (the official).
        var store = await CreateClaimsWorldAsync();
        var response = await ResponseAsync(store);
        var statements = (await store.GetNodesAsync(response.ClaimedBy, None)).Cast<Statement>().ToList();
        var speakers = (await store.GetNodesAsync(statements.Select(s => s.SpeakerId).OfType<string>().ToList(), None)).ToDictionary(n => n.Id);
        var memberships = await store.GetRelationsAsync(speakers.Keys, [RelationType.MemberOf], Direction.Outgoing, None);
        var parties = ClaimingParties.Of(statements.Select(s => (s, s.SpeakerId is { } id ? speakers.GetValueOrDefault(id) : null,
            (IEnumerable<string>)memberships.Where(m => m.FromId == s.SpeakerId).Select(m => m.ToId))));
        Assert.Equal(["org:pentagon"], parties);
    }

    [SkippableFact]
    public async Task AnonymousStatementsAreFoundByTheirMissingSpeaker()
    {
        var store = await CreateClaimsWorldAsync();
        async Task<List<string>> Find(bool anonymous) => (await store.FindNodesAsync(
            [(new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { Anonymous = anonymous } }, new Core.Paging.PageRequest(50))], None))[0]
            .Items.Select(i => i.Item.Id).ToList();
        Assert.Equal(["statement:militia", "statement:officials", "statement:pmf"], await Find(true));
        Assert.DoesNotContain("statement:pmf", await Find(false));
        Assert.Contains("statement:kirby", await Find(false));
    }
}
