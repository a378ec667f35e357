using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Neo4j.Lint;

/// <summary>A node of every kind with every field that names another node set, relations of several types, and a fact.</summary>
public static class SampleGraph
{
    public static readonly Person Person = new("person:a", "A", ["Alias"], "someone", [new Role("adviser", "org:b", new DateOnly(2020, 1, 1))]);

    public static IReadOnlyList<Node> EveryKind { get; } =
    [
        Person,
        new Organization("org:b", "B", [], null, OrganizationKind.ArmedGroup, "place:iraq"),
        new Organization("org:c", "C", [], null, OrganizationKind.State, null),
        new Place("place:iraq", "Iraq", [], null, PlaceKind.Country, new GeoPoint(33.2, 43.7)),
        new Event("event:e", "E", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 27))),
        new Event("event:f", "F", EventKind.DroneAttack, null, null),
        new Source("source:s", "S", "org:c", "https://example.org/s", new DateOnly(2021, 6, 28), SourceKind.NewsReport, "source:t"),
        new Source("source:t", "T", null, null, null, SourceKind.SocialMediaPost),
        new Statement("statement:s", "said", Stance.Asserts, FuzzyDate.Day(new DateOnly(2021, 6, 28)), Medium.PressRelease,
            "person:a", "org:b", null, ["event:e"], "source:s", [new CasualtyReport("event:e", 1, 2, null, null, "fighters")], "source:t", "place:iraq"),
    ];

    public static IReadOnlyList<Relation> Relations { get; } =
    [
        new Relation(RelationType.CarriedOut, "org:b", "event:e", [new Claim("statement:s", ClaimPosition.Claims, "carried out")]),
        new Relation(RelationType.RetaliationFor, "event:e", "event:f", [], ["statement:s"]),
        new Relation(RelationType.OccurredIn, "event:e", "place:iraq", [], []),
        new Relation(RelationType.MemberOf, "person:a", "org:b", [], []),
    ];

    public static IReadOnlyList<Fact> Facts { get; } =
    [
        new Fact("place:iraq", "function", "depot", [new Claim("statement:s", ClaimPosition.Disputes, "no depot")]),
    ];
}
