using ConflictGraph.Core.Paging;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// The queries, with variants picked deterministically from the generated world: 64 fixed
/// ones when repeated, or every event, group, country and month of the graph when spread.
/// </summary>
public static class QueryCatalog
{
    private const int Repeated = 64;

    /// <summary>The queries a run measures in this mode: the floor, and those its --only names.</summary>
    public static IReadOnlyList<BenchQuery> Measured(GraphWorkspace graph, BenchMode mode, BenchOptions options) =>
        For(graph, mode).Where(q => q.Name == BenchQuery.Floor || options.Includes(q.Name)).ToList();

    public static IReadOnlyList<BenchQuery> For(GraphWorkspace graph, BenchMode mode)
    {
        var world = graph.World;
        var spread = mode != BenchMode.Repeated;
        // Every event of the graph when spread; 64 evenly spaced ones when repeated.
        var eventCount = spread ? graph.Events : Repeated;
        string Event(int i) => $"event:e{1 + (spread ? BenchQuery.Scrambled(i, graph.Events) : (long)i * graph.Events / Repeated):D7}";
        var groups = spread ? world.Groups : world.Groups.Take(Repeated).ToList();
        var group = (int i) => groups[BenchQuery.Scrambled(i, groups.Count)];
        var months = spread ? Cli.Generate.GenerationSettings.SpanDays / 30 : 12;
        var firstMonth = Cli.Generate.GenerationSettings.FirstDay.AddYears(spread ? 0 : 7);
        var countries = spread ? world.Countries.Count : 1;
        // Pages after a spread of positions: an event id for retaliations, a group for actors (the first page when repeated).
        string? RetaliationsAfter(int i) => spread ? Cursor.Encode($"r:{Event(i)}", Event(i)) : null;
        string? ActorsAfter(int i) => spread ? Cursor.Encode($"i:{group(i).Id}", group(i).Id) : null;

        return
        [
            BenchQuery.Get(BenchQuery.Floor, eventCount, i => $"/floor/nodes/{Uri.EscapeDataString(Event(i))}"),
            BenchQuery.GraphQL(BenchQuery.Lookup,
                "query Lookup($id: ID!) { node(id: $id) { id ... on Event { title kind description date { start end precision at text } } } }",
                eventCount, i => new { id = Event(i) }),
            BenchQuery.GraphQL(BenchQuery.TwoLevel,
                """
                query EventFacts($id: ID!) { node(id: $id) { id ... on Event { title kind date { start end precision }
                  perpetrators { id name } place { id name kind } statements { id text stance } } } }
                """,
                eventCount, i => new { id = Event(i) }),
            BenchQuery.GraphQL(BenchQuery.ThreeLevel,
                """
                query Retaliations($first: Int!, $after: String) { retaliations(first: $first, after: $after) { totalCount edges { cursor node { id status
                  from { id ... on Event { title } } to { id ... on Event { title } }
                  claimedBy { id text speaker { id name } } disputedBy { id text speaker { id name } } } } } }
                """,
                spread ? eventCount : 1, i => new { first = 20, after = RetaliationsAfter(i) }),
            BenchQuery.GraphQL(BenchQuery.Search,
                "query Find($text: String!) { search(text: $text, first: 10) { score node { id ... on Organization { name } ... on Event { title } } } }",
                groups.Count, i => new { text = string.Join(' ', group(i).Name.Split(' ').Take(2)) }),
            BenchQuery.GraphQL(BenchQuery.PathsBetweenActors,
                "query Connect($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxDepth: 3, first: 3) { length nodes { id } relations { type } } }",
                groups.Count, i => new { from = group(i).Id, to = world.Countries[group(i).Country].MilitaryId }),
            BenchQuery.GraphQL(BenchQuery.EventsInCountry,
                """
                query InCountry($place: ID!, $from: Date!, $to: Date!) { events(filter: { placeId: $place, from: $from, to: $to }, first: 20) {
                  totalCount nodes { id title date { start end precision } } } }
                """,
                months * countries, i =>
                {
                    var k = BenchQuery.Scrambled(i, months * countries);
                    var month = firstMonth.AddMonths(k / countries);
                    return new { place = world.Countries[k % countries].PlaceId, from = Iso(month), to = Iso(month.AddMonths(1).AddDays(-1)) };
                }),
            BenchQuery.GraphQL(BenchQuery.ActorStatements,
                "query Speakers($after: String) { actors(first: 20, after: $after) { nodes { id name statements(first: 5) { totalCount nodes { id } } } } }",
                spread ? groups.Count : 1, i => new { after = ActorsAfter(i) }),
        ];
    }

    private static string Iso(DateOnly day) => ConflictGraph.Core.Import.InputText.FormatDate(day);
}
