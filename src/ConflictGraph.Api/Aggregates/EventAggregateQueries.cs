using ConflictGraph.Api.Events;
using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Aggregates;

public static class EventAggregateQueries
{
    public static void AddEventAggregateQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<EventAggregateGraphType>>("eventAggregate")
            .Description("Counts and killed estimates of the events matching filter, grouped by up to three dimensions: TIME (by bucket), " +
                         "PLACE (the containing place of kind placeLevel, at any depth), KIND, PERPETRATOR, TARGET, ACLED_EVENT_TYPE. Computed in the store.")
            .Argument<EventFilterInput>("filter", "The same filter as events.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<EventDimension>>>>>("groupBy",
                $"Up to {Core.Aggregation.EventAggregateQuery.MaxDimensions} dimensions, each once; [] gives one group of all matching events.")
            .Argument<EnumerationGraphType<TimeBucket>>("bucket", "The time bucket of TIME groups and of impreciseEvents; weeks are ISO weeks.",
                a => a.DefaultValue = TimeBucket.Month)
            .Argument<EnumerationGraphType<PlaceKind>>("placeLevel", "The kind of place PLACE groups by.", a => a.DefaultValue = PlaceKind.Country)
            .Argument<IntGraphType>("first", "How many groups, at most the configured maximum page size (default 100).", a => a.DefaultValue = 100)
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<EventFilter>("filter") ?? new();
                FilterChecks.Window(filter.From, filter.To);
                var request = new Core.Aggregation.EventAggregateQuery(
                    filter.ToSelection(), c.GetArgument<List<EventDimension>>("groupBy"),
                    c.GetArgument("bucket", TimeBucket.Month), c.GetArgument("placeLevel", PlaceKind.Country),
                    c.First(100, "ask for fewer groups, or narrow the filter"));
                if (request.Problems().FirstOrDefault() is { } problem) throw ApiErrors.BadInput(problem);
                var aggregate = await c.Loaders().Store.AggregateEventsAsync(request, c.CancellationToken);
                // As the events list: no event counted says "none match" only when the filter's ids name nodes it takes.
                if (aggregate.Total.Events == 0) await FilterChecks.CheckAsync(c.Loaders().Store, c.CancellationToken, filter.Ids());
                return aggregate;
            });
}
