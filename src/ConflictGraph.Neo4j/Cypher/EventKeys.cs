using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// Cypher for what aggregates read of one event (a variable): its keys in each dimension as a list
/// (<see cref="GroupKeys.None"/> alone when it has none), whether its date lies in its bucket, whether
/// a relation or fact about it is contested. The rules are the core's (<see cref="TimeBuckets"/>,
/// <see cref="ClaimStatusRule.Contested"/>, the coding table through <c>$acled</c>); the conformance
/// suite holds this Cypher to them. Dates are ISO text properties; <c>date.truncate</c> gives the first
/// day of a week (its Monday, as ISO 8601 has it), month, quarter or year, as in the openCypher TCK
/// (tck/features/TemporalTruncateAcceptance.feature: 'week' of 1984-10-11 is 1984-10-08, 'quarter' of
/// 1984-11-11 is 1984-10-01), and <c>toString</c> of a date is its ISO text.
/// </summary>
public static class EventKeys
{
    private static string Type(RelationType type) => RelationshipTypes.Of(type);

    /// <summary>The first day of the bucket of the ISO date in <paramref name="date"/> (an expression), as ISO text.</summary>
    public static string Start(TimeBucket bucket, string date) => bucket switch
    {
        TimeBucket.Day => date,
        TimeBucket.Week => $"toString(date.truncate('week', date({date})))",
        TimeBucket.Month => $"toString(date.truncate('month', date({date})))",
        TimeBucket.Quarter => $"toString(date.truncate('quarter', date({date})))",
        TimeBucket.Year => $"toString(date.truncate('year', date({date})))",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>True when the event is undated or its range reaches past the bucket of its start.</summary>
    public static string Imprecise(TimeBucket bucket, string e) =>
        $"({e}.dateStart IS NULL OR {Start(bucket, $"{e}.dateEnd")} <> {Start(bucket, $"{e}.dateStart")})";

    /// <summary>True when a relation of the event, either way, or a fact about it has a contested status (<c>$contested</c>).</summary>
    public static string Disputed(string e) =>
        $"(EXISTS {{ MATCH ({e})-[r:{RelationshipTypes.AnyOf(null)}]-(:{Labels.Node}) WHERE r.status IN $contested }} " +
        $"OR EXISTS {{ MATCH ({e})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact}) WHERE f.status IN $contested }})";

    /// <summary>The event's keys in the dimension, as a Cypher list: <see cref="Found"/>, or the none key alone.</summary>
    public static string Of(EventDimension dimension, TimeBucket bucket, string e) => OrNone(Found(dimension, bucket, e));

    /// <summary>The event's keys in the dimension as found (empty for an event without perpetrators, targets or places of the level).</summary>
    public static string Found(EventDimension dimension, TimeBucket bucket, string e) => dimension switch
    {
        EventDimension.Time => $"[CASE WHEN {e}.dateStart IS NULL THEN '{GroupKeys.None}' ELSE {Start(bucket, $"{e}.dateStart")} END]",
        EventDimension.Kind => $"[{e}.subKind]",
        EventDimension.AcledEventType => $"[coalesce($acled[{e}.subKind], '{GroupKeys.None}')]",
        EventDimension.Perpetrator => $"COLLECT {{ MATCH (x:{Labels.Node})-[:{Type(RelationType.CarriedOut)}]->({e}) RETURN DISTINCT x.id AS id }}",
        EventDimension.Target => $"COLLECT {{ MATCH ({e})-[:{Type(RelationType.Targeted)}]->(x:{Labels.Node}) RETURN DISTINCT x.id AS id }}",
        // Each place of the level the event's places lie in, at any depth (a place of the level is in itself).
        EventDimension.Place =>
            $"COLLECT {{ MATCH ({e})-[:{Type(RelationType.OccurredIn)}]->(:{Labels.Of(NodeKind.Place)})" +
            $"-[:{Type(RelationType.LocatedIn)}*0..{TraversalLimits.MaxContainmentDepth}]->(x:{Labels.Of(NodeKind.Place)}) " +
            "WHERE x.subKind = $level RETURN DISTINCT x.id AS id }",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The list, or the none key alone when it is empty (<paramref name="list"/> is read twice: give a variable where it is costly).</summary>
    public static string OrNone(string list) => $"CASE WHEN size({list}) = 0 THEN ['{GroupKeys.None}'] ELSE {list} END";
}
