using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;
using ConflictGraph.Neo4j.Writing;

namespace ConflictGraph.Neo4j.Migration;

/// <summary>
/// Converts a database in the layout before 2026-12 to the current one, in place and in batches:
/// each batch is its own transaction and picks only what is still in the old layout, so a stopped
/// migration resumes where it stopped when run again, and running it on a converted database
/// changes nothing. Nodes get their kind's label and their references as relationships (from their
/// bodies, by the same writes an import uses); each :REL becomes a relationship of its own type
/// with a :Claim per statement; every event without a killed tally (converted, or written before tallies
/// were kept) gets one; every person, organization and place without search's names (written before
/// they were kept) gets them; then the old layout's indexes are dropped. It refuses to start when
/// a claim names a statement that no longer exists, since converting would lose that claim.
/// </summary>
public sealed class LayoutMigration(QueryApiClient client)
{
    public const int DefaultBatchSize = ImportWriter.Chunk;

    /// <summary>The dry run: what is left to convert, read without writing anything.</summary>
    public async Task<LegacyCounts> CountAsync(CancellationToken cancellationToken)
    {
        var nodes = (await client.ReadAsync(LegacyStatements.NodeCounts, null, cancellationToken)).Records
            .ToDictionary(r => r.String("kind"), r => r.Long("count"));
        var relationRows = (await client.ReadAsync(LegacyStatements.RelationCounts, null, cancellationToken)).Records.ToList();
        var dangling = (await client.ReadAsync(LegacyStatements.DanglingClaims, null, cancellationToken)).Records.Single();
        var indexes = (await client.ReadAsync(LegacyStatements.PresentIndexes, new { names = Legacy.Indexes }, cancellationToken)).Records
            .Select(r => r.String("name")).ToList();
        var untallied = (await client.ReadAsync(Statements.UntalliedCount, null, cancellationToken)).Records.Single().Long("count");
        var unnamed = (await client.ReadAsync(Statements.UnnamedCount, null, cancellationToken)).Records.Single().Long("count");
        return new LegacyCounts(nodes, relationRows.ToDictionary(r => r.String("type"), r => r.Long("count")), relationRows.Sum(r => r.Long("claims")),
            dangling.Long("dangling"), dangling.Strings("examples"), indexes) { UntalliedEvents = untallied, UnnamedNodes = unnamed };
    }

    /// <summary>Converts everything left; returns what there was to convert.</summary>
    public async Task<LegacyCounts> RunAsync(int batchSize, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var before = await CountAsync(cancellationToken);
        if (before.DanglingStatements > 0)
            throw new MigrationRefusedException(
                $"{before.DanglingStatements} statements named by claims no longer exist (e.g. {string.Join(", ", before.DanglingExamples)}); " +
                "converting would drop those claims. Import the statements again, or remove the claims, then run the migration again");
        foreach (var statement in Statements.Schema) await client.WriteAsync(statement, null, cancellationToken);

        long done = 0;
        while (before.Nodes > 0 && await client.InTransactionAsync((tx, ct) => ConvertNodesAsync(tx, batchSize, ct), cancellationToken) is var converted and > 0)
            progress?.Report(new MigrationProgress("nodes", done += converted, before.Nodes));
        done = 0;
        while (before.Relations > 0 && await client.InTransactionAsync((tx, ct) => ConvertRelationsAsync(tx, batchSize, ct), cancellationToken) is var converted and > 0)
            progress?.Report(new MigrationProgress("relations", done += converted, before.Relations));
        // After the nodes, so a converted statement's references to its events exist when they are tallied.
        long tallied = 0;
        while (before.EventsToTally > 0 && await client.InTransactionAsync((tx, ct) => TallyEventsAsync(tx, batchSize, ct), cancellationToken) is var count and > 0)
            progress?.Report(new MigrationProgress("event tallies", tallied += count, Math.Max(tallied, before.EventsToTally)));
        // Converted nodes are written with their names; these are the ones written in this layout before names were kept.
        long named = 0;
        while (before.UnnamedNodes > 0 && await client.InTransactionAsync((tx, ct) => NameNodesAsync(tx, batchSize, ct), cancellationToken) is var count and > 0)
            progress?.Report(new MigrationProgress("search names", named += count, Math.Max(named, before.UnnamedNodes)));
        foreach (var statement in LegacyStatements.DropIndexes) await client.WriteAsync(statement, null, cancellationToken);
        progress?.Report(new MigrationProgress("indexes", before.Indexes.Count, before.Indexes.Count));
        if (before.Nodes + before.Relations + tallied + named > 0) await client.WriteAsync(Statements.BumpVersion, null, cancellationToken);
        return before;
    }

