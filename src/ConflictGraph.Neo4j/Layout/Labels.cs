using ConflictGraph.Core.Model;

namespace ConflictGraph.Neo4j.Layout;

/// <summary>
/// The node labels: every graph node carries <see cref="Node"/> (the schema's Node interface: one
/// uniqueness constraint on id, one full-text index) and the label of its kind, so Browser and
/// Bloom show kinds and the planner scans only the kind it needs. Claims, facts (claimed attributes
/// of nodes) and the store's bookkeeping have labels of their own and never carry <see cref="Node"/>.
/// </summary>
public static class Labels
{
    public const string Node = "Node";
    public const string Claim = "Claim";
    public const string Fact = "Fact";
    public const string Meta = "Meta";

    /// <summary>One change-log entry (see <see cref="Properties.History"/>), written in its change's transaction.</summary>
    public const string History = "History";

    /// <summary>The label of a kind: its name as the schema spells the type (Person, Organization, ...).</summary>
    public static string Of(NodeKind kind) => kind.ToString();

    /// <summary>The kind a label names; throws for a label that is not a kind (a store bug, not bad input).</summary>
    public static NodeKind KindOf(string label) =>
        Enum.TryParse<NodeKind>(label, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && Of(kind) == label
            ? kind
            : throw new FormatException($"'{label}' is not the label of a node kind (one of {string.Join(", ", Kinds)})");

    public static IReadOnlyList<string> Kinds { get; } = Enum.GetValues<NodeKind>().Select(Of).ToArray();

    /// <summary>A label expression matching any of the kinds, e.g. <c>Person|Organization</c>.</summary>
    public static string AnyOf(IEnumerable<NodeKind> kinds) => string.Join('|', kinds.Distinct().Order().Select(Of));

    /// <summary>Cypher for the kind label of node <paramref name="variable"/> (every graph node has exactly one).</summary>
    public static string KindExpression(string variable) => $"head([l IN labels({variable}) WHERE l <> '{Node}'])";

    /// <summary>Every label the store writes, for the linter's view of the schema.</summary>
    public static IReadOnlyList<string> All { get; } = [Node, .. Kinds, Claim, Fact, Meta, History];
}
