using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Places;

public sealed class PlaceEdgeType() : EdgeGraphType<PlaceGraphType, Node>("Place");

public sealed class PlaceConnectionType() : ConnectionGraphType<PlaceGraphType, PlaceEdgeType, Node>("Place");
