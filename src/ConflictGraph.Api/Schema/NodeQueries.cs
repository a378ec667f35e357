using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Paging;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Schema;

/// <summary>Root fields that find any node by id, and the graph's size.</summary>
public static class NodeQueries
{
    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node").Description("Any node by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Loaders().Node(c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes").Description("Nodes by id, in the order asked; null for an unknown id.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                PageArguments.CheckCount(c, "ids", ids.Count);
                return c.Loaders().Nodes(ids).Then(found => ids.Select(id => found.FirstOrDefault(n => n.Id == id)).ToList());
            });
    }

    public static void AddStatsQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<GraphStatsGraphType>>("stats").Description("How many nodes and relations the graph holds.")
            .ResolveAsync(async c => await c.Loaders().Store.GetStatsAsync(c.CancellationToken));
}
