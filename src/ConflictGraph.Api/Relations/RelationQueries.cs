using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Relations;

public static class RelationQueries
{
    public static void AddRelationQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<RelationConnectionType>>("relations").Description("Relations, by id.")
            .Argument<RelationFilterInput>("filter").Paged()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<RelationFilter>("filter") ?? new();
                return await FindAsync(c, filter.ToQuery(), filter.Ids());
            });
        query.Field<NonNullGraphType<RelationConnectionType>>("retaliations").Description("Every RETALIATION_FOR relation: who struck back, at what, and who says so. Only what a speaker calls a retaliation is one; see responses for the rest.")
            .Argument<RetaliationFilterInput>("filter").Paged()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<RetaliationFilter>("filter") ?? new();
                FilterChecks.Window(filter.From, filter.To);
                return await FindAsync(c, filter.ToQuery(), filter.Ids());
            });
        query.Field<NonNullGraphType<RelationConnectionType>>("responses")
            .Description("Every RETALIATION_FOR and RESPONSE_TO relation, each claim with the speaker's own characterization ('retaliation', 'defensive', " +
                         "'self-defense'): answers 'who struck back at what' in the sources' terms, without turning a response into a retaliation. " +
                         "The filter is retaliations' (who struck, at whom, when).")
            .Argument<RetaliationFilterInput>("filter").Paged()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<RetaliationFilter>("filter") ?? new();
                FilterChecks.Window(filter.From, filter.To);
                return await FindAsync(c, filter.ToQuery() with { Types = RelationRules.Escalation }, filter.Ids());
            });
        query.Field<NonNullGraphType<RelationConnectionType>>("disputes").Description("Relations that statements both claim and dispute, or only dispute.").Paged()
            .ResolveAsync(async c => await FindAsync(c, new RelationQuery { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }));
    }

    private static Task<Core.Paging.Page<Relation>> FindAsync(IResolveFieldContext context, RelationQuery query, params FilterId[] ids) =>
        FilterChecks.CheckedAsync(context.Loaders().Store.FindRelationsAsync(query, context.Page(), context.CancellationToken),
            context.Loaders().Store, context.CancellationToken, ids);
}
