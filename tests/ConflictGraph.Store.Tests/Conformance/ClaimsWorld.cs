using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// What the claims model adds on top of <see cref="TestWorld"/>: three Pentagon voices (one on the
/// Pentagon's behalf, one by its press officer's role, one by a member), characterized claims on
/// the strikes, the new relation types, facts about the depot (one claimed and denied), a strike
/// that is part of the strikes reporting its own dead, and a statement first made in a tweet.
/// </summary>
public static class ClaimsWorld
{
    public static readonly FuzzyDate June27 = TestWorld.June27;

    private static Statement Said(string id, string text, Stance stance, string? speaker, string? onBehalfOf, string? description = null,
        CasualtyReport[]? casualties = null) =>
        new(id, text, stance, June27, null, speaker, onBehalfOf, description, ["event:strikes"], "source:report", casualties ?? []);

    public static IReadOnlyList<Node> Nodes =>
    [
        new Person("person:press", "Press Officer", [], null, [new Role("press officer", "org:pentagon", new DateOnly(2020, 1, 1))]),
        new Person("person:official", "An Official", [], null, []),
        new Organization("org:pmf", "Popular Mobilization Forces", ["PMF"], null, OrganizationKind.ArmedGroup, "place:iraq"),
        new Source("source:post", "A post", "org:pmf", null, new DateOnly(2021, 6, 28), SourceKind.SocialMediaPost),
        new Event("event:depot-strike", "The strike on the depot", EventKind.Airstrike, null, June27),
        Said("statement:press", "The strikes were defensive.", Stance.Defends, "person:press", null),
        Said("statement:official", "The strikes answered the drones; the president ordered them.", Stance.Asserts, "person:official", null),
        Said("statement:officials", "One strike hit a weapons storage facility.", Stance.Asserts, null, null, "militia officials"),
        Said("statement:pmf", "Our men were at the depot, which held no weapons; two died there.", Stance.Denies, null, "org:pmf", "a PMF statement",
            [new CasualtyReport("event:depot-strike", 2, 2, null, null, "fighters", VictimCategory.Combatants)]) with
        {
            PrimarySourceId = "source:post", PlaceId = "place:iraq",
        },
    ];

    public static IReadOnlyList<Relation> Relations =>
    [
        new(RelationType.ResponseTo, "event:strikes", "event:drones",
            [new Claim("statement:kirby", ClaimPosition.Claims, "in response to"), new Claim("statement:press", ClaimPosition.Claims, "defensive"),
             new Claim("statement:official")]),
        new(RelationType.RetaliationFor, "event:strikes", "event:drones", [new Claim("statement:official", ClaimPosition.Claims, "retaliation")]),
        new(RelationType.MemberOf, "person:official", "org:pentagon", [], []),
        new(RelationType.Authorized, "person:kirby", "event:strikes", ["statement:official"], []),
        new(RelationType.PresentAt, "org:pmf", "place:depot", ["statement:pmf"], []),
        new(RelationType.AssociatedWith, "org:pmf", "event:drones", [], ["statement:pmf"]),
        new(RelationType.PartOf, "event:depot-strike", "event:strikes", ["statement:pmf"], []),
    ];

    public static IReadOnlyList<Fact> Facts =>
    [
        new("place:depot", "function", "weapons storage",
            [new Claim("statement:officials", ClaimPosition.Claims, "weapons storage facility"), new Claim("statement:pmf", ClaimPosition.Disputes, "no weapons warehouses")]),
        new("place:depot", "presence", "PMF fighters", [new Claim("statement:pmf")]),
        new("event:drones", "count", "at least five", [new Claim("statement:official")]),
    ];

    public static GraphBatch Batch => new(Nodes, Relations) { Facts = Facts };
}
