using ConflictGraph.Api.Events;
using ConflictGraph.Api.Facts;
using ConflictGraph.Api.Limits;
using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Statements;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Actors;

/// <summary>The fields a person and an organization share as actors.</summary>
public static class ActorFields
{
    public static void AddActorFields<TSource>(this ObjectGraphType<TSource> type) where TSource : Node
    {
        type.IdField();
        type.Field<NonNullGraphType<StringGraphType>>("name").ResolveSource(s => s.Label);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names and spellings; search covers them.").Resolve(c => Aliases(c.Source));
        type.Field<StringGraphType>("description").Resolve(c => c.Source switch { Person p => p.Description, Organization o => o.Description, _ => null });
        type.Field<NonNullGraphType<EventConnectionType>>("carriedOut").Description("Events this actor carried out, by any claim.").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = new EventCriteria { PerpetratorId = c.Source.Id },
            }, c.Page()));
        var statements = type.Field<NonNullGraphType<StatementConnectionType>>("statements")
            .Description("Statements this actor made: as speaker, or for an organization, by its people or on its behalf.").Paged();
        // An organization's total is kept as statements are written. The SQLite store keeps a person's too (schema 19), but its
        // price stays a count's: the cost model's figures for it were not measured again (BENCHMARKS.md, session 25).
        if (typeof(TSource) == typeof(Organization)) statements.KeepsTotal();
        statements.Resolve(c => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc,
                Statements = c.Source is Organization ? new StatementCriteria { OrganizationId = c.Source.Id } : new StatementCriteria { SpeakerId = c.Source.Id },
            }, c.Page()));
        type.Field<NonNullGraphType<StatementConnectionType>>("mentionedIn").Description("Statements about this actor.").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = c.Source.Id },
            }, c.Page()));
        type.RelationsField();
        type.FactsField();
    }

    private static IReadOnlyList<string> Aliases(Node node) => node switch
    {
        Person p => p.Aliases,
        Organization o => o.Aliases,
        Place p => p.Aliases,
        _ => [],
    };
}

public sealed class ActorInterface : InterfaceGraphType<Node>
{
    public ActorInterface()
    {
        Name = "Actor";
        Description = "Anyone who can carry out events or make statements: a person or an organization.";
        // The same fields as AddActorFields, as a signature: each object type resolves them.
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names and spellings; search covers them.");
        Field<StringGraphType>("description");
        Field<NonNullGraphType<EventConnectionType>>("carriedOut").Description("Events this actor carried out, by any claim.").Paged();
        Field<NonNullGraphType<StatementConnectionType>>("statements").Description("Statements this actor made (as speaker or as the organization spoken for).").Paged();
        Field<NonNullGraphType<StatementConnectionType>>("mentionedIn").Description("Statements about this actor.").Paged();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Relations.RelationGraphType>>>>("relations").Description("Relations touching this actor, with provenance.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RelationType>>>>("types", "Only these relation types; all when omitted.")
            .Argument<EnumerationGraphType<Direction>>("direction", "OUTGOING from this node, INCOMING to it, or BOTH.", a => a.DefaultValue = Direction.Both);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FactGraphType>>>>("facts").Description(FactQueries.FieldDescription)
            .Argument<StringGraphType>("property", "Only facts of this property, e.g. 'function'; all when omitted.");
    }
}
