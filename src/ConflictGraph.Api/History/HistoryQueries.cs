using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Paging;
using ConflictGraph.Core.History;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.History;

public static class HistoryQueries
{
    /// <summary>The change log's root field; <c>after</c> takes the cursors it and <c>graphChanged</c> hand out.</summary>
    public static void AddHistoryQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<HistoryConnectionType>>("history")
            .Description("The change log, oldest first, from a cursor; targetId keeps one node, relation or fact (a deleted one's too).")
            .Argument<IdGraphType>("targetId", "The node, relation or fact whose changes to list; all when absent.")
            .Paged(defaultFirst: 100)
            .ResolveAsync(async c =>
            {
                var page = c.Page(defaultFirst: 100);
                HistoryCursor.After(page.After);
                return await c.Loaders().Store.FindHistoryAsync(new HistoryQuery(c.GetArgument<string?>("targetId")), page, c.CancellationToken);
            });
}
