using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Schema;

public sealed class EventFilterInput : InputObjectGraphType
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

public sealed class ActorFilterInput : InputObjectGraphType
{
    public ActorFilterInput()
    {
        Name = "ActorFilter";
        Description = "Narrows an actor list; every given condition must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<NodeKind>>>>("kinds").Description("PERSON and/or ORGANIZATION.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<OrganizationKind>>>>("organizationKinds");
        Field<StringGraphType>("text");
    }
}

public sealed class PlaceFilterInput : InputObjectGraphType
{
    public PlaceFilterInput()
    {
        Name = "PlaceFilter";
        Description = "Narrows a place list; every given condition must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<PlaceKind>>>>("kinds");
        Field<IdGraphType>("withinId").Description("Only places inside this one, at any depth.");
        Field<StringGraphType>("text");
    }
}

public sealed class StatementFilterInput : InputObjectGraphType
{
    public StatementFilterInput()
    {
        Name = "StatementFilter";
        Description = "Narrows a statement list; every given condition must hold.";
        Field<IdGraphType>("speakerId");
        Field<IdGraphType>("organizationId").Description("Statements by this organization's people or made on its behalf.");
        Field<IdGraphType>("aboutId");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<Stance>>>>("stances");
        Field<IdGraphType>("sourceId");
        Field<StringGraphType>("text");
    }
}

public sealed class RelationFilterInput : InputObjectGraphType
{
    public RelationFilterInput()
    {
        Name = "RelationFilter";
        Description = "Narrows a relation list; every given condition must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<RelationType>>>>("types");
        Field<IdGraphType>("fromId");
        Field<IdGraphType>("toId");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<ClaimStatus>>>>("statuses");
        Field<IdGraphType>("claimedById").Description("Relations claimed by statements of this actor (as speaker or organization spoken for).");
    }
}

public sealed class RetaliationFilterInput : InputObjectGraphType
{
    public RetaliationFilterInput()
    {
        Name = "RetaliationFilter";
        Description = "Narrows the RETALIATION_FOR relations by who struck whom, and when.";
        Field<IdGraphType>("byActorId").Description("The actor that carried out the retaliating event.");
        Field<IdGraphType>("againstActorId").Description("The actor that carried out the event retaliated against.");
        Field<CalendarDateGraphType>("from").Description("Retaliations whose date range overlaps [from, to].");
        Field<CalendarDateGraphType>("to");
    }
}

/// <summary>Reads a filter argument, which arrives as a dictionary of parsed values.</summary>
public sealed class FilterValues(IDictionary<string, object?>? values)
{
    public string? Id(string name) => values?.TryGetValue(name, out var v) == true ? v?.ToString() : null;

    public string? Text(string name) => Id(name);

    public DateOnly? Date(string name) => values?.TryGetValue(name, out var v) == true ? v as DateOnly? : null;

    public IReadOnlyList<T>? List<T>(string name) =>
        values?.TryGetValue(name, out var v) == true && v is IEnumerable<object?> items ? items.OfType<T>().ToList() : null;
}
