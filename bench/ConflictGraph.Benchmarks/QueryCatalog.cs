namespace ConflictGraph.Benchmarks;

/// <summary>The queries, with ids picked deterministically from the generated world.</summary>
public static class QueryCatalog
{
    private const int Spread = 64;

    public static IReadOnlyList<BenchQuery> For(GraphWorkspace graph)
    {
        var world = graph.World;
        var events = Enumerable.Range(0, Spread).Select(k => $"event:e{1 + (long)k * graph.Events / Spread:D7}").ToArray();
        var groups = world.Groups.Take(Spread).ToArray();
        var country = world.Countries[0];
        var months = Enumerable.Range(0, 12).Select(m => Cli.Generate.GenerationSettings.FirstDay.AddYears(7).AddMonths(m)).ToArray();

        return
        [
            BenchQuery.Get(BenchQuery.Floor, events.Select(id => $"/floor/nodes/{Uri.EscapeDataString(id)}")),
            BenchQuery.GraphQL(BenchQuery.Lookup,
                "query Lookup($id: ID!) { node(id: $id) { id ... on Event { title kind description date { start end precision at text } } } }",
                events.Select(id => new { id })),
            BenchQuery.GraphQL(BenchQuery.TwoLevel,
                """
                query EventFacts($id: ID!) { node(id: $id) { id ... on Event { title kind date { start end precision }
                  perpetrators { id name } place { id name kind } statements { id text stance } } } }
                """,
                events.Select(id => new { id })),
            BenchQuery.GraphQL(BenchQuery.ThreeLevel,
                """
                query Retaliations($first: Int!) { retaliations(first: $first) { totalCount edges { cursor node { id status
                  from { id ... on Event { title } } to { id ... on Event { title } }
                  claimedBy { id text speaker { id name } } disputedBy { id text speaker { id name } } } } } }
                """,
                [new { first = 20 }]),
            BenchQuery.GraphQL(BenchQuery.Search,
                "query Find($text: String!) { search(text: $text, first: 10) { score node { id ... on Organization { name } ... on Event { title } } } }",
                groups.Select(g => new { text = g.Name.Split(' ')[0] + " " + g.Name.Split(' ')[1] })),
            BenchQuery.GraphQL(BenchQuery.PathsBetweenActors,
                "query Connect($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxDepth: 3, first: 3) { length nodes { id } relations { type } } }",
                groups.Select(g => new { from = g.Id, to = world.Countries[g.Country].MilitaryId })),
            BenchQuery.GraphQL(BenchQuery.EventsInCountry,
                """
                query InCountry($place: ID!, $from: Date!, $to: Date!) { events(filter: { placeId: $place, from: $from, to: $to }, first: 20) {
                  totalCount nodes { id title date { start end precision } } } }
                """,
                months.Select(m => new { place = country.PlaceId, from = Iso(m), to = Iso(m.AddMonths(1).AddDays(-1)) })),
        ];
    }

    private static string Iso(DateOnly day) => ConflictGraph.Core.Import.InputText.FormatDate(day);
}
