using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Facts;

/// <summary><c>Query.facts</c>, and the <c>facts(property:)</c> field of the nodes that carry facts.</summary>
public static class FactQueries
{
    public static void AddFactQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<FactConnectionType>>("facts")
            .Description("Facts (claimed attributes of nodes), by id; e.g. the disputed ones: facts(filter: {statuses: [DISPUTED, DENIED]}).")
            .Argument<FactFilterInput>("filter").Paged()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<FactFilter>("filter") ?? new();
                return await FilterChecks.CheckedAsync(c.Loaders().Store.FindFactsAsync(filter.ToQuery(), c.Page(), c.CancellationToken),
                    c.Loaders().Store, c.CancellationToken, filter.Ids());
            });

    public const string FieldDescription = "Facts stated about this node, by id, each with the statements that claim and dispute it.";

    /// <summary>The <c>facts(property:)</c> field: one batched store call per query level.</summary>
    public static void FactsField<TSource>(this ObjectGraphType<TSource> type) where TSource : Node =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FactGraphType>>>>("facts").Description(FieldDescription)
            .Argument<StringGraphType>("property", "Only facts of this property, e.g. 'function'; all when omitted.")
            .Resolve(c => c.Loaders().Facts(c.Source.Id, c.GetArgument<string?>("property")));
}
