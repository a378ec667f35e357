using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Actors;

public sealed class ActorEdgeType() : EdgeGraphType<ActorInterface, Node>("Actor");

public sealed class ActorConnectionType() : ConnectionGraphType<ActorInterface, ActorEdgeType, Node>("Actor");
