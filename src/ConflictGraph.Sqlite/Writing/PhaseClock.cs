using System.Diagnostics;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>Times a write's steps one after another and reports each as it ends (<see cref="WriteContext.Phases"/>).</summary>
internal sealed class PhaseClock(IProgress<ImportPhase>? phases)
{
    private long started = Stopwatch.GetTimestamp();

    /// <summary>Reports the step that ends now, timed from the end of the one before (or from the clock's start).</summary>
    public void Done(string name)
    {
        var now = Stopwatch.GetTimestamp();
        phases?.Report(new ImportPhase(name, Stopwatch.GetElapsedTime(started, now)));
        started = now;
    }
}
