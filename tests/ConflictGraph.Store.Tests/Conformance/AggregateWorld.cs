using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// What aggregates need beyond <see cref="TestWorld"/> and <see cref="ClaimsWorld"/>: a clash on the
/// border counted in Iraq and in Syria, carried out by two groups, dated within a few days across a
/// month's end; and a protest nobody dated or placed.
/// </summary>
public static class AggregateWorld
{
    public static IReadOnlyList<Node> Nodes =>
    [
        new Event("event:border-clash", "A clash on the border", EventKind.ArmedClash, null,
            new FuzzyDate(new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 2), DatePrecision.Days)),
        new Event("event:protest", "A protest", EventKind.Protest, null, null),
    ];

    public static IReadOnlyList<Relation> Relations =>
    [
        TestWorld.Relation(RelationType.OccurredIn, "event:border-clash", "place:erbil"),
        TestWorld.Relation(RelationType.OccurredIn, "event:border-clash", "place:deir"),
        TestWorld.Relation(RelationType.CarriedOut, "org:kh", "event:border-clash"),
        TestWorld.Relation(RelationType.CarriedOut, "org:pmf", "event:border-clash"),
    ];

    public static GraphBatch Batch => new(Nodes, Relations);
}
