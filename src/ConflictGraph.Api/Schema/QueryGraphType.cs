using ConflictGraph.Api.Actors;
using ConflictGraph.Api.Aggregates;
using ConflictGraph.Api.Codings;
using ConflictGraph.Api.Events;
using ConflictGraph.Api.Facts;
using ConflictGraph.Api.History;
using ConflictGraph.Api.Places;
using ConflictGraph.Api.Relations;
using ConflictGraph.Api.Search;
using ConflictGraph.Api.Statements;
using GraphQL.Types;

namespace ConflictGraph.Api.Schema;

/// <summary>The root query type; each feature adds its own root fields from its folder.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Description = "Reading the graph: any node by id, filtered and paged lists, search, retaliations and responses, disputed relations and facts, paths and counts.";
        this.AddNodeQueries();
        this.AddSearchQuery();
        this.AddActorQueries();
        this.AddPlaceQueries();
        this.AddEventQueries();
        this.AddEventAggregateQuery();
        this.AddStatementQueries();
        this.AddRelationQueries();
        this.AddFactQueries();
        this.AddCodingQueries();
        this.AddPathQuery();
        this.AddStatsQuery();
        this.AddHistoryQuery();
    }
}
