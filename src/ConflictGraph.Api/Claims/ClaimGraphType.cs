using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Statements;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Claims;

/// <summary>The contract's <c>Claim</c>: one statement's position on a relation or a fact, with the speaker's word for it.</summary>
public sealed class ClaimGraphType : ObjectGraphType<Claim>
{
    public ClaimGraphType()
    {
        Name = "Claim";
        Description = "One statement's position on a relation or a fact, qualified the way the speaker put it.";
        Field<NonNullGraphType<StatementGraphType>>("statement").Description("The statement that takes this position.")
            .Resolve(c => c.Loaders().Node(c.Source.StatementId));
        Field<NonNullGraphType<EnumerationGraphType<ClaimPosition>>>("position").Description("CLAIMS or DISPUTES.").Resolve(c => c.Source.Position);
        Field<StringGraphType>("characterization")
            .Description("The speaker's own characterization, a word or short phrase: 'retaliation', 'defensive', 'self-defense', 'weapons storage'. Null when the speaker gave none.")
            .Resolve(c => c.Source.Characterization);
    }
}
