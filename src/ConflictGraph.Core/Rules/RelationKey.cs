using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>A relation's id, read off its identity: <c>from-[TYPE]->to</c>.</summary>
public static class RelationKey
{
    public static string Format(RelationType type, string fromId, string toId) =>
        $"{fromId}-[{EnumNames.Of(type)}]->{toId}";

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
