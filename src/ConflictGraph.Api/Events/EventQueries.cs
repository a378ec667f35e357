using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Events;

public static class EventQueries
{
    public static void AddEventQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<EventConnectionType>>("events").Description("Events, by date.")
            .Argument<EventFilterInput>("filter")
            .Argument<EnumerationGraphType<EventOrder>>("orderBy", a => a.DefaultValue = EventOrder.DateAsc).Paged()
            .Resolve(c =>
            {
                var order = c.GetArgument("orderBy", EventOrder.DateAsc) == EventOrder.DateDesc ? NodeOrder.DateDesc : NodeOrder.DateAsc;
                var filter = c.GetArgument<EventFilter>("filter") ?? new();
                FilterChecks.Window(filter.From, filter.To);
                return c.Loaders().Page(filter.ToQuery(order), c.Page()).Checked(c.Loaders(), filter.Ids());
            });
}
