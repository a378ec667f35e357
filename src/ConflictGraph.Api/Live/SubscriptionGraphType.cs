using System.Runtime.CompilerServices;
using ConflictGraph.Api.Events;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
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
        Description = "Live updates over WebSocket (graphql-transport-ws on /graphql): one message per committed write.";
        Field<NonNullGraphType<GraphChangesGraphType>>("graphChanged")
            .Description("What each write created, updated or deleted. `kinds` keeps node changes of those kinds (and relations that can join them); `ids` keeps changes to those nodes and their relations.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<NodeKind>>>>("kinds")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("ids")
            .ResolveStream(context =>
            {
                var kinds = context.ListArgument<NodeKind>("kinds");
                var ids = context.ListArgument<string>("ids")?.ToHashSet(StringComparer.Ordinal);
                var notifier = context.RequestServices!.GetRequiredService<IGraphChangeNotifier>();
                var loaders = context.Loaders();
                return new AsyncObservable<object?>(ct => ChangesAsync(notifier, loaders, kinds, ids, ct));
            });
        Field<NonNullGraphType<EventGraphType>>("eventAdded")
            .Description("Each new event that matches the filter, as soon as its write commits.")
            .Argument<EventFilterInput>("filter")
            .ResolveStream(context =>
            {
                var filter = context.GetArgument<EventFilter>("filter") ?? new();
                var notifier = context.RequestServices!.GetRequiredService<IGraphChangeNotifier>();
                var store = context.RequestServices!.GetRequiredService<IGraphStore>();
                var loaders = context.Loaders();
                return new AsyncObservable<object?>(ct => EventsAsync(notifier, store, loaders, filter, ct));
            });
    }

    private static async IAsyncEnumerable<object?> ChangesAsync(
        IGraphChangeNotifier notifier, GraphLoaders loaders, IReadOnlyList<NodeKind>? kinds, HashSet<string>? ids,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var changes in notifier.SubscribeAsync(cancellationToken))
        {
            var nodes = changes.Nodes.Where(n => (kinds is null || kinds.Contains(n.Kind)) && (ids is null || ids.Contains(n.Id))).ToList();
            var relations = changes.Relations.Where(r =>
                (kinds is null || kinds.Any(k => RelationRules.FromKinds(r.Type).Contains(k) || RelationRules.ToKinds(r.Type).Contains(k))) &&
                (ids is null || ids.Contains(r.FromId) || ids.Contains(r.ToId))).ToList();
            if (nodes.Count == 0 && relations.Count == 0) continue;
            loaders.Reset();
            yield return new GraphChanges(nodes, relations);
        }
    }

    /// <summary>
    /// The store decides which of a write's new events match, with the same query as
    /// <c>Query.events</c>: the filter has one meaning, wherever it is used.
    /// </summary>
    private static async IAsyncEnumerable<object?> EventsAsync(
        IGraphChangeNotifier notifier, IGraphStore store, GraphLoaders loaders, EventFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var changes in notifier.SubscribeAsync(cancellationToken))
        {
            var created = changes.Nodes.Where(n => n.Kind == NodeKind.Event && n.Change == ChangeKind.Created).Select(n => n.Id).ToList();
            if (created.Count == 0) continue;
            var found = await store.FindNodesAsync([(filter.ToQuery(NodeOrder.Id) with { Ids = created }, new PageRequest(created.Count))], cancellationToken);
            foreach (var match in found[0].Items)
            {
                loaders.Reset();
                yield return match.Item;
            }
        }
    }
}
