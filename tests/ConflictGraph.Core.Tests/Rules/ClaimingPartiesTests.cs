using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class ClaimingPartiesTests
{
    private static readonly FuzzyDate June27 = FuzzyDate.Day(new DateOnly(2021, 6, 27));

    private static Statement By(string id, string? speaker, string? onBehalfOf = null) =>
        new(id, "said", Stance.Asserts, June27, null, speaker, onBehalfOf, speaker is null ? "officials" : null, [], null, []);

    private static readonly Person Spokesman = new("person:spokesman", "Spokesman", [], null, [new Role("press secretary", "org:pentagon", new DateOnly(2021, 1, 20))]);
    private static readonly Person Official = new("person:official", "Official", [], null, []);

    [Fact]
    public void ThreeVoicesOfOneMinistryAreOneParty()
    {
        var parties = ClaimingParties.Of([
            (By("statement:1", "person:spokesman"), Spokesman, []),
            (By("statement:2", "person:official"), Official, ["org:pentagon"]),
            (By("statement:3", null, "org:pentagon"), null, []),
        ]);
        Assert.Equal(["org:pentagon"], parties);
    }

    [Fact]
    public void TheOrganizationSpokenForComesBeforeTheSpeakersOwn() =>
        Assert.Equal("org:state", ClaimingParties.PartyOf(By("statement:1", "person:spokesman", "org:state"), Spokesman, ["org:pentagon"]));

    [Fact]
    public void AnOrganizationSpeaksForItselfAndAPersonWithoutOneForThemselves()
    {
        var kh = new Organization("org:kh", "KH", [], null, OrganizationKind.ArmedGroup, null);
        Assert.Equal("org:kh", ClaimingParties.PartyOf(By("statement:1", "org:kh"), kh, []));
        Assert.Equal("person:official", ClaimingParties.PartyOf(By("statement:2", "person:official"), Official, []));
    }

    [Fact]
    public void ARoleCountsOnlyWhenHeldAtTheStatementsDate()
    {
        var former = Spokesman with { Roles = [new Role("press secretary", "org:pentagon", new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31))] };
        Assert.Equal("org:dod", ClaimingParties.PartyOf(By("statement:1", "person:spokesman"), former, ["org:dod"]));
    }

    [Fact]
    public void AnAnonymousStatementForNoOrganizationHasNoParty() =>
        Assert.Empty(ClaimingParties.Of([(By("statement:1", null), null, [])]));
}
