using System.Diagnostics;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>Times a write's steps one after another and reports each as it ends (<see cref="WriteContext.Phases"/>).</summary>
internal sealed class PhaseClock(IProgress<ImportPhase>? phases)
{
    private long started = Stopwatch.GetTimestamp();
    private TimeSpan startedCpu = phases is null ? TimeSpan.Zero : CpuTime();

    /// <summary>Reports the step that ends now, timed from the end of the one before (or from the clock's start).</summary>
    public void Done(string name)
    {
        if (phases is null) return;
        var (now, cpu) = (Stopwatch.GetTimestamp(), CpuTime());
        phases.Report(new ImportPhase(name, Stopwatch.GetElapsedTime(started, now), cpu - startedCpu));
        (started, startedCpu) = (now, cpu);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
