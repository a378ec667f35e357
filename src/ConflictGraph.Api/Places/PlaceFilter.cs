using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Places;

/// <summary>The <c>PlaceFilter</c> argument of <c>places</c>, bound by GraphQL.NET.</summary>
public sealed record PlaceFilter
{
    public IReadOnlyList<PlaceKind>? Kinds { get; init; }
    public string? WithinId { get; init; }
    public string? Text { get; init; }

    public NodeQuery ToQuery() => new() { Kinds = [NodeKind.Place], Text = Text, PlaceKinds = Kinds, WithinPlaceId = WithinId };
}

public sealed class PlaceFilterInput : InputObjectGraphType<PlaceFilter>
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
