using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// The keys a path search orders and groups by, compared where they lie instead of formatted into strings: a path's
/// node ids joined with '/' (<see cref="JoinedIds"/>), and a relation's id (<see cref="SameRelation"/>, with
/// <see cref="RelationKey.Order"/> for its order). A search orders thousands of paths and relations; formatting each key
/// cost a string each time it was asked for.
/// </summary>
internal static class PathKeys
{
    /// <summary>
    /// Relations with the same id: the same type and ends. Ids hold no '[' (FieldChecks), so no two relations of
    /// different types or ends format to one id, and the hash needs no formatted id either.
    /// </summary>
    public static IEqualityComparer<Relation> SameRelation { get; } = new RelationIdentity();

    private sealed class RelationIdentity : IEqualityComparer<Relation>
    {
        public bool Equals(Relation? x, Relation? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Type == y.Type
                && string.Equals(x.FromId, y.FromId, StringComparison.Ordinal) && string.Equals(x.ToId, y.ToId, StringComparison.Ordinal));

        public int GetHashCode(Relation relation) =>
            HashCode.Combine(relation.Type, StringComparer.Ordinal.GetHashCode(relation.FromId), StringComparer.Ordinal.GetHashCode(relation.ToId));
    }
}

/// <summary>
/// Node ids as they read joined with '/': <paramref name="ids"/> (backwards when <paramref name="reversed"/>), with
/// <paramref name="before"/> ahead of them and <paramref name="after"/> behind them when given (an empty
/// <paramref name="after"/> leaves the trailing '/'). <see cref="Compare"/> orders them as <c>string.CompareOrdinal</c>
/// orders the joined strings, none of which is made.
/// </summary>
internal readonly struct JoinedIds(IReadOnlyList<string> ids, string? before = null, string? after = null, bool reversed = false)
{
    private readonly int head = before is null ? 0 : 1;

    /// <summary>How many ids are joined.</summary>
    public int Count => ids.Count + head + (after is null ? 0 : 1);

    public string this[int index] =>
        index < head ? before! : index - head < ids.Count ? ids[reversed ? ids.Count - 1 - (index - head) : index - head] : after!;

    /// <summary>
    /// The sign of <c>string.CompareOrdinal</c> of the two joined strings (negative, zero or positive). Ids hold no '/'
    /// (FieldChecks), so the joined strings first differ within the first pair of ids in the same place that differ
    /// (their first differing character, or where the shorter ends: there the '/' before the next id, or the string's
    /// end); when no pair differs, the one with fewer ids is a start of the other.
    /// </summary>
    public static int Compare(in JoinedIds x, in JoinedIds y)
    {
        var (xCount, yCount) = (x.Count, y.Count);
        for (var i = 0; i < Math.Min(xCount, yCount); i++)
        {
            string a = x[i], b = y[i];
            if (ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal)) continue;
            var length = Math.Min(a.Length, b.Length);
            var order = a.AsSpan(0, length).SequenceCompareTo(b.AsSpan(0, length));
            if (order != 0) return order;
            return After(a, length, i < xCount - 1).CompareTo(After(b, length, i < yCount - 1));
        }
        return xCount.CompareTo(yCount);
    }

    /// <summary>The character of the joined string at <paramref name="at"/> in <paramref name="id"/>: its own, else the '/' after it when another id follows, else -1 for the end.</summary>
    private static int After(string id, int at, bool followed) => at < id.Length ? id[at] : followed ? '/' : -1;
}
