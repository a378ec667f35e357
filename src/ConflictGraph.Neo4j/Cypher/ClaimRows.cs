using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>A claim as <see cref="Statements.WriteClaims"/> takes it: one statement's position on one relation.</summary>
public static class ClaimRows
{
    /// <summary>A claim's key: the statement's id and the target's id, a space between (ids never hold one).</summary>
    public static string Key(string statementId, string targetId) => $"{statementId} {targetId}";

    public static Dictionary<string, object?> Of(Relation relation, string statementId, bool disputes) => new()
    {
        ["key"] = Key(statementId, relation.Id),
        ["statementId"] = statementId,
        ["targetId"] = relation.Id,
        ["relationType"] = RelationshipTypes.Of(relation.Type),
        ["fromId"] = relation.FromId,
        ["toId"] = relation.ToId,
        ["position"] = ClaimPositions.Of(disputes),
        ["characterization"] = null,
    };

    /// <summary>Every claim of a relation, for writing it whole.</summary>
    public static IEnumerable<Dictionary<string, object?>> Of(Relation relation) =>
        relation.ClaimedBy.Select(s => Of(relation, s, false)).Concat(relation.DisputedBy.Select(s => Of(relation, s, true)));
}
