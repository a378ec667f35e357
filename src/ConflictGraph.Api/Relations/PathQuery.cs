using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Store;
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
                var (from, to) = (c.GetArgument<string>("fromId"), c.GetArgument<string>("toId"));
                var paths = await c.Loaders().Store.FindPathsAsync(from, to, depth, c.First(3), c.CancellationToken);
                if (paths.Count == 0) await CheckEndsAsync(c.Loaders().Store, from, to, c.CancellationToken);
                return paths;
            });

    /// <summary>
    /// No path between two ids is an answer only when both name a node: an id that names none is an error naming it,
    /// so "no connection" is never said of something the graph does not hold. Read only when no path was found.
    /// </summary>
    private static async Task CheckEndsAsync(IGraphStore store, string from, string to, CancellationToken cancellationToken)
    {
        var found = (await store.GetNodesAsync([from, to], cancellationToken)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { ("fromId", from), ("toId", to) }.Where(end => !found.Contains(end.Item2)).ToList();
        if (missing.Count > 0)
            throw ApiErrors.Error(ApiErrors.NotFound, string.Join("; ", missing.Select(end => $"{end.Item1}: no node has the id '{end.Item2}'")));
    }
}
