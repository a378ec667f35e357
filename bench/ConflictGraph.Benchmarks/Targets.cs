using System.Globalization;

namespace ConflictGraph.Benchmarks;

/// <summary>Issue 5's targets, checked against one run; each line says met or missed, and by how much.</summary>
public static class Targets
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEnumerable<string> Check(IReadOnlyList<LoadResult> loads, IReadOnlyList<ImportMeasure> imports)
    {
        var sizes = loads.Select(l => l.Events).Distinct().Order().ToArray();
        foreach (var size in sizes)
        {
            var floor = Find(loads, BenchQuery.Floor, size);
            var lookup = Find(loads, BenchQuery.Lookup, size);
            if (floor is { Requests: > 0 } && lookup is { Requests: > 0 })
            {
                var ratio = lookup.RequestsPerSecond / floor.RequestsPerSecond;
                yield return Line(ratio >= 0.5, $"node lookup at {size:N0} events: {ratio:P0} of the floor's req/s (target >= 50%)");
            }
        }
        if (sizes.Length > 0 && Find(loads, BenchQuery.TwoLevel, sizes[^1]) is { Requests: > 0 } twoLevel)
            yield return Line(twoLevel.P50Milliseconds <= 1.0,
                $"2-level p50 at {sizes[^1]:N0} events: {twoLevel.P50Milliseconds.ToString("F2", Invariant)} ms (target <= 1 ms)");
        if (sizes.Length > 1)
        {
            foreach (var large in loads.Where(l => l.Events == sizes[^1] && l.Requests > 0))
            {
                if (Find(loads, large.Query, sizes[0]) is not { Requests: > 0 } small || small.P50Milliseconds <= 0) continue;
                var growth = large.P50Milliseconds / small.P50Milliseconds;
                yield return Line(growth <= 1.5,
                    $"p50 of '{large.Query}' at {sizes[^1]:N0} vs {sizes[0]:N0} events: {growth.ToString("F2", Invariant)}x (target <= 1.5x)");
            }
        }
        foreach (var import in imports.Where(i => !i.Reused))
            yield return Line(import.ItemsPerSecond >= 50_000,
                $"import of {import.Events:N0} events: {import.ItemsPerSecond:N0} nodes+relations/s (target >= 50,000/s)");
    }

    private static LoadResult? Find(IReadOnlyList<LoadResult> loads, string query, int size) =>
        loads.FirstOrDefault(l => l.Query == query && l.Events == size);

    private static string Line(bool met, string text) => $"- {(met ? "met" : "MISSED")}: {text}";
}
