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
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("How well it matched, higher is better; comparable between hits with the same nameMatch (each tier is ranked on its own text).")
            .Resolve(c => c.Source.Score);
        Field<NonNullGraphType<BooleanGraphType>>("nameMatch")
            .Description("True when every word is in the node's name or an alias (persons, organizations, places). Name matches come before every other hit.")
            .Resolve(c => c.Source.NameMatch);
    }
}
