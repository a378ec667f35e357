using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// The cache keys of store reads, written by hand in one pass (<see cref="KeyWriter"/>) rather than serialized: a
/// read that misses (most do, spread over a large graph) pays for its key and its doorkeeper look-up and nothing
/// else of the cache. Each key is the read's name, then every argument that can change its answer, in a fixed
/// order; each field ends where a reader knows it ends, so two different reads never share a key. A query record
/// (<see cref="NodeQuery"/>, <see cref="PageRequest"/>...) is written field by field: a property added to one must be
/// added here too (the key tests fail until it is).
/// </summary>
internal static class ReadKeys
{
    private const int OnStack = 256;

    /// <summary>A read whose only argument is a list of ids.</summary>
    public static string Ids(string operation, IReadOnlyCollection<string> ids)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(operation);
            key.Texts(ids);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string Expand(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.ExpandAsync));
            key.Number(requests.Count);
            foreach (var request in requests)
            {
                key.Text(request.NodeId);
                key.Enums(request.Types);
                key.Enum(request.Direction);
                key.Flag(request.EndsOnly);
            }
            key.Texts(nodeIds);
            Pages(ref key, pages);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    /// <summary>A batch of node pages (<see cref="IGraphStore.FindNodesAsync"/>).</summary>
    public static string NodePages(IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.FindNodesAsync));
            Pages(ref key, pages);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string Relations(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.GetRelationsAsync));
            key.Texts(nodeIds);
            key.Enums(types);
            key.Enum(direction);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string RelationPage(RelationQuery query, PageRequest page)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.FindRelationsAsync));
            key.Enums(query.Types);
            key.Text(query.FromId);
            key.Text(query.ToId);
            key.Enums(query.Statuses);
            key.Text(query.ClaimedByActorId);
            key.Text(query.FromPerpetratorId);
            key.Text(query.ToPerpetratorId);
            key.Date(query.FromDate);
            key.Date(query.ToDate);
            Page(ref key, page);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string FactPage(FactQuery query, PageRequest page)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.FindFactsAsync));
            key.Text(query.SubjectId);
            key.Text(query.Property);
            key.Enums(query.Statuses);
            key.Text(query.ClaimedByActorId);
            Page(ref key, page);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string Search(string text, IReadOnlyCollection<NodeKind>? kinds, int limit)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.SearchAsync));
            key.Text(text);
            key.Enums(kinds);
            key.Number(limit);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string Paths(string fromId, string toId, int maxDepth, int limit)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.FindPathsAsync));
            key.Text(fromId);
            key.Text(toId);
            key.Number(maxDepth);
            key.Number(limit);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    public static string Escalation(IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            key.Operation(nameof(IGraphStore.GetEscalationAsync));
            key.Texts(eventIds);
            key.Enum(direction);
            key.Number(maxDepth);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    private static void Pages(ref KeyWriter key, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages)
    {
        key.Number(pages.Count);
        foreach (var (query, page) in pages)
        {
            Query(ref key, query);
            Page(ref key, page);
        }
    }

    private static void Query(ref KeyWriter key, NodeQuery query)
    {
        key.Enums(query.Kinds);
        key.Texts(query.Ids);
        key.Text(query.Text);
        key.Enums(query.OrganizationKinds);
        key.Enums(query.PlaceKinds);
        key.Text(query.WithinPlaceId);
        if (query.Events is { } events)
        {
            key.Record();
            key.Enums(events.Kinds);
            key.Date(events.From);
            key.Date(events.To);
            key.Text(events.PlaceId);
            key.Text(events.PerpetratorId);
            key.Text(events.TargetId);
        }
        else key.Nothing();
        if (query.Statements is { } statements)
        {
            key.Record();
            key.Flag(statements.Anonymous);
            key.Text(statements.SpeakerId);
            key.Text(statements.OrganizationId);
            key.Text(statements.ActorId);
            key.Text(statements.AboutId);
            key.Enums(statements.Stances);
            key.Text(statements.SourceId);
        }
        else key.Nothing();
        key.Enum(query.Order);
    }

    private static void Page(ref KeyWriter key, PageRequest page)
    {
        key.Number(page.First);
        key.Text(page.After);
        key.Flag(page.CountTotal);
        key.Flag(page.KeysOnly);
    }
}