    /// <summary>Rewrites one batch of legacy nodes as an import writes them: kind label, properties, references.</summary>
    private static async Task<int> ConvertNodesAsync(Neo4jTransaction tx, int batchSize, CancellationToken ct)
    {
        var nodes = (await tx.RunAsync(LegacyStatements.NodeBatch, new { batch = batchSize }, ct)).Records
            .Select(r => NodeJson.Parse(r.String("kind"), r.String("body"))).ToList();
        await ImportWriter.WriteNodesAsync(tx, nodes.Select(n => (n, NodeProperties.Of(n))), ct);
        await ImportWriter.WriteReferencesAsync(tx, nodes, ct);
        return nodes.Count;
    }

    /// <summary>Gives one batch of events without a killed tally theirs, as every write keeps it (<see cref="EventTallies"/>).</summary>
    private static async Task<int> TallyEventsAsync(Neo4jTransaction tx, int batchSize, CancellationToken ct)
    {
        var ids = (await tx.RunAsync(Statements.UntalliedEvents, new { batch = batchSize }, ct)).Records.Select(r => r.String("id")).ToList();
        await EventTallies.RefreshAsync(tx, ids, ct);
        return ids.Count;
    }

    /// <summary>Gives one batch of persons, organizations and places the names search's first tier reads, from their stored bodies.</summary>
    private static async Task<int> NameNodesAsync(Neo4jTransaction tx, int batchSize, CancellationToken ct)
    {
        var rows = (await tx.RunAsync(Statements.UnnamedNodes, new { batch = batchSize }, ct)).Records.Select(Rows.Node)
            .Select(n => new { id = n.Id, names = SearchText.Names(n) }).ToList();
        if (rows.Count > 0) await tx.RunAsync(Statements.WriteNames, new { rows }, ct);
        return rows.Count;
    }

    /// <summary>Turns one batch of :REL relationships into typed ones with claim nodes, then deletes them.</summary>
    private static async Task<int> ConvertRelationsAsync(Neo4jTransaction tx, int batchSize, CancellationToken ct)
    {
        var relations = (await tx.RunAsync(LegacyStatements.RelationBatch, new { batch = batchSize }, ct)).Records
            .Select(r => new Relation(RelationshipTypes.RelationOf(r.String("type")), r.String("fromId"), r.String("toId"), r.Strings("claimedBy"), r.Strings("disputedBy")))
            .ToList();
        foreach (var type in relations.GroupBy(r => r.Type))
            await tx.RunAsync(Statements.WriteRelations(type.Key), new
            {
                rels = type.Select(r => new { id = r.Id, fromId = r.FromId, toId = r.ToId, status = EnumNames.Of(r.Status) }).ToList(),
            }, ct);
        var claims = relations.SelectMany(r => r.Claims.Select(c => ClaimRows.Of(r, c))).ToList();
        if (claims.Count > 0) await tx.RunAsync(Statements.WriteClaims, new { claims }, ct);
        if (relations.Count > 0) await tx.RunAsync(LegacyStatements.DeleteRelations, new { rels = relations.Select(ImportWriter.Key).ToList() }, ct);
        return relations.Count;
    }
}
