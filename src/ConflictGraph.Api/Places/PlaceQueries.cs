using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Places;

public static class PlaceQueries
{
    public static void AddPlaceQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<PlaceConnectionType>>("places").Description("Places, by id.")
            .Argument<PlaceFilterInput>("filter").Paged()
            .Resolve(c => c.Loaders().Page((c.GetArgument<PlaceFilter>("filter") ?? new()).ToQuery(), c.Page()));
}
