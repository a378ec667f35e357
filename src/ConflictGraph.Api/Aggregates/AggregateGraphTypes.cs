using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Aggregation;
using GraphQL.Types;

namespace ConflictGraph.Api.Aggregates;

public sealed class GroupKeyGraphType : ObjectGraphType<GroupKey>
{
    public GroupKeyGraphType()
    {
        Name = "GroupKey";
        Description = "A group's value in one dimension.";
        Field<NonNullGraphType<EnumerationGraphType<Core.Model.EventDimension>>>("dimension").Resolve(c => c.Source.Dimension);
        Field<NonNullGraphType<StringGraphType>>("value")
            .Description("Machine value: a bucket's first day (2021-06-01), an event kind, an ACLED event type, or a node id; " +
                         "an empty string for the events that have none (undated, no perpetrator named, in no place of the level, no ACLED type).")
            .Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("label").Description("How a person reads the value: 2021-06, 2021-W25, 2021-Q2, a name, or why there is none.")
            .Resolve(c => c.Source.Label);
        Field<NodeInterface>("node").Description("The place or actor, for PLACE, PERPETRATOR and TARGET groups that have one.")
            .Resolve(c => c.Loaders().Node(c.Source.NodeId));
    }
}

public sealed class EventGroupGraphType : ObjectGraphType<EventGroup>
{
    public EventGroupGraphType()
    {
        Name = "EventGroup";
        Description = "The matching events that share one key in each dimension, and their measures.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupKeyGraphType>>>>("keys").Description("One key per groupBy dimension, in groupBy order.")
            .Resolve(c => c.Source.Keys);
        Field<NonNullGraphType<IntGraphType>>("events").Description("How many events.").Resolve(c => c.Source.Events);
        Field<NonNullGraphType<IntGraphType>>("impreciseEvents")
            .Description("Events dated more loosely than the bucket: their date range does not lie within the bucket of its start " +
                         "(it is wider, or runs past the bucket's end), or they are undated. Counted in the bucket of their start, never dropped.")
            .Resolve(c => c.Source.ImpreciseEvents);
        Field<IntGraphType>("killedLow").Description("The sum of the events' low estimates of people killed; null when no event has a figure.")
            .Resolve(c => c.Source.Killed.Low);
        Field<IntGraphType>("killedBest").Description("The sum of the events' best estimates; null when no event has one.").Resolve(c => c.Source.Killed.Best);
        Field<IntGraphType>("killedHigh").Description("The sum of the events' high estimates; null when any event's high is open-ended ('at least seven').")
            .Resolve(c => c.Source.Killed.High);
        Field<NonNullGraphType<IntGraphType>>("disputedEvents").Description("Events with at least one disputed or denied relation or fact.")
            .Resolve(c => c.Source.DisputedEvents);
    }
}

public sealed class EventAggregateGraphType : ObjectGraphType<EventAggregate>
{
    public EventAggregateGraphType()
    {
        Name = "EventAggregate";
        Description = "Counts and killed estimates of events, grouped. Killed sums never count the same dead twice: within a group " +
                      "(and in the total), the figures of an event that is part of another event of the group with figures of its own are left out.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventGroupGraphType>>>>("groups")
            .Description("Largest first by events, then by the keys' values; at most first of them. An event with several perpetrators, " +
                         "targets or places is in each of their groups.")
            .Resolve(c => c.Source.Groups);
        Field<NonNullGraphType<EventGroupGraphType>>("total").Description("Every matching event counted once, whatever the groups; its keys are empty.")
            .Resolve(c => c.Source.Total);
    }
}
