using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Actors;

/// <summary>The <c>ActorFilter</c> argument of <c>actors</c>, bound by GraphQL.NET.</summary>
public sealed record ActorFilter
{
    public IReadOnlyList<NodeKind>? Kinds { get; init; }
    public IReadOnlyList<OrganizationKind>? OrganizationKinds { get; init; }
    public string? Text { get; init; }

    /// <summary>People and organizations only, whatever other kinds are named.</summary>
    public NodeQuery ToQuery() => new()
    {
        Kinds = Kinds?.Where(k => k is NodeKind.Person or NodeKind.Organization).ToList() ?? [NodeKind.Person, NodeKind.Organization],
        Text = Text, OrganizationKinds = OrganizationKinds,
    };
}

public sealed class ActorFilterInput : InputObjectGraphType<ActorFilter>
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
