using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Store;

/// <summary>
/// A batch too large to hold at once, read from its source in chunks: every node first, then the
/// relations and facts, each chunk a <see cref="GraphBatch"/> of at most <see cref="ChunkSize"/>
/// items. A store writes all chunks in one transaction, so the batch stays all or nothing while
/// memory holds one chunk.
/// <para>
/// Either the batch was validated before (<see cref="GraphChunks(IGraphSource, ValidationResult)"/>), or it is validated
/// by its first reading (<see cref="GraphChunks(IGraphSource, GraphSize, IGraphStore?)"/>), so the input is parsed once for both: that reading hands over an item
/// only while no problem has been found, and once the whole input is checked it throws
/// <see cref="GraphValidationException"/> with every problem instead of ending, so a store's transaction rolls back what
/// it wrote of the chunks before. A store that must not write before the batch is known valid calls
/// <see cref="ValidateAsync"/> first.
/// </para>
/// </summary>
public sealed class GraphChunks
{
    private readonly IGraphSource source;
    private readonly GraphSize size;
    private readonly BatchNodeIds ids;
    // While the first reading validates: held around each id registered and each asked from another thread.
    private readonly Lock? gate;
    private ValidationPass? pass;
    private int readings;
    // Set once the validating reading has registered every node: ids no longer change, and are asked without the gate.
    private bool idsComplete;

    /// <summary>A batch validated already (its validation found no problem).</summary>
    public GraphChunks(IGraphSource source, ValidationResult validation)
    {
        this.source = source;
        size = validation;
        ids = validation.NodeIds;
    }

    /// <summary>A batch validated by its first reading, against <paramref name="store"/>; <paramref name="size"/> is its count (<see cref="IGraphSource.CountAsync"/>).</summary>
    public GraphChunks(IGraphSource source, GraphSize size, IGraphStore? store)
    {
        this.source = source;
        this.size = size;
        ids = new BatchNodeIds();
        gate = new Lock();
        pass = new ValidationPass(source, store, ids, gate);
    }

    /// <summary>Items per chunk: a few megabytes of parsed items, and progress reported often enough.</summary>
    public int ChunkSize { get; init; } = 10_000;

    public long Nodes => size.Nodes;

    public long Relations => size.Relations;

    public long Facts => size.Facts;

    public long Items => size.Items;

    /// <summary>
    /// Whether the result lists every node and relation changed (<see cref="ImportResult.NodeChanges"/>),
    /// as a service needs to tell its caches and subscribers. A writer nobody listens to (the CLI) turns
    /// it off, so the lists do not grow with the batch; the counts are kept either way.
    /// </summary>
    public bool ListsChanges { get; init; } = true;

    /// <summary>Called once the first reading has checked the whole input and found no problem, before its last chunk.</summary>
    public Action<ValidationResult>? Validated { get; init; }

    /// <summary>Whether the whole batch is known valid (validated before, or by a reading that reached its end).</summary>
    public bool IsValidated => Volatile.Read(ref pass) is null;

    /// <summary>
    /// Whether the batch holds a node with this id (a reference to it needs no look-up in the store). While the first
    /// reading validates, a node not read yet is not held yet: every node is read before any relation or fact, so a
    /// write can ask again for a node's reference once it has the nodes.
    /// </summary>
    public bool Holds(string nodeId)
    {
        if (gate is null || Volatile.Read(ref idsComplete)) return ids.Contains(nodeId);
        lock (gate) return ids.Contains(nodeId);
    }

    /// <summary>Where the batch gives a node, as the user knows it (e.g. <c>seed/people.json: persons[2].id</c>); null when it does not.</summary>
    public string? PathOf(string nodeId)
    {
        ItemPlace? place;
        if (gate is null) place = ids.PlaceOf(nodeId);
        else
        {
            lock (gate) place = ids.PlaceOf(nodeId);
        }
        return place is { } known ? source.Where(known, ".id") : null;
    }

    /// <summary>Validates the whole batch now unless it is already (without making its items): throws <see cref="GraphValidationException"/> on a problem.</summary>
    public async Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (IsValidated) return;
        await foreach (var _ in ReadAsync(write: false, cancellationToken))
        {
        }
    }

    public IAsyncEnumerable<GraphBatch> ReadAsync(CancellationToken cancellationToken) => ReadAsync(write: true, cancellationToken);

    private async IAsyncEnumerable<GraphBatch> ReadAsync(bool write, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var validating = pass;
        if (validating is not null && Interlocked.Exchange(ref readings, 1) == 1)
            throw new InvalidOperationException("a batch validated by its reading is read a second time only once that reading has ended");
        // Without a validation under way the source is read as it comes; while validating, a second thread reads and parses ahead.
        IAsyncEnumerable<GraphItem> Items(SectionGroup group) =>
            validating is null ? source.ReadAsync(group, cancellationToken) : GraphValidator.Items(source, group, cancellationToken);
        bool Takes() => write && (validating is null || validating.Clean);

        var nodes = new List<Node>(ChunkSize);
        await foreach (var item in Items(SectionGroup.Nodes))
        {
            if (validating is not null) await validating.NodeAsync(item, cancellationToken);
            if (!Takes()) continue;
            nodes.Add(GraphInputMapper.ToNode(item.Value!));
            if (nodes.Count < ChunkSize) continue;
            yield return new GraphBatch(nodes, []);
            nodes = new List<Node>(ChunkSize);
        }
        if (validating is not null)
        {
            Volatile.Write(ref idsComplete, true);
            await validating.EndOfNodesAsync(cancellationToken);
        }
        if (Takes() && nodes.Count > 0) yield return new GraphBatch(nodes, []);
        var relations = new List<Relation>();
        var facts = new List<Fact>();
        await foreach (var item in Items(SectionGroup.Links))
        {
            if (validating is not null) await validating.LinkAsync(item, cancellationToken);
            if (!Takes()) continue;
            if (item.Place.Section == GraphSection.Relations) relations.Add(GraphInputMapper.ToRelation((RelationInput)item.Value!));
            else facts.Add(GraphInputMapper.ToFact((FactInput)item.Value!));
            if (relations.Count + facts.Count < ChunkSize) continue;
            yield return new GraphBatch([], relations) { Facts = facts };
            (relations, facts) = ([], []);
        }
        if (validating is not null)
        {
            // The whole input is checked: a problem anywhere ends the reading here, so nothing written of it is committed.
            var validation = await validating.EndAsync(cancellationToken);
            if (validation.Problems.Count > 0) throw new GraphValidationException(validation.Problems);
            Volatile.Write(ref pass, null);
            Validated?.Invoke(validation);
        }
        if (write && relations.Count + facts.Count > 0) yield return new GraphBatch([], relations) { Facts = facts };
    }

    /// <summary>Every chunk in one batch: for a store that cannot write chunks in one transaction (memory then grows with the batch).</summary>
    public async Task<GraphBatch> ToBatchAsync(CancellationToken cancellationToken)
    {
        var (nodes, relations, facts) = (new List<Node>(), new List<Relation>(), new List<Fact>());
        await foreach (var chunk in ReadAsync(cancellationToken))
        {
            nodes.AddRange(chunk.Nodes);
            relations.AddRange(chunk.Relations);
            facts.AddRange(chunk.Facts);
        }
        return new GraphBatch(nodes, relations) { Facts = facts };
    }
}
