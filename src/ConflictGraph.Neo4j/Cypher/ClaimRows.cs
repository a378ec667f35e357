using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// A claim as <see cref="Statements.WriteClaims"/> takes it: one statement's position on one relation
/// or fact, with the speaker's characterization. A claim on a relation also names the relation's
/// identity (type, from, to), so a statement's claims lead to their relations through the id index;
/// a claim on a fact leaves those empty.
/// </summary>
public static class ClaimRows
{
    /// <summary>A claim's key: the statement's id and the target's id, a space between (ids never hold one).</summary>
    public static string Key(string statementId, string targetId) => $"{statementId} {targetId}";

    public static Dictionary<string, object?> Of(Relation relation, Claim claim) =>
        Row(relation.Id, claim, RelationshipTypes.Of(relation.Type), relation.FromId, relation.ToId);

    public static Dictionary<string, object?> Of(Fact fact, Claim claim) => Row(fact.Id, claim, null, null, null);

    private static Dictionary<string, object?> Row(string targetId, Claim claim, string? relationType, string? fromId, string? toId) => new()
    {
        ["key"] = Key(claim.StatementId, targetId),
        ["statementId"] = claim.StatementId,
        ["targetId"] = targetId,
        ["relationType"] = relationType,
        ["fromId"] = fromId,
        ["toId"] = toId,
        ["position"] = EnumNames.Of(claim.Position),
        ["characterization"] = claim.Characterization,
    };
}
