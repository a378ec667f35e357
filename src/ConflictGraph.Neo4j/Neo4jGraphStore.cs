using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j;

/// <summary>
/// The graph on Neo4j (single server, cluster or Aura) over the HTTP Query API. Each node carries
/// :Node and its kind's label (:Event, :Person, ...); each relation is a relationship of its own
/// type (:CARRIED_OUT, ...); each fact is a :Fact its subject HAS_FACT to; each claim, on a relation or
/// a fact, is a :Claim node its statement MAKES, found from its target by the target's id; the nodes a
/// node's fields name are relationships too.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IDisposable
{
    private readonly QueryApiClient client;
    private readonly HttpClient? ownedHttp;
    private readonly SemaphoreSlim setUp = new(1, 1);
    private readonly TimeProvider clock;
    private bool ready;

    public Neo4jGraphStore(Neo4jStoreOptions options) : this(new HttpClient(), options, null, ownsHttp: true)
    {
    }

    /// <summary>For tests and custom handlers: the store on a given HttpClient (which the caller keeps owning).</summary>
    public Neo4jGraphStore(HttpClient http, Neo4jStoreOptions options, TimeProvider? time = null) : this(http, options, time, ownsHttp: false)
    {
    }

    private Neo4jGraphStore(HttpClient http, Neo4jStoreOptions options, TimeProvider? time, bool ownsHttp)
    {
        client = new QueryApiClient(http, options, time);
        clock = time ?? TimeProvider.System;
        ownedHttp = ownsHttp ? http : null;
    }

    public QueryApiClient Client => client;

    /// <summary>
    /// Checks the layout and creates the constraints and indexes once (idempotent: every statement
    /// is IF NOT EXISTS). A database still in the layout before 2026-12 is refused with the command
    /// that converts it; nothing is written to it.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (ready) return;
        await setUp.WaitAsync(cancellationToken);
        try
        {
            if (ready) return;
            var layout = (await client.ReadAsync(Statements.LayoutCheck, null, cancellationToken)).Records.Single();
            var unlabelled = layout.Long("unlabelled");
            if (unlabelled > 0 || layout.Bool("legacyRelations"))
                throw new StoreUnavailableException(
                    $"the Neo4j database is in the layout before 2026-12 ({unlabelled} nodes without a kind label" +
                    $"{(layout.Bool("legacyRelations") ? ", relations stored as :REL" : "")}); convert it in place with " +
                    "'conflictgraph neo4j migrate' (add --dry-run to see the counts first)");
            foreach (var statement in Statements.Schema) await client.WriteAsync(statement, null, cancellationToken);
            ready = true;
        }
        finally
        {
            setUp.Release();
        }
    }

    private async Task<QueryResult> ReadAsync(string statement, object? parameters, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await client.ReadAsync(statement, parameters, cancellationToken);
    }

    public async Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : Rows.Nodes(await ReadAsync(Statements.NodesByIds, new { ids = ids.Distinct().ToList() }, cancellationToken));

    public async Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) =>
        Rows.Nodes(await ReadAsync(Statements.Referencing, new { id }, cancellationToken));

    public async Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken)
    {
        if (nodeIds.Count == 0 || types is { Count: 0 }) return [];
        var groups = new[] { new RelationGroup(types?.ToList(), direction, nodeIds.Distinct().ToList()) };
        return Rows.Relations(await ReadAsync(Statements.Relations(groups), RelationGroup.Parameters(groups), cancellationToken));
    }

    /// <summary>
    /// One statement for the level: its expansion (every request's relations, their ends and the asked nodes) and its
    /// pages, each read by the clauses <see cref="FindNodesAsync(IReadOnlyList{ValueTuple{NodeQuery, PageRequest}}, CancellationToken)"/>
    /// sends for it (<see cref="NodePage"/>) after the expansion's, so one request and one transaction, a page that filters
    /// by words included (its full-text matches are a subquery of the statement, as in FindNodesAsync). Neo4j reads at read-committed isolation, so one
    /// transaction is not one snapshot: a write committed while the statement runs can reach one part and not another.
    /// </summary>
    public async Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds,
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages, RowCap cap, CancellationToken cancellationToken)
    {
        if (pages.Count == 0) return await ExpandLevelAsync(requests, nodeIds, cap, cancellationToken);
        // A listed page (an event's statements) is read one item past the cap at most (its LIMIT), and the level's listed
        // pages together are held to it once read: one statement reads them all, so none can stop at what another left.
        var limited = pages.Select(p => (p.Query, cap.Limit(p.Page))).ToList();
        var level = new LevelStatement(Groups(requests), ReadsClaims(requests), nodeIds.Distinct().ToList(), Fold(limited), cap);
        if (!level.HasPages) return await ExpandLevelAsync(requests, nodeIds, cap, cancellationToken) with { Pages = level.Pages(null) };
        var result = await ReadAsync(level.Text, level.Parameters, cancellationToken);
        var row = level.ExpandsRelations ? Statements.CappedRow(result, cap) : result.Records.Single();
        var read = level.Pages(row);
        cap.AfterPages(pages.Select((p, i) => (p.Page, read[i].Items.Count)));
        var relations = level.ExpandsRelations ? Rows.Relations(Rows.Maps(row["relations"]).Select(Rows.Relation)) : [];
        var nodes = level.ReadsNodes ? Rows.Maps(row["nodes"]).Select(Rows.Node).ToList() : [];
        return new Neighborhood(relations, nodes) { Pages = read };
    }

    private async Task<Neighborhood> ExpandLevelAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, RowCap cap, CancellationToken cancellationToken)
    {
        var groups = Groups(requests);
        if (groups.Count == 0) return new Neighborhood([], await GetNodesAsync(nodeIds, cancellationToken));
        var parameters = RelationGroup.Parameters(groups);
        parameters["ids"] = nodeIds.Distinct().ToList();
        parameters[Statements.CapParameter] = Statements.CapValue(cap);
        var row = Statements.CappedRow(await ReadAsync(Statements.Expansion(groups, ReadsClaims(requests)), parameters, cancellationToken), cap);
        var relations = Rows.Relations(Rows.Maps(row["relations"]).Select(Rows.Relation));
        return new Neighborhood(relations, Rows.Maps(row["nodes"]).Select(Rows.Node).ToList());
    }

    /// <summary>
    /// The requests with relation types to follow, one group per set of types and direction, in a fixed order (one statement
    /// text per shape). The walk's one LIMIT covers every group, so here the relations of a request that is not
    /// <see cref="ExpandRequest.Listed"/> (a single node's field) still count toward the cap.
    /// </summary>
    private static List<RelationGroup> Groups(IReadOnlyCollection<ExpandRequest> requests) =>
        requests.Where(r => r.Types is not { Count: 0 })
            .GroupBy(r => (Types: r.Types is null ? null : RelationshipTypes.AnyOf(r.Types), r.Direction))
            .OrderBy(g => g.Key.Direction).ThenBy(g => g.Key.Types, StringComparer.Ordinal)
            .Select(g => new RelationGroup(g.First().Types, g.Key.Direction, g.Select(r => r.NodeId).Distinct().ToList()))
            .ToList();

    /// <summary>Claims only when some request shows its relations: a level that follows them to their ends (an event's place) reads none.</summary>
    private static bool ReadsClaims(IReadOnlyCollection<ExpandRequest> requests) => requests.Any(r => !r.EndsOnly && r.Types is not { Count: 0 });

    public async Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, RowCap cap, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0) return [];
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        var parameters = new Dictionary<string, object?> { ["ids"] = wanted.ToList(), [Statements.CapParameter] = Statements.CapValue(cap) };
        var result = await ReadAsync(Statements.CasualtyStatements, parameters, cancellationToken);
        // One statement past the cap at most ($cap): that one says the reports are more than it.
        cap.Check(result.Rows.Count);
        return Rows.Nodes(result).OfType<Statement>()
            .SelectMany(s => s.CasualtyReports.Where(r => wanted.Contains(r.EventId)).Select(r => new ReportedCasualties(s.Id, r))).ToList();
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0 || kinds is { Count: 0 } || FullText(text) is not { } query) return [];
        // SearchText.Names's rule: name matches first; the whole text only when they leave room on the page. Both tiers
        // are one statement (one request); kinds without names have no name tier.
        var labels = kinds?.Select(Labels.Of).ToList();
        if (kinds is not null && !kinds.Any(SearchText.NamedKinds.Contains))
            return (await ReadAsync(Statements.TextSearch, new { query, kinds = labels, limit }, cancellationToken)).Records
                .Select(row => Hit(Rows.Map(row), nameMatch: false)).ToList();
        var tiers = (await ReadAsync(Statements.Search, new { query, kinds = labels, limit }, cancellationToken)).Records.Single();
        var hits = Rows.Maps(tiers["names"]).Select(hit => Hit(hit, nameMatch: true)).ToList();
        hits.AddRange(Rows.Maps(tiers["texts"]).Take(limit - hits.Count).Select(hit => Hit(hit, nameMatch: false)));
        return hits;

        static SearchHit Hit(IReadOnlyDictionary<string, object?> hit, bool nameMatch) =>
            new((string)hit["id"]!, Labels.KindOf((string)hit["kind"]!), Convert.ToDouble(hit["score"]), nameMatch);
    }

    /// <summary>Folded words, each escaped and matched as a required prefix in Lucene syntax.</summary>
    public static string? FullText(string? text)
    {
        var terms = SearchText.QueryTerms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"+{t}*"));
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var counts = (await ReadAsync(Statements.Stats, null, cancellationToken)).Records.Single();
        // Kinds with nodes, in label order, as the store has always listed them.
        var byKind = Labels.Kinds.Order(StringComparer.Ordinal).Select(label => new KindCount(Labels.KindOf(label), (int)counts.Long(label)))
            .Where(kind => kind.Count > 0).ToList();
        return new GraphStats(byKind.Sum(k => k.Count), (int)counts.Long("relations"), byKind);
    }

    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(Statements.DataVersion, null, cancellationToken)).Records.Single().Long("version");

    public void Dispose()
    {
        setUp.Dispose();
        ownedHttp?.Dispose();
    }
}
