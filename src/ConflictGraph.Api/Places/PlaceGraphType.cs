using ConflictGraph.Api.Events;
using ConflictGraph.Api.Facts;
using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Places;

public sealed class PlaceGraphType : ObjectGraphType<Place>
{
    public PlaceGraphType()
    {
        Name = "Place";
        Description = "A country, region, city, site or border area; places nest through LOCATED_IN.";
        Interface<NodeInterface>();
        IsTypeOf = NodeKeys.IsOfKind(NodeKind.Place);
        this.IdField();
        Field<NonNullGraphType<StringGraphType>>("name").ResolveSource(s => s.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names and spellings; search covers them.").ResolveSource(s => s.Aliases);
        Field<StringGraphType>("description").ResolveSource(s => s.Description);
        Field<NonNullGraphType<EnumerationGraphType<PlaceKind>>>("kind").ResolveSource(s => s.PlaceKind);
        Field<PlaceGraphType>("parent").Description("The place this one lies in (LOCATED_IN); the first of parents.")
            .Resolve(c => c.Loaders().Neighbor(c.Source.Id, Direction.Outgoing, RelationType.LocatedIn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("parents")
            .Description("Every place this one lies in directly (LOCATED_IN): a border strip lies in a border region, not in one country.")
            .Resolve(c => c.Loaders().Neighbors(c.Source.Id, Direction.Outgoing, RelationType.LocatedIn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("children").Description("Places directly inside this one.")
            .Resolve(c => c.Loaders().Neighbors(c.Source.Id, Direction.Incoming, RelationType.LocatedIn));
        Field<GeoPointGraphType>("location").Description("Coordinates, from a gazetteer unless a source states them; see precision and locationSource.")
            .ResolveSource(s => s.Location);
        Field<LocationPrecisionGraphType>("precision").Description("How precisely location and name pin the place down (after UCDP's where_prec).")
            .ResolveSource(s => s.Precision);
        Field<StringGraphType>("locationSource").Description("Where the coordinates come from, e.g. 'gazetteer (approximate centroid)'; they never come from a report that does not give them.")
            .ResolveSource(s => s.LocationSource);
        Field<NonNullGraphType<EventConnectionType>>("events").Description("Events that happened here or anywhere inside this place, transitively, oldest first.").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = new EventCriteria { PlaceId = c.Source.Id },
            }, c.Page()));
        this.RelationsField();
        this.FactsField();
    }
}
