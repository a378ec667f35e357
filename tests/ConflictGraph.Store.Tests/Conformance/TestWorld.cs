using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// A small graph with every node kind and relation type: a strike in answer to drone attacks,
/// artillery in answer to rockets, places three levels deep, one claim disputed, casualty
/// figures that conflict.
/// </summary>
public static class TestWorld
{
    public static readonly FuzzyDate June27 = FuzzyDate.Day(new DateOnly(2021, 6, 27));
    public static readonly FuzzyDate June28 = FuzzyDate.Day(new DateOnly(2021, 6, 28));
    public static readonly FuzzyDate SinceApril = new(new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 27), DatePrecision.Month, null, "since April");

    public static Person Kirby => new("person:kirby", "John Kirby", ["Kirby"], "Spokesman", [new Role("Press secretary", "org:pentagon", new DateOnly(2021, 1, 20))]);

    public static Statement KirbyStatement => new("statement:kirby", "The strikes answered the drone attacks.", Stance.Asserts,
        June27, Medium.PressRelease, "person:kirby", "org:pentagon", null, ["event:strikes"], "source:report", []);

    public static IReadOnlyList<Node> Nodes =>
    [
        new Place("place:syria", "Syria", [], null, PlaceKind.Country, null),
        new Place("place:deir", "Deir ez-Zor", [], "A province in the east", PlaceKind.Region, null),
        new Place("place:depot", "Depot near the border", [], null, PlaceKind.Site, new GeoPoint(34.4, 40.9)),
        new Place("place:iraq", "Iraq", [], null, PlaceKind.Country, null),
        new Place("place:erbil", "Erbil", ["Irbil"], null, PlaceKind.City, null),
        new Organization("org:kh", "Kata'ib Hezbollah", ["KH"], "An Iraqi militia", OrganizationKind.ArmedGroup, "place:iraq"),
        new Organization("org:pentagon", "Pentagon", [], null, OrganizationKind.Military, null),
        new Organization("org:press", "Wire Service", [], null, OrganizationKind.Media, null),
        Kirby,
        new Person("person:muhandis", "Abu Mahdi al-Muhandis", [], null, []),
        new Event("event:drones", "Drone attacks on bases", EventKind.DroneAttack, null, SinceApril),
        new Event("event:strikes", "Airstrikes on depots", EventKind.Airstrike, "Strikes at night", June27),
        new Event("event:rockets", "Rockets fired at a base", EventKind.RocketAttack, null, June28),
        new Event("event:artillery", "Artillery fire", EventKind.ArtilleryFire, null, June28),
        new Event("event:killing", "A killing near the airport", EventKind.TargetedKilling, null,
            new FuzzyDate(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), DatePrecision.Year)),
        new Source("source:report", "Wire report", "org:press", "https://example.org/report", new DateOnly(2021, 6, 28)),
        KirbyStatement,
        new Statement("statement:militia", "The depots were not used for weapons; four fighters died.", Stance.Denies, June28, null,
            null, "org:kh", "militia officials who asked not to be named", ["event:strikes"], "source:report",
            [new CasualtyReport("event:strikes", 4, 4, null, null, "fighters")]),
        new Statement("statement:monitor", "At least seven were killed.", Stance.Reports, June28, Medium.Report,
            "org:press", null, null, ["event:strikes"], "source:report",
            [new CasualtyReport("event:strikes", 7, null, null, null, null)]),
    ];

    public static IReadOnlyList<Relation> Relations =>
    [
        Relation(RelationType.LocatedIn, "place:deir", "place:syria"),
        Relation(RelationType.LocatedIn, "place:depot", "place:deir"),
        Relation(RelationType.LocatedIn, "place:erbil", "place:iraq"),
        Relation(RelationType.CarriedOut, "org:pentagon", "event:strikes", ["statement:kirby"]),
        Relation(RelationType.CarriedOut, "org:kh", "event:drones", ["statement:kirby"]),
        Relation(RelationType.RetaliationFor, "event:strikes", "event:drones", ["statement:kirby"], ["statement:militia"]),
        Relation(RelationType.ResponseTo, "event:artillery", "event:rockets", ["statement:monitor"]),
        Relation(RelationType.OccurredIn, "event:strikes", "place:depot"),
        Relation(RelationType.OccurredIn, "event:rockets", "place:deir"),
        Relation(RelationType.OccurredIn, "event:drones", "place:erbil"),
        Relation(RelationType.Targeted, "event:strikes", "org:kh"),
        Relation(RelationType.Used, "org:kh", "place:depot", [], ["statement:militia"]),
        Relation(RelationType.MemberOf, "person:kirby", "org:pentagon"),
        Relation(RelationType.Killed, "event:killing", "person:muhandis"),
        Relation(RelationType.BasedIn, "org:kh", "place:iraq"),
    ];

    public static GraphBatch Batch => new(Nodes, Relations);

    public static Relation Relation(RelationType type, string from, string to, string[]? claimedBy = null, string[]? disputedBy = null) =>
        new(type, from, to, claimedBy ?? [], disputedBy ?? []);
}
