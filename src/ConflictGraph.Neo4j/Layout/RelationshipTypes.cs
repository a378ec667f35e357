using ConflictGraph.Core.Model;

namespace ConflictGraph.Neo4j.Layout;

/// <summary>
/// The relationship types, in three families that never share a name: one per relation type of
/// the contract (CARRIED_OUT, RETALIATION_FOR, ...), the references a node's own fields make
/// (<see cref="References"/>), and the store's own: <see cref="Makes"/> from a statement to each claim
/// it makes, <see cref="HasFact"/> from a node to each fact about it.
/// </summary>
public static class RelationshipTypes
{
    /// <summary>(:Statement)-[:MAKES]->(:Claim).</summary>
    public const string Makes = "MAKES";

    /// <summary>(:Node)-[:HAS_FACT]->(:Fact).</summary>
    public const string HasFact = "HAS_FACT";

    /// <summary>The type a relation is stored as: its contract name.</summary>
    public static string Of(RelationType type) => EnumNames.Of(type);

    public static RelationType RelationOf(string type) => EnumNames.Parse<RelationType>(type);

    public static IReadOnlyList<string> Relations { get; } = Enum.GetValues<RelationType>().Select(Of).ToArray();

    /// <summary>A type expression for the given relation types, or for every relation type when null.</summary>
    public static string AnyOf(IEnumerable<RelationType>? types) =>
        types is null ? string.Join('|', Relations) : string.Join('|', types.Distinct().Order().Select(Of));

    /// <summary>Every type the store writes, for the linter's view of the schema.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Relations, .. References.Types, Makes, HasFact];
}
