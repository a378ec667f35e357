using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Store;

/// <summary>
/// The graph's storage, small and batched: each read takes many keys at once, so a caller
/// makes one call per field per level, however many results the level holds.
/// Every implementation runs the one conformance suite.
/// </summary>
public interface IGraphStore
{
    /// <summary>The nodes that exist among <paramref name="ids"/>, in no particular order.</summary>
    Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Relations touching any of <paramref name="nodeIds"/> in the given direction (relative to those nodes).</summary>
    Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction,
        CancellationToken cancellationToken);

    /// <summary>
    /// One round trip for a level of a query: the relations every request asks for, the nodes at
    /// their far ends, the nodes in <paramref name="nodeIds"/>, and the node pages in <paramref name="pages"/>
    /// (each as <see cref="FindNodesAsync"/> reads it, in the order given, in <see cref="Neighborhood.Pages"/>).
    /// The nodes the requests expand are not read again (the caller found them at the level before),
    /// unless one is also a far end or asked for by id. A store that can reads it all from one state.
    /// The requests' relations are read up to <paramref name="cap"/>: past it the store stops reading and throws
    /// <see cref="RowCapExceededException"/>.
    /// </summary>
    Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds,
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages, RowCap cap, CancellationToken cancellationToken);

    /// <summary>A level read whole, its relations without a cap (<see cref="ExpandAsync(IReadOnlyCollection{ExpandRequest}, IReadOnlyCollection{string}, IReadOnlyList{ValueTuple{NodeQuery, PageRequest}}, RowCap, CancellationToken)"/>).</summary>
    Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds,
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages, CancellationToken cancellationToken) =>
        ExpandAsync(requests, nodeIds, pages, RowCap.None, cancellationToken);

    /// <summary>A level without pages, read whole (<see cref="ExpandAsync(IReadOnlyCollection{ExpandRequest}, IReadOnlyCollection{string}, IReadOnlyList{ValueTuple{NodeQuery, PageRequest}}, RowCap, CancellationToken)"/>).</summary>
    Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken) =>
        ExpandAsync(requests, nodeIds, [], RowCap.None, cancellationToken);

    /// <summary>
    /// The relations and facts that any of <paramref name="statementIds"/> claims or disputes, each
    /// with all its claims (not only theirs), relations and facts each ordered by id. Backs
    /// <c>Statement.claims</c>, <c>disputes</c> and <c>positions</c>: read through an index on the
    /// statement side of the claims, so its cost grows with the answer.
    /// </summary>
    Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken);

    /// <summary>
    /// The facts about any of <paramref name="subjectIds"/>, each with all its claims, ordered by id
    /// (every property: callers filter by property, so one call serves a query level).
    /// </summary>
    Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken);

    /// <summary>One page of the facts matching <paramref name="query"/>, ordered by id, with the total count.</summary>
    Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// For each event, the events it is part of and the events that are part of it, following
    /// PART_OF transitively (at most <see cref="TraversalLimits.MaxPartOfDepth"/> steps each way; any claim
    /// status). Events with neither get an empty family; unknown ids too.
    /// </summary>
    Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>
    /// Casualty reports about any of <paramref name="eventIds"/>, with the statements carrying them, by statement id.
    /// The statements are read up to <paramref name="cap"/> (each carries at least one report of the events): past it the
    /// store stops reading and throws <see cref="RowCapExceededException"/>.
    /// </summary>
    Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, RowCap cap, CancellationToken cancellationToken);

    /// <summary>The reports read whole (<see cref="GetCasualtyReportsAsync(IReadOnlyCollection{string}, RowCap, CancellationToken)"/>).</summary>
    Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        GetCasualtyReportsAsync(eventIds, RowCap.None, cancellationToken);

    /// <summary>
    /// One page per query, in the order given (a batch of nested connections is one call). A page that asks for
    /// keys only (<see cref="PageRequest.KeysOnly"/>) holds each node as a <see cref="NodeKey"/>, read without its body;
    /// its order, cursors, total and page info are those of the whole nodes.
    /// </summary>
    Task<IReadOnlyList<Page<Node>>> FindNodesAsync(
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken);

    Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Best matches first; folds case, diacritics and punctuation; covers aliases.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(
        string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken);

    /// <summary>Shortest paths first, ignoring direction, each at most <paramref name="maxDepth"/> relations long.</summary>
    /// <exception cref="PathSearchTooWideException">The search is too wide from both ends to show its answer is the first paths.</exception>
    Task<IReadOnlyList<GraphPath>> FindPathsAsync(
        string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken);

    /// <summary>For each place, every place inside it, transitively (not itself).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(
        IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken);

    /// <summary>
    /// For each event, the RETALIATION_FOR and RESPONSE_TO relations reachable from it within
    /// <paramref name="maxDepth"/> steps: backward follows outgoing edges, forward incoming ones.
    /// The links (an event and a relation of its chain) are read up to <paramref name="cap"/>: past it the store stops
    /// reading and throws <see cref="RowCapExceededException"/>.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, RowCap cap, CancellationToken cancellationToken);

    /// <summary>The chains read whole (<see cref="GetEscalationAsync(IReadOnlyCollection{string}, ChainDirection, int, RowCap, CancellationToken)"/>).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken) =>
        GetEscalationAsync(eventIds, direction, maxDepth, RowCap.None, cancellationToken);

    /// <summary>
    /// Writes the batch in one transaction: all or nothing. Nodes are upserted by id; relations are
    /// keyed by (type, from, to) and facts by (subject, property, value), and the claims of each are
    /// merged onto the stored ones by <see cref="ClaimMerge"/> (a characterization is kept with its
    /// claim), the status following by <see cref="ClaimStatusRule"/>. A fact or relation that gains or
    /// changes a claim counts as updated. Throws <see cref="MissingReferenceException"/> when something
    /// points at a node in neither the batch nor the store (a fact's subject, a claim's statement).
    /// Every change is appended to the change log in the same transaction, by
    /// <see cref="HistoryChanges"/>, under one batch whose id the result carries; a write that
    /// changes nothing appends nothing and has no batch.
    /// </summary>
    /// <param name="write">Who writes (recorded in the log) and where progress goes; null: <see cref="WriteContext.Unattributed"/>.</param>
    Task<ImportResult> ImportAsync(GraphBatch batch, WriteContext? write, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a validated batch read in chunks, as <see cref="ImportAsync(GraphBatch, WriteContext?, CancellationToken)"/>
    /// writes one: in one transaction, all or nothing. A store that writes chunk by chunk holds one
    /// chunk at a time; this default reads them all into one batch first.
    /// </summary>
    async Task<ImportResult> ImportAsync(GraphChunks chunks, WriteContext? write, CancellationToken cancellationToken) =>
        await ImportAsync(await chunks.ToBatchAsync(cancellationToken), write, cancellationToken);

    /// <summary>
    /// Removes the node, its relations, the facts about it, its claims (on relations and facts, whose
    /// status then follows from the claims left) and every reference to it; false when absent. The
    /// log keeps what was removed: the node, each relation and fact with its claims, each claim the
    /// node made elsewhere as withdrawn, and each node that named it as updated.
    /// </summary>
    Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a statement's position off a relation or a fact, logged as a withdrawal; the status
    /// follows from the claims left (a relation whose last claim goes is UNSOURCED). False when the
    /// statement holds no position there. Throws <see cref="TargetNotFoundException"/> when the
    /// relation, the fact or the statement is not stored.
    /// </summary>
    Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the change log in commit order (oldest first), after a history cursor, of one
    /// target (node, relation with its claims, or fact with its claims) or of all; each entry with
    /// the target's JSON before and after it, and the total count.
    /// </summary>
    Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Every entry of each target, oldest first, with before and after (Relation.history); unknown ids get an empty list.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> entries after sequence number <paramref name="after"/>, oldest
    /// first, without before and after: what live subscriptions tail. Entries of one batch are
    /// committed together, so a reader never sees part of a write.
    /// </summary>
    Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>Folds entries older than <paramref name="cutoff"/> by <see cref="HistoryCompaction"/>, in one transaction.</summary>
    Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// The other nodes whose fields name <paramref name="id"/> (a statement's speaker or source, a
    /// role's organization, ...): what deleting it rewrites.
    /// </summary>
    Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Counts and killed estimates of the selected events, grouped, computed by the store in one call
    /// (no event is read into memory). Each group holds the events with that key in every dimension:
    /// an event with two perpetrators is in both perpetrators' groups, and once in the total. TIME groups
    /// by the bucket of the event's start (<see cref="TimeBuckets"/>); PLACE by each place of kind
    /// PlaceLevel its places lie in through LOCATED_IN, at any depth; ACLED_EVENT_TYPE by the kind's code
    /// in <see cref="Codings.CodingTable"/>. Events without a value are in the <see cref="GroupKeys.None"/>
    /// group. Killed estimates follow <see cref="SharedDeaths"/> within each group and within the total.
    /// Groups come largest first (<see cref="EventAggregate.Order"/>), at most First of them.
    /// </summary>
    Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The selected events as export records, by start date then id (undated last), read
    /// from one cursor as the caller consumes them, so no export holds the graph in memory.
    /// </summary>
    IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, CancellationToken cancellationToken);

    /// <summary>Every node and relation, for export.</summary>
    IAsyncEnumerable<Node> ExportNodesAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<Relation> ExportRelationsAsync(CancellationToken cancellationToken);

    /// <summary>Every fact with its claims, for export.</summary>
    IAsyncEnumerable<Fact> ExportFactsAsync(CancellationToken cancellationToken);

    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The sequence number of the change log's newest entry (0 when empty): it moves with every
    /// committed write that changed something, whichever process made it; caches key on it and
    /// subscriptions start after it.
    /// </summary>
    Task<long> GetDataVersionAsync(CancellationToken cancellationToken);
}
