using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>A relation's id, read off its identity: <c>from-[TYPE]->to</c>.</summary>
public static class RelationKey
{
    public static string Format(RelationType type, string fromId, string toId) =>
        $"{fromId}-[{EnumNames.Of(type)}]->{toId}";

    /// <summary>Relations in the ordinal order of their ids (<see cref="Format"/>), compared without formatting an id.</summary>
    public static readonly IComparer<Relation> Order = Comparer<Relation>.Create(Compare);

    /// <summary>
    /// The ordinal comparison of two relations' ids, walked over the id's parts (from id, "-[", type, "]->", to id)
    /// as if they were one string, so it agrees with comparing the formatted ids.
    /// </summary>
    public static int Compare(Relation? x, Relation? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = new Parts(x);
        var b = new Parts(y);
        while (true)
        {
            ReadOnlySpan<char> left = a.Current, right = b.Current;
            if (left.IsEmpty || right.IsEmpty)
            {
                if (a.Done || b.Done) return a.Done ? (b.Done ? 0 : -1) : 1;
                if (left.IsEmpty) a.Next();
                if (right.IsEmpty) b.Next();
                continue;
            }
            var length = Math.Min(left.Length, right.Length);
            var order = left[..length].SequenceCompareTo(right[..length]);
            if (order != 0) return order;
            a.Skip(length);
            b.Skip(length);
        }
    }

    /// <summary>A cursor over the parts of a relation's id.</summary>
    private ref struct Parts(Relation relation)
    {
        private readonly Relation relation = relation;
        private int part;
        public ReadOnlySpan<char> Current = relation.FromId;

        /// <summary>True when the id has no characters left.</summary>
        public readonly bool Done => Current.IsEmpty && part == 4;

        public void Skip(int count) => Current = Current[count..];

        public void Next()
        {
            part++;
            Current = part switch
            {
                1 => "-[",
                2 => EnumNames.Of(relation.Type),
                3 => "]->",
                _ => relation.ToId,
            };
        }
    }

    public static bool TryParse(string id, out RelationType type, out string fromId, out string toId)
    {
        type = default;
        fromId = toId = "";
        var open = id.IndexOf("-[", StringComparison.Ordinal);
        var close = open < 0 ? -1 : id.IndexOf("]->", open, StringComparison.Ordinal);
        if (open <= 0 || close < 0) return false;
        if (!EnumNames.TryParse(id[(open + 2)..close], out type)) return false;
        fromId = id[..open];
        toId = id[(close + 3)..];
        return toId.Length > 0;
    }
}
