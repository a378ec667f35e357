using ConflictGraph.Api.Claims;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Statements;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Facts;

/// <summary>The contract's <c>Fact</c>: a claimed attribute of a node, with the statements behind and against it.</summary>
public sealed class FactGraphType : ObjectGraphType<Fact>
{
    public FactGraphType()
    {
        Name = "Fact";
        Description = "A property of a node as sources state it (a Wikidata-style statement): what a site was used for, whose men were present, " +
                      "how many attacks there were. The graph itself asserts nothing here: every fact carries the statements that claim and dispute it. " +
                      "Loading the same (subject, property, value) again merges its claims.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable and readable, derived from (subject, property, value): 'subject/property=value'.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NodeInterface>>("subject").Description("The node the fact is about.").Resolve(c => c.Loaders().Node(c.Source.SubjectId));
        Field<NonNullGraphType<StringGraphType>>("property").Description("What is stated about the subject, e.g. 'function', 'presence', 'count', 'identity'.")
            .Resolve(c => c.Source.Property);
        Field<NonNullGraphType<StringGraphType>>("value").Description("What the claims say the property is, e.g. 'weapons storage'.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClaimGraphType>>>>("claims")
            .Description("Every claim with its position and the speaker's characterization, by statement id.").Resolve(c => c.Source.Claims);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("claimedBy").Description("Statements that claim it.")
            .Resolve(c => c.Loaders().ListedNodes(c.Source.ClaimedBy));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("disputedBy").Description("Statements that dispute it.")
            .Resolve(c => c.Loaders().ListedNodes(c.Source.DisputedBy));
        Field<NonNullGraphType<EnumerationGraphType<ClaimStatus>>>("status").Description("Follows from the claims and disputes, as a relation's does.")
            .Resolve(c => c.Source.Status);
    }
}
