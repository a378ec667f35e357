using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// The cache keys of store reads, written by hand in one pass (<see cref="KeyWriter"/>) rather than serialized: as a
/// string for a read the cache looks up, or only as its fingerprint for one it screens (<see cref="HitRate"/>), which
/// then costs no allocation. Each key is the read's name, then every argument that can change its answer, in a fixed
/// order; each field ends where a reader knows it ends, so two different reads never share a key. A query record
/// (<see cref="NodeQuery"/>, <see cref="PageRequest"/>...) is written field by field: a property added to one must be
/// added here too (the key tests fail until it is).
/// </summary>
internal static class ReadKeys
{
    private const int OnStack = 256;

    /// <summary>A read's key as a string: what the cache keeps its answer under.</summary>
    public static string Text<TArgs>(TArgs args, KeyFields<TArgs> fields)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            fields(ref key, args);
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    /// <summary>
    /// A read's key as the doorkeeper's 64-bit fingerprint (<see cref="ReadAdmission.Fingerprint"/>), the same as the
    /// string's, written on the stack and never made into a string: what a read the cache only screens costs.
    /// </summary>
    public static long Fingerprint<TArgs>(TArgs args, KeyFields<TArgs> fields)
    {
        var key = new KeyWriter(stackalloc char[OnStack]);
        try
        {
            fields(ref key, args);
            return key.Fingerprint();
        }
        finally
        {
            key.Dispose();
        }
    }

    /// <summary>A read whose only argument is a list of ids.</summary>
    public static string Ids(string operation, IReadOnlyCollection<string> ids) =>
        Text((operation, ids), static (ref key, a) => Ids(ref key, a.operation, a.ids));

    public static void Ids(ref KeyWriter key, string operation, IReadOnlyCollection<string> ids)
    {
        key.Operation(operation);
        key.Texts(ids);
    }

    public static string Expand(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages) =>
        Text((requests, nodeIds, pages), static (ref key, a) => Expand(ref key, a.requests, a.nodeIds, a.pages));

    public static void Expand(
        ref KeyWriter key, IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds,
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages)
    {
        key.Operation(nameof(IGraphStore.ExpandAsync));
        key.Number(requests.Count);
        foreach (var request in requests)
        {
            key.Text(request.NodeId);
            key.Enums(request.Types);
            key.Enum(request.Direction);
            key.Flag(request.EndsOnly);
            key.Flag(request.Listed);
        }
        key.Texts(nodeIds);
        Pages(ref key, pages);
    }

    /// <summary>A batch of node pages (<see cref="IGraphStore.FindNodesAsync"/>).</summary>
    public static string NodePages(IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages) =>
        Text(pages, static (ref key, pages) => NodePages(ref key, pages));

    public static void NodePages(ref KeyWriter key, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages)
    {
        key.Operation(nameof(IGraphStore.FindNodesAsync));
        Pages(ref key, pages);
    }

    public static string Relations(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction) =>
        Text((nodeIds, types, direction), static (ref key, a) => Relations(ref key, a.nodeIds, a.types, a.direction));

    public static void Relations(ref KeyWriter key, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction)
    {
        key.Operation(nameof(IGraphStore.GetRelationsAsync));
        key.Texts(nodeIds);
        key.Enums(types);
        key.Enum(direction);
    }

    public static string RelationPage(RelationQuery query, PageRequest page) =>
        Text((query, page), static (ref key, a) => RelationPage(ref key, a.query, a.page));

    public static void RelationPage(ref KeyWriter key, RelationQuery query, PageRequest page)
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
    }

    public static string FactPage(FactQuery query, PageRequest page) =>
        Text((query, page), static (ref key, a) => FactPage(ref key, a.query, a.page));

    public static void FactPage(ref KeyWriter key, FactQuery query, PageRequest page)
    {
        key.Operation(nameof(IGraphStore.FindFactsAsync));
        key.Text(query.SubjectId);
        key.Text(query.Property);
        key.Enums(query.Statuses);
        key.Text(query.ClaimedByActorId);
        Page(ref key, page);
    }

    public static string Search(string text, IReadOnlyCollection<NodeKind>? kinds, int limit) =>
        Text((text, kinds, limit), static (ref key, a) => Search(ref key, a.text, a.kinds, a.limit));

    public static void Search(ref KeyWriter key, string text, IReadOnlyCollection<NodeKind>? kinds, int limit)
    {
        key.Operation(nameof(IGraphStore.SearchAsync));
        key.Text(text);
        key.Enums(kinds);
        key.Number(limit);
    }

    public static string Paths(string fromId, string toId, int maxDepth, int limit) =>
        Text((fromId, toId, maxDepth, limit), static (ref key, a) => Paths(ref key, a.fromId, a.toId, a.maxDepth, a.limit));

    public static void Paths(ref KeyWriter key, string fromId, string toId, int maxDepth, int limit)
    {
        key.Operation(nameof(IGraphStore.FindPathsAsync));
        key.Text(fromId);
        key.Text(toId);
        key.Number(maxDepth);
        key.Number(limit);
    }

    public static string Escalation(IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth) =>
        Text((eventIds, direction, maxDepth), static (ref key, a) => Escalation(ref key, a.eventIds, a.direction, a.maxDepth));

    public static void Escalation(ref KeyWriter key, IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth)
    {
        key.Operation(nameof(IGraphStore.GetEscalationAsync));
        key.Texts(eventIds);
        key.Enum(direction);
        key.Number(maxDepth);
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
        key.Flag(page.Listed);
    }
}

/// <summary>Writes a read's key fields (<see cref="ReadKeys"/>) from its arguments.</summary>
internal delegate void KeyFields<TArgs>(ref KeyWriter key, TArgs args);
