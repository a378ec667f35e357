using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Statements;

public sealed class SourceEdgeType() : EdgeGraphType<SourceGraphType, Node>("Source");

public sealed class SourceConnectionType() : ConnectionGraphType<SourceGraphType, SourceEdgeType, Node>("Source");
