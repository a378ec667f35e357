using ConflictGraph.Api.Paging;
using ConflictGraph.Core.History;

namespace ConflictGraph.Api.History;

public sealed class HistoryEdgeType : EdgeGraphType<HistoryEntryGraphType, HistoryEntry>
{
    public HistoryEdgeType() : base("History") => Description = "One change-log entry of a page and the cursor just after it.";
}

public sealed class HistoryConnectionType : ConnectionGraphType<HistoryEntryGraphType, HistoryEdgeType, HistoryEntry>
{
    public HistoryConnectionType() : base("History") => Description = "A page of the change log, oldest first, with the number of entries it holds.";
}
