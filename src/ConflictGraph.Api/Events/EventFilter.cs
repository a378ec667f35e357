using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Events;

/// <summary>The <c>EventFilter</c> argument of <c>events</c> and <c>eventAdded</c>, bound by GraphQL.NET.</summary>
public sealed record EventFilter
{
    public IReadOnlyList<EventKind>? Kinds { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? PlaceId { get; init; }
    public string? PerpetratorId { get; init; }
    public string? TargetId { get; init; }
    public string? Text { get; init; }

    /// <summary>The ids this filter names, each with the kinds of node its field takes.</summary>
    public FilterId[] Ids() =>
    [
        FilterChecks.Place("placeId", PlaceId), FilterChecks.Actor("perpetratorId", PerpetratorId),
        new("targetId", TargetId, NodeKind.Person, NodeKind.Organization, NodeKind.Place),
    ];

    /// <summary>The store query this filter stands for; the store decides what matches it.</summary>
    public NodeQuery ToQuery(NodeOrder order = NodeOrder.DateAsc) => ToSelection().ToNodeQuery(order);

    /// <summary>The events this filter selects, for aggregates and exports.</summary>
    public EventSelection ToSelection() =>
        new(new EventCriteria { Kinds = Kinds, From = From, To = To, PlaceId = PlaceId, PerpetratorId = PerpetratorId, TargetId = TargetId }, Text);
}

public sealed class EventFilterInput : InputObjectGraphType<EventFilter>
{
    public EventFilterInput()
    {
        Name = "EventFilter";
        Description = "Narrows an event list; every given condition must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<EventKind>>>>("kinds");
        Field<CalendarDateGraphType>("from").Description("Events whose date range overlaps [from, to].");
        Field<CalendarDateGraphType>("to");
        Field<IdGraphType>("placeId").Description("This place or anywhere inside it.");
        Field<IdGraphType>("perpetratorId");
        Field<IdGraphType>("targetId");
        Field<StringGraphType>("text").Description("Full-text match on title and description.");
    }
}
