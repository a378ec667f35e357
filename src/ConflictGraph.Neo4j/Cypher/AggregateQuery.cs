using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// The one statement of an aggregate: the events the list's filter finds (<see cref="FindQuery"/>, the
/// same fragments), each with its keys in every dimension (<see cref="EventKeys"/>), one row per group
/// it is in plus one for the total (keys null), grouped and counted in the database, the total first,
/// then the groups largest first and by key, at most First of them. Killed estimates: each group sums
/// its events' tallies (<see cref="Properties.EventTally"/>) and, apart, the tallies of the events
/// <see cref="SharedDeaths"/> leaves out (an enclosing event of the same group has figures); the core
/// takes the difference. The enclosing events that count are found once per statement: the ancestors
/// with figures of the selected parts with figures, kept when they pass the same filter.
/// </summary>
public sealed class AggregateQuery
{
    private static string Event => Labels.Of(NodeKind.Event);
    private static string PartOf => RelationshipTypes.Of(RelationType.PartOf);
    private static readonly string[] Measures = ["counted", "withBest", "openEnded", "low", "best", "high"];

    private readonly EventAggregateQuery query;
    private readonly FindQuery find;

    public AggregateQuery(EventAggregateQuery query)
    {
        this.query = query;
        find = FindQuery.ForNodes(query.Events.ToNodeQuery());
        Parameters = new Dictionary<string, object?>(find.Parameters)
        {
            ["level"] = EnumNames.Of(query.PlaceLevel),
            // The total's row and the First largest groups.
            ["limit"] = query.First + 1,
            ["contested"] = ClaimStatusRule.Contested.Select(EnumNames.Of).ToList(),
            ["acled"] = GroupKeys.AcledEventTypes,
        };
        Text = Build();
    }

    public string Text { get; }

    public Dictionary<string, object?> Parameters { get; }

    private string Build()
    {
        var dimensions = query.GroupBy;
        var keyLists = dimensions.Select((d, i) => $"{EventKeys.Found(d, query.Bucket, "n")} AS k{i}");
        var tuples = "[[]]";
        for (var i = 0; i < dimensions.Count; i++) tuples = $"reduce(acc = [], t IN {tuples} | acc + [g IN {EventKeys.OrNone($"k{i}")} | t + [g]])";
        var sameGroup = dimensions.Count == 0 ? "true"
            : string.Join(" AND ", dimensions.Select((d, i) => $"keys[{i}] IN {EventKeys.Of(d, query.Bucket, "a")}"));
        var tally = Properties.EventTally;
        var sums = string.Join(", ", tally.Select((p, i) => $"sum(n.{p}) AS {Measures[i]}"));
        var leftOut = string.Join(", ", tally.Select((p, i) => $"sum(CASE WHEN leftOut THEN n.{p} ELSE 0 END) AS f_{Measures[i]}"));
        var order = string.Concat(Enumerable.Range(0, dimensions.Count).Select(i => $", keys[{i}]"));
        var labels = dimensions.Select((d, i) => GroupKeys.IsNode(d)
            ? $"CASE WHEN keys IS NULL OR keys[{i}] = '' THEN null ELSE head(COLLECT {{ MATCH (x:{Labels.Node} {{id: keys[{i}]}}) RETURN x.label AS label }}) END"
            : "null");
        // With words, the matches (textIds) are found first and imported where the events are selected.
        var matched = find.MatchesText
            ? $"{find.TextMatches}CALL (textIds) {{ {Selected()} RETURN collect(n) AS matched }} CALL (matched, textIds) "
            : $"{Selected()} WITH collect(n) AS matched CALL (matched) ";
        return matched +
               $"{{ UNWIND matched AS part WITH part WHERE part.{tally[0]} > 0 " +
               $"MATCH (part:{Event})-[:{PartOf}*1..{TraversalLimits.MaxPartOfDepth}]->(n:{Event}) WHERE n.{tally[0]} > 0 WITH DISTINCT n " +
               $"{Selected()} RETURN collect(n) AS elders }} " +
               "UNWIND matched AS n " +
               $"WITH n, CASE WHEN n.{tally[0]} > 0 AND size(elders) > 0 " +
               $"THEN [a IN COLLECT {{ MATCH (n)-[:{PartOf}*1..{TraversalLimits.MaxPartOfDepth}]->(a:{Event}) RETURN DISTINCT a }} WHERE a IN elders] ELSE [] END AS enclosing" +
               string.Concat(keyLists.Select(k => $", {k}")) + " " +
               $"UNWIND [null] + {(dimensions.Count == 0 ? "[]" : tuples)} AS keys " +
               "WITH n, keys, CASE WHEN size(enclosing) = 0 THEN false WHEN keys IS NULL THEN true " +
               $"ELSE any(a IN enclosing WHERE {sameGroup}) END AS leftOut " +
               $"WITH keys, count(n) AS events, sum(CASE WHEN {EventKeys.Imprecise(query.Bucket, "n")} THEN 1 ELSE 0 END) AS imprecise, " +
               $"sum(CASE WHEN {EventKeys.Disputed("n")} THEN 1 ELSE 0 END) AS disputed, " +
               $"sum(CASE WHEN n.{tally[0]} IS NULL THEN 1 ELSE 0 END) AS untallied, {sums}, {leftOut} " +
               $"ORDER BY keys IS NULL DESC, events DESC{order} LIMIT $limit " +
               $"RETURN keys, [{string.Join(", ", labels)}] AS labels, events, imprecise, disputed, untallied, " +
               string.Join(", ", Measures.Concat(Measures.Select(m => $"f_{m}")));
    }

    /// <summary>The selected events as n, as the events list finds them (n bound already works too: then it checks).</summary>
    private string Selected() => $"{find.Match} WITH DISTINCT n WHERE {find.Where}";

    /// <summary>The names of a row's measures: the group's tally, then the left-out tally.</summary>
    public static IReadOnlyList<string> TallyFields { get; } = Measures;
}
