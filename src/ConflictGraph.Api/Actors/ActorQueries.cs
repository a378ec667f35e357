using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Actors;

public static class ActorQueries
{
    public static void AddActorQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ActorConnectionType>>("actors").Description("People and organizations, by id.")
            .Argument<ActorFilterInput>("filter").Paged()
            .Resolve(c => c.Loaders().Page((c.GetArgument<ActorFilter>("filter") ?? new()).ToQuery(), c.Page()));
}
