using System.Globalization;

namespace ConflictGraph.Benchmarks;

/// <summary>Issue 11's targets, checked against one run; each line says met or missed, and by how much.</summary>
public static class Targets
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEnumerable<string> Check(IReadOnlyList<LoadResult> loads)
    {
        var plain = loads.Where(l => l.Scenario is null && l.Requests > 0).ToList();
        var sizes = plain.Select(l => l.Events).Distinct().Order().ToArray();
        if (sizes.Length == 0) yield break;
        var (small, large) = (sizes[0], sizes[^1]);
        foreach (var mode in new[] { BenchMode.Spread, BenchMode.Uncached })
        {
            if (Find(plain, BenchQuery.TwoLevel, large, mode) is not { } twoLevel) continue;
            yield return Line(twoLevel.P50Milliseconds <= 3.0,
                $"{Name(mode)} 2-level p50 at {large:N0} events: {Ms(twoLevel.P50Milliseconds)} ms (target <= 3 ms)");
            if (sizes.Length > 1 && Find(plain, BenchQuery.TwoLevel, small, mode) is { } smaller)
                yield return Growth(twoLevel, smaller, mode);
        }
        if (sizes.Length > 1)
            foreach (var at in plain.Where(l => l.Events == large && l.Mode == BenchMode.Uncached && l.Query != BenchQuery.TwoLevel))
                if (Find(plain, at.Query, small, BenchMode.Uncached) is { } smaller) yield return Growth(at, smaller, BenchMode.Uncached);
        foreach (var size in sizes)
            foreach (var mode in Enum.GetValues<BenchMode>())
                if (Find(plain, BenchQuery.Floor, size, mode) is { } floor && Find(plain, BenchQuery.Lookup, size, mode) is { } lookup)
                {
                    var ratio = lookup.RequestsPerSecond / floor.RequestsPerSecond;
                    yield return Line(ratio >= 0.5, $"{Name(mode)} node lookup at {size:N0} events: {ratio:P0} of the floor's req/s (target >= 50%)");
                }
    }

    private static string Growth(LoadResult large, LoadResult small, BenchMode mode)
    {
        var growth = large.P50Milliseconds / Math.Max(small.P50Milliseconds, 1e-9);
        return Line(growth <= 1.5, $"{Name(mode)} p50 of '{large.Query}' at {large.Events:N0} vs {small.Events:N0} events: " +
                                   $"{Ms(large.P50Milliseconds)} vs {Ms(small.P50Milliseconds)} ms, {growth.ToString("F2", Invariant)}x (target <= 1.5x)");
    }

    public static string Name(BenchMode mode) => mode switch
    {
        BenchMode.Repeated => "repeated",
        BenchMode.Spread => "spread",
        _ => "uncached",
    };

    private static string Ms(double milliseconds) => milliseconds.ToString("F2", Invariant);

    public static LoadResult? Find(IEnumerable<LoadResult> loads, string query, int size, BenchMode mode) =>
        loads.FirstOrDefault(l => l.Query == query && l.Events == size && l.Mode == mode && l.Scenario is null && l.Requests > 0);

    private static string Line(bool met, string text) => $"- {(met ? "met" : "MISSED")}: {text}";
}
