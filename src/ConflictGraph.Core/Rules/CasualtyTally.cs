namespace ConflictGraph.Core.Rules;

/// <summary>
/// A sum of events' killed estimates kept as plain counts and sums, so a store can add it up in
/// its query language (SQL, Cypher) and only this type turns it into an estimate. Tallies add and
/// subtract: the total of a set is the tally of all its events minus the tally of the events whose
/// dead an enclosing event of the set already counts (<see cref="SharedDeaths"/>).
/// </summary>
/// <param name="Counted">Events with figures.</param>
/// <param name="WithBest">Of those, events with a best figure.</param>
/// <param name="OpenEnded">Of those, events whose high is open ('at least seven').</param>
/// <param name="High">The sum of the highs of the events that have one.</param>
public sealed record CasualtyTally(long Counted, long WithBest, long OpenEnded, long Low, long Best, long High)
{
    public static readonly CasualtyTally Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>One event's estimate as a tally: counted when it has figures.</summary>
    public static CasualtyTally Of(CasualtyEstimate estimate) => estimate.HasFigures
        ? new CasualtyTally(1, estimate.Best is null ? 0 : 1, estimate.OpenHigh ? 1 : 0, estimate.Low!.Value, estimate.Best ?? 0, estimate.High ?? 0)
        : Zero;

    /// <summary>The tally of each event some report is about, by the core's estimate rule (<see cref="CasualtyEstimate.Of"/>).</summary>
    public static Dictionary<string, CasualtyTally> ByEvent(IEnumerable<Model.CasualtyReport> reports) =>
        reports.GroupBy(r => r.EventId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(CasualtyEstimate.Of(g)), StringComparer.Ordinal);

    public static CasualtyTally operator +(CasualtyTally a, CasualtyTally b) => new(
        a.Counted + b.Counted, a.WithBest + b.WithBest, a.OpenEnded + b.OpenEnded, a.Low + b.Low, a.Best + b.Best, a.High + b.High);

    public static CasualtyTally operator -(CasualtyTally a, CasualtyTally b) => new(
        a.Counted - b.Counted, a.WithBest - b.WithBest, a.OpenEnded - b.OpenEnded, a.Low - b.Low, a.Best - b.Best, a.High - b.High);

    /// <summary>
    /// The estimate of the summed events: lows and bests add up (a missing best adds nothing, and
    /// best is null when no event has one); high is null when any added high is open; all are null
    /// when no event has figures. A sum too large for an Int is refused rather than wrapped.
    /// </summary>
    public CasualtyEstimate ToEstimate() => Counted <= 0
        ? CasualtyEstimate.None
        : new CasualtyEstimate(checked((int)Low), WithBest <= 0 ? null : checked((int)Best), OpenEnded > 0 ? null : checked((int)High));
}
