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
    public static CasualtyEstimate Of(IEnumerable<CasualtyReport> reports)
    {
        var known = reports.Select(r => r.Killed).Where(k => k.IsKnown).ToList();
        if (known.Count == 0) return None;
        var low = known.Min(k => k.Min ?? 0);
        var high = known.Any(k => k.Max is null) ? (int?)null : known.Max(k => k.Max!.Value);
        var stated = known.Where(k => k.Min is not null).Select(k => k.Min!.Value).ToList();
        return new CasualtyEstimate(low, stated.Count == 0 ? null : stated.Min(), high);
    }

    /// <summary>
    /// The sum of separate events' estimates (whose dead are distinct: see <see cref="SharedDeaths"/>),
    /// by <see cref="CasualtyTally"/>: lows and bests add up, a missing best adds nothing; high is null
    /// when any added high is open.
    /// </summary>
    public static CasualtyEstimate Sum(IEnumerable<CasualtyEstimate> estimates) =>
        estimates.Aggregate(CasualtyTally.Zero, (tally, estimate) => tally + CasualtyTally.Of(estimate)).ToEstimate();
}
