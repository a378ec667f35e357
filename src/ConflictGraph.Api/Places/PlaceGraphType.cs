using ConflictGraph.Api.Events;
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
        IsTypeOf = o => o is Place;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names and spellings; search covers them.").Resolve(c => c.Source.Aliases);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<EnumerationGraphType<PlaceKind>>>("kind").Resolve(c => c.Source.PlaceKind);
        Field<PlaceGraphType>("parent").Description("The place this one lies in (LOCATED_IN).")
            .Resolve(c => c.Loaders().Neighbor(c.Source.Id, Direction.Outgoing, RelationType.LocatedIn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("children").Description("Places directly inside this one.")
            .Resolve(c => c.Loaders().Neighbors(c.Source.Id, Direction.Incoming, RelationType.LocatedIn));
        Field<GeoPointGraphType>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<EventConnectionType>>("events").Description("Events that happened here or anywhere inside this place, transitively, oldest first.").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = new EventCriteria { PlaceId = c.Source.Id },
            }, c.Page()));
        this.RelationsField();
    }
}
