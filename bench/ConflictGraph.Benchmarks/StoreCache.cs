using System.Globalization;

namespace ConflictGraph.Benchmarks;

/// <summary>How a size's store meets its rows (<c>--store-cache</c>).</summary>
public enum StoreCachePolicy
{
    /// <summary>Read through the OS cache at the size's start and again right before each mode's rows: the store a service in use keeps warm.</summary>
    Read,
    /// <summary>As the runs before left it: after the 10k rows, a 1M store is partly paged out again.</summary>
    AsLeft,
}

/// <summary>What the page cache held of the store, or why that could not be read (not Linux, no such file).</summary>
public sealed record CacheReading(CacheResidency? Residency, string? Unreadable)
{
    public static CacheReading Of(string path)
    {
        try { return new(PageCache.Residency(path), null); }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException) { return new(null, e.Message); }
    }

    public override string ToString() => Residency is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{r.Share * 100:F1}% of {Gib(r.FileBytes)}")
        : $"unreadable: {Unreadable}";

    public static string Gib(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):F1} MiB");
}

/// <summary>
/// One stretch of a size's runs: the page cache's hold on the store when it began (<see cref="Found"/>), the read through it
/// under <see cref="StoreCachePolicy.Read"/>, the hold once the rows began, and at their end.
/// </summary>
/// <param name="Mode">The mode whose rows these are; null for the size's start (its probes and the cold burst).</param>
public sealed record StoreCacheStep(int Events, BenchMode? Mode, CacheReading Found, ReadThrough? Read, CacheReading Start, CacheReading? End = null)
{
    public string Rows => Mode is { } mode ? Targets.Name(mode) : "the size's start (probes, cold burst)";
}

/// <summary>The store's cache state through one size's runs, read and (by the policy) refreshed before each stretch of rows.</summary>
public sealed class StoreCache(int events, string store, StoreCachePolicy policy)
{
    private readonly List<StoreCacheStep> steps = [];

    public IReadOnlyList<StoreCacheStep> Steps => steps;

    /// <summary>Reads the cache's hold, reads the store through under <see cref="StoreCachePolicy.Read"/>, and reads the hold again.</summary>
    public async Task BeginAsync(BenchMode? mode, CancellationToken cancellationToken)
    {
        var found = CacheReading.Of(store);
        var read = policy == StoreCachePolicy.Read ? await PageCache.ReadThroughAsync(store, cancellationToken) : null;
        var step = new StoreCacheStep(events, mode, found, read, read is null ? found : CacheReading.Of(store));
        steps.Add(step);
        Console.WriteLine($"  [OS cache, {step.Rows}] found {found}" +
                          (read is null ? "; not read (as left)" : $"; read {CacheReading.Gib(read.Bytes)} in {read.Elapsed.TotalSeconds:F1} s: {step.Start}"));
    }

    /// <summary>The hold once the stretch's rows are done.</summary>
    public void End()
    {
        var end = CacheReading.Of(store);
        steps[^1] = steps[^1] with { End = end };
        Console.WriteLine($"  [OS cache, {steps[^1].Rows}] at the end: {end}");
    }
}
