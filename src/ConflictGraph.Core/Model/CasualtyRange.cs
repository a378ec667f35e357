namespace ConflictGraph.Core.Model;

/// <summary>
/// A count known to lie in [Min, Max]; a null Min is 0 and a null Max is unbounded.
/// A range with neither bound says nothing and conflicts with nothing.
/// </summary>
public readonly record struct CasualtyRange(int? Min, int? Max)
{
    public bool IsKnown => Min is not null || Max is not null;

    /// <summary>True when both ranges cannot hold at once: they share no value.</summary>
    public bool Conflicts(CasualtyRange other)
    {
        if (!IsKnown || !other.IsKnown) return false;
        var low = Math.Max(Min ?? 0, other.Min ?? 0);
        var high = Math.Min(Max ?? int.MaxValue, other.Max ?? int.MaxValue);
        return low > high;
    }
}
