using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// People killed, as UCDP's GED gives it: a low, a best and a high estimate. Low is the lowest
/// figure any report allows; high the highest, null when a report is open-ended ('at least
/// seven'); best is chosen by <see cref="BestRule"/>. All three are null when no report gives a figure.
/// </summary>
public sealed record CasualtyEstimate(int? Low, int? Best, int? High)
{
    public static readonly CasualtyEstimate None = new(null, null, null);

    /// <summary>
    /// How best is chosen, in one sentence. UCDP takes the most reliable source's figure and, when
    /// sources cannot be ranked, the lower figure. The graph never ranks its sources (it does not
    /// speak in its own voice), so the lower figure it is; and only a figure some report states
    /// counts, so best is never a number nobody gave (no averages, no midpoints).
    /// </summary>
    public const string BestRule =
        "The lowest figure any report states as its count (its 'N' for 'N', 'at least N' or 'N to M'; a report giving only an upper bound states none), " +
        "after UCDP, which takes the lower figure when sources cannot be ranked by reliability; the graph does not rank its sources.";

    /// <summary>True when some report gave a killed figure.</summary>
    public bool HasFigures => Low is not null;

    /// <summary>True when there are figures but no upper bound: a report is open-ended.</summary>
    public bool OpenHigh => HasFigures && High is null;

    /// <summary>The estimate of one event from its reports' killed figures.</summary>
    public static CasualtyEstimate Of(IEnumerable<CasualtyReport> reports) =>
        reports.Aggregate(Partial.Empty, (partial, report) => partial.With(report)).Estimate;

    /// <summary>
    /// An event's estimate taken one report at a time, so a caller need not hold an event's reports
    /// together (a bulk import folds each report in as it writes it): <see cref="With"/> every report,
    /// in any order, and <see cref="Estimate"/> is <see cref="Of"/> of them all.
    /// </summary>
    public readonly record struct Partial(bool Known, int Low, bool OpenHigh, int High, int? Best)
    {
        public static readonly Partial Empty = default;

        /// <summary>This and one more report: a report without a killed figure changes nothing.</summary>
        public Partial With(CasualtyReport report)
        {
            var killed = report.Killed;
            if (!killed.IsKnown) return this;
            var low = killed.Min ?? 0;
            return new Partial(
                Known: true,
                Low: Known ? Math.Min(Low, low) : low,
                OpenHigh: OpenHigh || killed.Max is null,
                High: killed.Max is { } max && (!Known || max > High) ? max : High,
                Best: killed.Min is { } stated && (Best is null || stated < Best) ? stated : Best);
        }

        public CasualtyEstimate Estimate => Known ? new CasualtyEstimate(Low, Best, OpenHigh ? null : High) : None;
    }

    /// <summary>
    /// The sum of separate events' estimates (whose dead are distinct: see <see cref="SharedDeaths"/>),
    /// by <see cref="CasualtyTally"/>: lows and bests add up, a missing best adds nothing; high is null
    /// when any added high is open.
    /// </summary>
    public static CasualtyEstimate Sum(IEnumerable<CasualtyEstimate> estimates) =>
        estimates.Aggregate(CasualtyTally.Zero, (tally, estimate) => tally + CasualtyTally.Of(estimate)).ToEstimate();
}
