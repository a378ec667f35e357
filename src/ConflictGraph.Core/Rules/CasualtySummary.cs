using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>One statement's casualty report, with the statement that carries it.</summary>
public sealed record ReportedCasualties(string StatementId, CasualtyReport Report);

/// <summary>
/// Casualty figures across sources for one event, whether they can all be true, and the UCDP-style
/// estimate. <paramref name="SharedWithRelated"/>: a PART_OF relative reports figures too (see <see cref="SharedDeaths"/>).
/// </summary>
public sealed record CasualtySummary(IReadOnlyList<ReportedCasualties> Reports, bool SharedWithRelated = false)
{
    /// <summary>The lowest lower bound of killed across reports that give a killed figure.</summary>
    public int? KilledMin => Estimate.Low;

    /// <summary>The highest upper bound; null when any report is open-ended.</summary>
    public int? KilledMax => Estimate.High;

    public CasualtyEstimate Estimate => CasualtyEstimate.Of(Reports.Select(r => r.Report));

    /// <summary>True when two reports' killed, or injured, ranges share no value.</summary>
    public bool Conflicting => AnyPairConflicts(r => r.Killed) || AnyPairConflicts(r => r.Injured);

    private bool AnyPairConflicts(Func<CasualtyReport, CasualtyRange> range)
    {
        for (var i = 0; i < Reports.Count; i++)
            for (var j = i + 1; j < Reports.Count; j++)
                if (range(Reports[i].Report).Conflicts(range(Reports[j].Report))) return true;
        return false;
    }
}
