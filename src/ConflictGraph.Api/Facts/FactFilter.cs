using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Facts;

/// <summary>The <c>FactFilter</c> argument of <c>facts</c>, bound by GraphQL.NET.</summary>
public sealed record FactFilter
{
    public string? SubjectId { get; init; }
    public string? Property { get; init; }
    public IReadOnlyList<ClaimStatus>? Statuses { get; init; }
    public string? ClaimedById { get; init; }

    /// <summary>The ids this filter names, each with the kinds of node its field takes.</summary>
    public FilterId[] Ids() => [FilterChecks.AnyNode("subjectId", SubjectId), FilterChecks.Actor("claimedById", ClaimedById)];

    public FactQuery ToQuery() => new() { SubjectId = SubjectId, Property = Property, Statuses = Statuses, ClaimedByActorId = ClaimedById };
}

public sealed class FactFilterInput : InputObjectGraphType<FactFilter>
{
    public FactFilterInput()
    {
        Name = "FactFilter";
        Description = "Narrows a fact list; every given condition must hold.";
        Field<IdGraphType>("subjectId").Description("Facts about this node.");
        Field<StringGraphType>("property").Description("Facts of this property, e.g. 'function'.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<ClaimStatus>>>>("statuses").Description("Facts with one of these statuses, e.g. [DISPUTED, DENIED].");
        Field<IdGraphType>("claimedById").Description("Facts claimed (not disputed) by statements of this actor, as speaker or as the organization spoken for.");
    }
}
