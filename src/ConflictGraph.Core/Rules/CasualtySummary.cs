using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>One statement's casualty report, with the statement that carries it.</summary>
public sealed record ReportedCasualties(string StatementId, CasualtyReport Report);

/// <summary>Casualty figures across sources for one event, and whether they can all be true.</summary>
public sealed record CasualtySummary(IReadOnlyList<ReportedCasualties> Reports)
{
    /// <summary>The lowest lower bound of killed across reports that give a killed figure.</summary>
    public int? KilledMin => Known.Count == 0 ? null : Known.Min(r => r.Min ?? 0);

    /// <summary>The highest upper bound; null when any report is open-ended.</summary>
    public int? KilledMax => Known.Count == 0 || Known.Any(r => r.Max is null) ? null : Known.Max(r => r.Max);

    /// <summary>True when two reports' killed, or injured, ranges share no value.</summary>
    public bool Conflicting => AnyPairConflicts(r => r.Killed) || AnyPairConflicts(r => r.Injured);

    private List<CasualtyRange> Known => Reports.Select(r => r.Report.Killed).Where(r => r.IsKnown).ToList();

    private bool AnyPairConflicts(Func<CasualtyReport, CasualtyRange> range)
    {
        for (var i = 0; i < Reports.Count; i++)
            for (var j = i + 1; j < Reports.Count; j++)
                if (range(Reports[i].Report).Conflicts(range(Reports[j].Report))) return true;
        return false;
    }
}
