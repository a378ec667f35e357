using ConflictGraph.Api.Paging;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Facts;

public sealed class FactEdgeType() : EdgeGraphType<FactGraphType, Fact>("Fact");

public sealed class FactConnectionType() : ConnectionGraphType<FactGraphType, FactEdgeType, Fact>("Fact");
