using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Relations;

public sealed class RelationEdgeType() : EdgeGraphType<RelationGraphType, Relation>("Relation");

public sealed class RelationConnectionType() : ConnectionGraphType<RelationGraphType, RelationEdgeType, Relation>("Relation");
