using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Statements;

public sealed class StatementEdgeType() : EdgeGraphType<StatementGraphType, Node>("Statement");

public sealed class StatementConnectionType() : ConnectionGraphType<StatementGraphType, StatementEdgeType, Node>("Statement");
