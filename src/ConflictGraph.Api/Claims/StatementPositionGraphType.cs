using ConflictGraph.Api.Facts;
using ConflictGraph.Api.Relations;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Claims;

/// <summary>A statement's position on one relation or one fact (the other is null), with its characterization.</summary>
public sealed record StatementPosition(Claim Claim, Relation? Relation, Fact? Fact)
{
    /// <summary>The positions a statement takes in what it cites: relations first, then facts, each by id.</summary>
    public static IReadOnlyList<StatementPosition> Of(string statementId, Citations cited) =>
    [
        .. cited.Relations.Select(r => new StatementPosition(r.Claims.First(c => c.StatementId == statementId), r, null)),
        .. cited.Facts.Select(f => new StatementPosition(f.Claims.First(c => c.StatementId == statementId), null, f)),
    ];
}

public sealed class StatementPositionGraphType : ObjectGraphType<StatementPosition>
{
    public StatementPositionGraphType()
    {
        Name = "StatementPosition";
        Description = "A statement's position on one relation or one fact (the other field is null), qualified the way the speaker put it.";
        Field<NonNullGraphType<EnumerationGraphType<ClaimPosition>>>("position").Description("CLAIMS or DISPUTES.").Resolve(c => c.Source.Claim.Position);
        Field<StringGraphType>("characterization").Description("The speaker's own word or short phrase for it; null when none was given.")
            .Resolve(c => c.Source.Claim.Characterization);
        Field<RelationGraphType>("relation").Description("The relation the statement claims or disputes, with all its claims.").Resolve(c => c.Source.Relation);
        Field<FactGraphType>("fact").Description("The fact the statement claims or disputes, with all its claims.").Resolve(c => c.Source.Fact);
    }
}
