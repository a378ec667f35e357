using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Events;

public sealed class EventEdgeType() : EdgeGraphType<EventGraphType, Node>("Event");

public sealed class EventConnectionType() : ConnectionGraphType<EventGraphType, EventEdgeType, Node>("Event");
