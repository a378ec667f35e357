using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Relations;

/// <summary>The <c>RetaliationFilter</c> argument of <c>retaliations</c>, bound by GraphQL.NET.</summary>
public sealed record RetaliationFilter
{
    public string? ByActorId { get; init; }
    public string? AgainstActorId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>The ids this filter names: both actors.</summary>
    public FilterId[] Ids() => [FilterChecks.Actor("byActorId", ByActorId), FilterChecks.Actor("againstActorId", AgainstActorId)];

    public RelationQuery ToQuery() => new()
    {
        Types = [RelationType.RetaliationFor], FromPerpetratorId = ByActorId, ToPerpetratorId = AgainstActorId, FromDate = From, ToDate = To,
    };
}

public sealed class RetaliationFilterInput : InputObjectGraphType<RetaliationFilter>
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
