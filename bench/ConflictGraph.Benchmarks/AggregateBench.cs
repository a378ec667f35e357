using System.Diagnostics;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>One aggregate's timings beside a hand-written GROUP BY giving its counts, both run in this process on the same file.</summary>
public sealed record AggregateResult(string Name, int Events, int Runs, double P50Milliseconds, double P90Milliseconds, double BaselineP50Milliseconds, int Groups)
{
    public double Ratio => P50Milliseconds / Math.Max(BaselineP50Milliseconds, 1e-6);
}

/// <summary>
/// The store's <see cref="IGraphStore.AggregateEventsAsync"/> called directly (no HTTP, no cache), each
/// against plain SQL over the graph's own tables (nodes, relations) that counts the same groups
/// without the measures, the roll-up or SharedDeaths: the floor of what SQLite can do.
/// </summary>
public static class AggregateBench
{
    public const string CountryMonths = "aggregate: a country's months in a year (filtered)";
    public const string MonthsByKind = "aggregate: all-time months x kind (unfiltered)";
    public const string TopPerpetrators = "aggregate: top perpetrators (unfiltered)";

    private sealed record Case(string Name, IReadOnlyList<EventAggregateQuery> Queries, string Baseline, IReadOnlyList<Action<SqliteCommand>> Bind);

    public static IReadOnlyList<AggregateResult> Run(GraphWorkspace graph, string storePath, BenchOptions options)
    {
        if (!Cases(graph).Any(c => options.Includes(c.Name))) return [];
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath, CreateIfMissing = false });
        using var connection = new SqliteConnection($"Data Source={storePath};Mode=ReadOnly");
        connection.Open();
        var results = new List<AggregateResult>();
        foreach (var test in Cases(graph).Where(c => options.Includes(c.Name)))
        {
            // One warm-up call of each variant, then rounds until the run's time or count is spent.
            var groups = 0;
            foreach (var query in test.Queries) groups = store.AggregateEventsAsync(query, CancellationToken.None).GetAwaiter().GetResult().Groups.Count;
            for (var i = 0; i < test.Bind.Count; i++) Baseline(connection, test, i);
            var ours = Measure(options, i => store.AggregateEventsAsync(test.Queries[i % test.Queries.Count], CancellationToken.None).GetAwaiter().GetResult());
            var floor = Measure(options, i => Baseline(connection, test, i % test.Bind.Count));
            results.Add(new AggregateResult(test.Name, graph.Events, ours.Count, Percentile(ours, 0.5), Percentile(ours, 0.9), Percentile(floor, 0.5), groups));
            Console.WriteLine($"  {test.Name}: p50 {results[^1].P50Milliseconds:F1} ms, p90 {results[^1].P90Milliseconds:F1} ms, " +
                              $"hand-written GROUP BY p50 {results[^1].BaselineP50Milliseconds:F1} ms ({results[^1].Ratio:F1}x), {groups} groups");
        }
        return results;
    }

    private static IEnumerable<Case> Cases(GraphWorkspace graph)
    {
        var world = graph.World;
        var years = Enumerable.Range(0, 4).Select(k => Cli.Generate.GenerationSettings.FirstDay.AddYears(3 + 3 * k)).ToArray();
        var countries = world.Countries.Take(4).Select(c => c.PlaceId).ToArray();
        var variants = countries.Zip(years).ToArray();
        yield return new Case(CountryMonths,
            variants.Select(v => new EventAggregateQuery(new EventSelection(new EventCriteria { PlaceId = v.First, From = v.Second, To = v.Second.AddYears(1).AddDays(-1) }),
                [EventDimension.Time])).ToList(),
            """
            WITH RECURSIVE inside(id) AS (SELECT $place UNION SELECT r.from_id FROM inside CROSS JOIN relations r ON r.to_id = inside.id AND r.type = 'LOCATED_IN')
            SELECT substr(n.date_start, 1, 7), count(*) FROM inside i CROSS JOIN relations o ON o.to_id = i.id AND o.type = 'OCCURRED_IN'
            CROSS JOIN nodes n ON n.id = o.from_id WHERE n.date_end >= $from AND n.date_start <= $to GROUP BY 1
            """,
            variants.Select(v => (Action<SqliteCommand>)(c =>
            {
                c.Parameters.AddWithValue("$place", v.First);
                c.Parameters.AddWithValue("$from", InputText.FormatDate(v.Second));
                c.Parameters.AddWithValue("$to", InputText.FormatDate(v.Second.AddYears(1).AddDays(-1)));
            })).ToList());
        yield return new Case(MonthsByKind, [new EventAggregateQuery(EventSelection.All, [EventDimension.Time, EventDimension.Kind])],
            "SELECT substr(date_start, 1, 7), sub_kind, count(*) FROM nodes WHERE kind = 'EVENT' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 100", [_ => { }]);
        yield return new Case(TopPerpetrators, [new EventAggregateQuery(EventSelection.All, [EventDimension.Perpetrator], First: 10)],
            "SELECT from_id, count(*) FROM relations WHERE type = 'CARRIED_OUT' GROUP BY from_id ORDER BY 2 DESC LIMIT 10", [_ => { }]);
    }

    private static int Baseline(SqliteConnection connection, Case test, int variant)
    {
        using var command = connection.CreateCommand();
        command.CommandText = test.Baseline;
        test.Bind[variant](command);
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

    private static List<double> Measure(BenchOptions options, Action<int> run)
    {
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        while (times.Count < 5 || (times.Count < options.AggregateRuns && budget.Elapsed < options.Duration))
        {
            var clock = Stopwatch.StartNew();
            run(times.Count);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
