using System.Globalization;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Cli;

/// <summary>
/// Progress of a large import on stderr. On a terminal: a bar redrawn in place at most every
/// <see cref="RedrawEvery"/>, with items written, items/s and the time left at that rate. Elsewhere
/// (a log, a pipe): a plain line when the input is counted and at every tenth written, each with the
/// rate and time left. The last says the commit is under way: a bulk write builds its indexes then,
/// and each step of that is a line with its time as it ends.
/// </summary>
public sealed class ImportProgress : IProgress<int>
{
    public const int LargeInput = 10_000;
    public static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);
    private const int BarWidth = 30;

    private readonly TextWriter error;
    private readonly bool live;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly long items;
    private long started;
    private long lastDrawn;
    private int nextTenth = 1;
    private bool finished;

    private ImportProgress(long items, TextWriter error, bool live, TimeProvider clock)
    {
        this.items = items;
        this.error = error;
        this.live = live;
        this.clock = clock;
    }

    /// <summary>Null for inputs small enough that progress would only be noise.</summary>
    /// <param name="live">Draw a bar in place (stderr is a terminal) rather than print lines.</param>
    public static ImportProgress? For(long items, TextWriter error, bool live, TimeProvider? clock = null) =>
        items >= LargeInput ? new ImportProgress(items, error, live, clock ?? TimeProvider.System) : null;

    /// <summary>Whether <paramref name="error"/> is the process's stderr and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>The input is counted; the pass that validates and writes it starts now.</summary>
    public void Counted(string size, TimeSpan elapsed)
    {
        lock (gate)
        {
            error.WriteLine($"counted {size} in {Seconds(elapsed)}; validating and writing {items.ToString("N0", CultureInfo.InvariantCulture)} items in one transaction");
            started = lastDrawn = clock.GetTimestamp();
        }
    }

    /// <summary>The store reports how many items it has written so far.</summary>
    public void Report(int value)
    {
        lock (gate)
        {
            if (finished) return;
            if (started == 0) started = lastDrawn = clock.GetTimestamp();
            var done = value >= items;
            if (live)
            {
                if (!done && clock.GetElapsedTime(lastDrawn) < RedrawEvery) return;
                lastDrawn = clock.GetTimestamp();
                error.Write($"\r{Bar(value)}");
                if (done) error.WriteLine();
            }
            else
            {
                var tenths = (int)Math.Min(10, value * 10 / Math.Max(1, items));
                if (tenths < nextTenth) return;
                nextTenth = tenths + 1;
                if (!done) error.WriteLine($"written {tenths * 10}% ({Rate(value)})");
            }
            if (!done) return;
            finished = true;
            error.WriteLine($"written {items.ToString("N0", CultureInfo.InvariantCulture)} items in {Seconds(clock.GetElapsedTime(started))}; finishing the transaction (indexes, commit)");
        }
    }

    /// <summary>A step of the write has ended (the rows, then each step of finishing the transaction): one line with its time.</summary>
    public void Phase(ImportPhase phase)
    {
        lock (gate)
        {
            // A bar still drawn in place (rows reported short of the total) gets its own line first.
            if (live && !finished) error.WriteLine();
            error.WriteLine($"  {phase.Name}: {Seconds(phase.Elapsed)} ({Seconds(phase.CpuTime)} CPU)");
        }
    }

    private string Bar(long value)
    {
        var filled = (int)(BarWidth * Math.Min(value, items) / Math.Max(1, items));
        var percent = 100 * Math.Min(value, items) / Math.Max(1, items);
        return string.Create(CultureInfo.InvariantCulture,
            $"writing [{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}% {value:N0}/{items:N0} items, {Rate(value)}   ");
    }

    /// <summary>"31,204 items/s, 1m29s left" at the rate so far.</summary>
    private string Rate(long value)
    {
        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        if (seconds <= 0 || value <= 0) return "starting";
        var rate = value / seconds;
        var left = TimeSpan.FromSeconds(Math.Max(0, (items - value) / rate));
        return string.Create(CultureInfo.InvariantCulture, $"{rate:N0} items/s, {(left.TotalHours >= 1 ? $"{(int)left.TotalHours}h{left.Minutes:D2}m" : $"{left.Minutes}m{left.Seconds:D2}s")} left");
    }

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s");
}
