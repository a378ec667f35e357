using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Search;

public sealed class SearchHitGraphType : ObjectGraphType<SearchHit>
{
    public SearchHitGraphType()
    {
        Name = "SearchHit";
        Description = "A node that matched a search, with how well it matched.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Loaders().Node(c.Source.NodeId));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Higher is a better match.").Resolve(c => c.Source.Score);
    }
}
