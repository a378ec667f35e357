namespace ConflictGraph.Cli;

/// <summary>
/// Progress of a large import on stderr: when reading is done, when the write transaction has
/// started, then a line every 10% of the items written, the last saying the commit is under way
/// (a bulk write builds its indexes then, which takes a while on large stores).
/// </summary>
public sealed class ImportProgress(int items, TextWriter error) : IProgress<int>
{
    public const int LargeInput = 10_000;

    private readonly Lock _lock = new();
    private int _nextTenth = -1;

    /// <summary>Null for inputs small enough that progress would only be noise.</summary>
    public static ImportProgress? For(int items, TextWriter error) => items >= LargeInput ? new ImportProgress(items, error) : null;

    public void Read(TimeSpan elapsed) =>
        error.WriteLine($"read {items} nodes and relations in {elapsed.TotalSeconds:F1} s; validating");

    /// <summary>The store reports how many nodes and relations it has written so far.</summary>
    public void Report(int value)
    {
        lock (_lock)
        {
            if (_nextTenth < 0)
            {
                error.WriteLine($"writing {items} nodes and relations in one transaction");
                _nextTenth = 1;
            }
            var tenths = (int)Math.Min(10, (long)value * 10 / Math.Max(1, items));
            if (tenths < _nextTenth) return;
            error.WriteLine(tenths == 10 ? "written 100%; finishing the transaction (indexes, commit)" : $"written {tenths * 10}%");
            _nextTenth = tenths + 1;
        }
    }
}
