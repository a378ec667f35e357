using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Relations;

/// <summary>The <c>RelationFilter</c> argument of <c>relations</c>, bound by GraphQL.NET.</summary>
public sealed record RelationFilter
{
    public IReadOnlyList<RelationType>? Types { get; init; }
    public string? FromId { get; init; }
    public string? ToId { get; init; }
    public IReadOnlyList<ClaimStatus>? Statuses { get; init; }
    public string? ClaimedById { get; init; }

    /// <summary>The ids this filter names, each with the kinds of node its field takes.</summary>
    public FilterId[] Ids() => [FilterChecks.AnyNode("fromId", FromId), FilterChecks.AnyNode("toId", ToId), FilterChecks.Actor("claimedById", ClaimedById)];

    public RelationQuery ToQuery() => new()
    {
        Types = Types, FromId = FromId, ToId = ToId, Statuses = Statuses, ClaimedByActorId = ClaimedById,
    };
}

public sealed class RelationFilterInput : InputObjectGraphType<RelationFilter>
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
