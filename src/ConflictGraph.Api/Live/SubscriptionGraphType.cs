using System.Runtime.CompilerServices;
using ConflictGraph.Api.Events;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Live;

public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";
        Description = "Live updates over WebSocket (graphql-transport-ws on /graphql): one message per committed write, " +
                      "read from the store's change log, so writes by another instance or the CLI arrive too.";
        Field<NonNullGraphType<GraphChangesGraphType>>("graphChanged")
            .Description("What each committed write created, updated or deleted, whichever process made it, in commit order. `kinds` keeps node " +
                         "changes of those kinds (and relations that can join them); `ids` keeps changes to those nodes and their relations. " +
                         "With `after` (a cursor from a change set or from `history`), first replays every write the log holds since then, so a " +
                         "client that reconnects misses nothing.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<NodeKind>>>>("kinds")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("ids")
            .Argument<StringGraphType>("after", "A change-log cursor: replay the writes after it, then go live; from now when absent.")
            .ResolveStream(context =>
            {
                var kinds = context.ListArgument<NodeKind>("kinds");
                var ids = context.ListArgument<string>("ids")?.ToHashSet(StringComparer.Ordinal);
                var after = context.GetArgument<string?>("after") is { } cursor ? HistoryCursor.Decode(cursor) : (long?)null;
                var feed = context.RequestServices!.GetRequiredService<ChangeFeed>();
                var loaders = context.Loaders();
                return new AsyncObservable<object?>(ct => ChangesAsync(feed, after, loaders, kinds, ids, ct));
            });
        Field<NonNullGraphType<EventGraphType>>("eventAdded")
            .Description("Each new event that matches the filter, as soon as its write commits.")
            .Argument<EventFilterInput>("filter")
            .ResolveStream(context =>
            {
                var filter = context.GetArgument<EventFilter>("filter") ?? new();
                var feed = context.RequestServices!.GetRequiredService<ChangeFeed>();
                var store = context.RequestServices!.GetRequiredService<IGraphStore>();
                var loaders = context.Loaders();
                return new AsyncObservable<object?>(ct => EventsAsync(feed, store, loaders, filter, ct));
            });
    }

    private static async IAsyncEnumerable<object?> ChangesAsync(
        ChangeFeed feed, long? after, GraphLoaders loaders, IReadOnlyList<NodeKind>? kinds, HashSet<string>? ids,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var changes in feed.SubscribeAsync(after, cancellationToken))
        {
            var nodes = changes.Nodes.Where(n => (kinds is null || kinds.Contains(n.Kind)) && (ids is null || ids.Contains(n.Id))).ToList();
            var relations = changes.Relations.Where(r =>
                (kinds is null || kinds.Any(k => RelationRules.FromKinds(r.Type).Contains(k) || RelationRules.ToKinds(r.Type).Contains(k))) &&
                (ids is null || ids.Contains(r.FromId) || ids.Contains(r.ToId))).ToList();
            if (nodes.Count == 0 && relations.Count == 0) continue;
            loaders.Reset();
            yield return changes with { Nodes = nodes, Relations = relations };
        }
    }

    /// <summary>
    /// The store decides which of a write's new events match, with the same query as
    /// <c>Query.events</c>: the filter has one meaning, wherever it is used.
    /// </summary>
    private static async IAsyncEnumerable<object?> EventsAsync(
        ChangeFeed feed, IGraphStore store, GraphLoaders loaders, EventFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var changes in feed.SubscribeAsync(null, cancellationToken))
        {
            var created = changes.Nodes.Where(n => n.Kind == NodeKind.Event && n.Change == ChangeKind.Created).Select(n => n.Id).ToList();
            if (created.Count == 0) continue;
            var found = await store.FindNodesAsync([(filter.ToQuery(NodeOrder.Id) with { Ids = created }, new PageRequest(created.Count, CountTotal: false))], cancellationToken);
            foreach (var match in found[0].Items)
            {
                loaders.Reset();
                yield return match.Item;
            }
        }
    }
}
