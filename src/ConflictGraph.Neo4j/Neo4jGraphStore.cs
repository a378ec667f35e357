using System.Runtime.CompilerServices;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j;

/// <summary>
/// The graph on Neo4j (single server, cluster or Aura) over the HTTP Query API: (:Node) nodes
/// keyed by id with the node's body, [:REL {type}] relationships carrying their claims.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IDisposable
{
    private readonly QueryApiClient client;
    private readonly HttpClient? ownedHttp;
    private readonly SemaphoreSlim setUp = new(1, 1);
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
        ownedHttp = ownsHttp ? http : null;
    }

    public QueryApiClient Client => client;

    /// <summary>Creates the constraint and indexes once (idempotent: every statement is IF NOT EXISTS).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (ready) return;
        await setUp.WaitAsync(cancellationToken);
        try
        {
            if (ready) return;
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

    private static IReadOnlyList<Node> Nodes(QueryResult result) =>
        result.Records.Select(row => NodeJson.Parse(row.String("kind"), row.String("body"))).ToList();

    private static IReadOnlyList<Relation> Relations(QueryResult result) =>
        result.Records.Select(row => new Relation(EnumNames.Parse<RelationType>(row.String("type")), row.String("fromId"), row.String("toId"),
            row.Strings("claimedBy").Order(StringComparer.Ordinal).ToList(), row.Strings("disputedBy").Order(StringComparer.Ordinal).ToList()))
            .DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : Nodes(await ReadAsync(Statements.NodesByIds, new { ids = ids.Distinct().ToList() }, cancellationToken));

    public async Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) =>
        Nodes(await ReadAsync(Statements.Referencing, new { id }, cancellationToken));

    public async Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken)
    {
        if (nodeIds.Count == 0 || types is { Count: 0 }) return [];
        var parameters = new { ids = nodeIds.Distinct().ToList(), types = types?.Select(EnumNames.Of).ToList() };
        var found = new List<Relation>();
        if (direction != Direction.Incoming) found.AddRange(Relations(await ReadAsync(Statements.Outgoing, parameters, cancellationToken)));
        if (direction != Direction.Outgoing) found.AddRange(Relations(await ReadAsync(Statements.Incoming, parameters, cancellationToken)));
        return found.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<Neighborhood> ExpandAsync(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken)
    {
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        foreach (var group in requests.GroupBy(r => (Types: r.Types is null ? null : string.Join(',', r.Types), r.Direction)))
            foreach (var relation in await GetRelationsAsync(group.Select(r => r.NodeId).ToList(), group.First().Types, group.Key.Direction, cancellationToken))
                relations.TryAdd(relation.Id, relation);
        var ids = relations.Values.SelectMany(r => new[] { r.FromId, r.ToId }).Concat(nodeIds).ToHashSet(StringComparer.Ordinal);
        return new Neighborhood(relations.Values.ToList(), await GetNodesAsync(ids, cancellationToken));
    }

    // REVIEW: Neo4j side pending (issue 12, neo4j engineer): facts are not stored on Neo4j yet (ImportAsync refuses
    // them), so the statements' cited facts are truly none; the relations are read as before.
    public async Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        statementIds.Count == 0 ? Citations.Empty
            : new Citations(Relations(await ReadAsync(Statements.CitedBy, new { ids = statementIds.Distinct().ToList() }, cancellationToken)), []);

    public async Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0) return [];
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        return Nodes(await ReadAsync(Statements.CasualtyStatements, new { ids = wanted.ToList() }, cancellationToken)).OfType<Statement>()
            .SelectMany(s => s.CasualtyReports.Where(r => wanted.Contains(r.EventId)).Select(r => new ReportedCasualties(s.Id, r))).ToList();
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0 || kinds is { Count: 0 } || FullText(text) is not { } query) return [];
        var result = await ReadAsync(Statements.Search, new { query, kinds = kinds?.Select(EnumNames.Of).ToList(), limit }, cancellationToken);
        return result.Records.Select(row => new SearchHit(row.String("id"), EnumNames.Parse<NodeKind>(row.String("kind")), row.Double("score"))).ToList();
    }

    /// <summary>Folded words, each escaped and matched as a required prefix in Lucene syntax.</summary>
    public static string? FullText(string? text)
    {
        var terms = SearchText.QueryTerms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"+{t}*"));
    }

    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken)
    {
        if ((await GetNodesAsync([fromId, toId], cancellationToken)).Count < (fromId == toId ? 1 : 2)) return [];
        return await ShortestPaths.FindAsync((ids, ct) => GetRelationsAsync(ids, null, Direction.Both, ct), fromId, toId, maxDepth, limit, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken)
    {
        var within = placeIds.Distinct().ToDictionary(id => id, _ => (IReadOnlyList<string>)[]);
        if (within.Count == 0) return within;
        foreach (var row in (await ReadAsync(Statements.PlacesWithin, new { ids = within.Keys.ToList() }, cancellationToken)).Records)
            within[row.String("root")] = row.Strings("inside").Order(StringComparer.Ordinal).ToList();
        return within;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken)
    {
        TraversalLimits.CheckEscalationDepth(maxDepth);
        var links = eventIds.Distinct().ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal));
        if (links.Count > 0)
        {
            var parameters = new { ids = links.Keys.ToList(), depth = maxDepth };
            if (direction != ChainDirection.Forward)
                foreach (var row in (await ReadAsync(Statements.EscalationBackward, parameters, cancellationToken)).Records) links[row.String("root")].Add(row.String("relation"));
            if (direction != ChainDirection.Backward)
                foreach (var row in (await ReadAsync(Statements.EscalationForward, parameters, cancellationToken)).Records) links[row.String("root")].Add(row.String("relation"));
        }
        var all = links.Values.SelectMany(l => l).Distinct().ToList();
        var relations = all.Count == 0 ? [] : Relations(await ReadAsync(Statements.RelationsByIds, new { ids = all }, cancellationToken)).ToDictionary(r => r.Id);
        return links.ToDictionary(l => l.Key, l => (IReadOnlyList<Relation>)l.Value.Order(StringComparer.Ordinal).Where(relations.ContainsKey).Select(id => relations[id]).ToList());
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var byKind = (await ReadAsync(Statements.Stats, null, cancellationToken)).Records
            .Select(row => new KindCount(EnumNames.Parse<NodeKind>(row.String("kind")), (int)row.Long("count"))).ToList();
        var relations = (int)(await ReadAsync(Statements.RelationCount, null, cancellationToken)).Records.Single().Long("count");
        return new GraphStats(byKind.Sum(k => k.Count), relations, byKind);
    }

    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(Statements.DataVersion, null, cancellationToken)).Records.Single().Long("version");

    public async IAsyncEnumerable<Node> ExportNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var page = await ReadAsync(Statements.ExportNodes, new { after, limit = 1000 }, cancellationToken);
            foreach (var node in Nodes(page)) yield return node;
            if (page.Rows.Count < 1000) yield break;
            after = page.Records.Last().String("id");
        }
    }

    public async IAsyncEnumerable<Relation> ExportRelationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var page = Relations(await ReadAsync(Statements.ExportRelations, new { after, limit = 1000 }, cancellationToken));
            foreach (var relation in page) yield return relation;
            if (page.Count < 1000) yield break;
            after = page[^1].Id;
        }
    }

    public void Dispose()
    {
        setUp.Dispose();
        ownedHttp?.Dispose();
    }
}
