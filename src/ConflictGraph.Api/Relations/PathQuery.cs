using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Relations;

public static class PathQuery
{
    public static void AddPathQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("paths")
            .Description("Shortest connections between two nodes, over any relation type, ignoring direction; shortest first.")
            .Argument<NonNullGraphType<IdGraphType>>("fromId").Argument<NonNullGraphType<IdGraphType>>("toId")
            .Argument<IntGraphType>("maxDepth", a => a.DefaultValue = 4).Argument<IntGraphType>("first", a => a.DefaultValue = 3)
            .ResolveAsync(async c =>
            {
                var depth = c.Limits().CheckPathDepth(c.GetArgument("maxDepth", 4));
                return await c.Loaders().Store.FindPathsAsync(c.GetArgument<string>("fromId"), c.GetArgument<string>("toId"), depth, c.First(3), c.CancellationToken);
            });
}
