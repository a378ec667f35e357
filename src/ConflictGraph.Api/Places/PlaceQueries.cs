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
            .Resolve(c =>
            {
                var filter = c.GetArgument<PlaceFilter>("filter") ?? new();
                return c.Loaders().Page(filter.ToQuery(), c.Page()).Checked(c.Loaders(), FilterChecks.Place("withinId", filter.WithinId));
            });
}
