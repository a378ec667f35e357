using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// How a large import is written. Inserting rows one by one into a dozen B-trees keyed by text
/// costs far more than building each secondary index once, sorted, after the rows are in; and a
/// trigger per row (counts, event_places, node_refs, the roll-ups) costs more than deriving those
/// tables once from the rows. So a batch that is large next to what is stored drops the secondary
/// indexes and the triggers at the start of its transaction, derives the triggers' tables set-wise
/// (<see cref="DerivedRows"/>) and creates indexes and triggers again before it commits. DDL is
/// transactional in SQLite: a failed or killed import rolls the schema back with the rows, and
/// readers keep the old snapshot, indexes and triggers included, until the commit.
/// The nodes' search texts are staged in a temporary table and go into the full-text table in one
/// statement at the end: FTS5 writes what it holds in memory to disk at every statement savepoint
/// (each insert that may fail half-way opens one), so a text inserted per row became a segment per
/// row and a merge every few rows, a cost that grew with the file.
/// </summary>
internal sealed class BulkLoad
{
    /// <summary>Below this many nodes and relations a batch is written with the indexes in place.</summary>
    public const int MinimumItems = 20_000;

    /// <summary>The temporary table a bulk import's search texts wait in (rowid = nodes.seq), dropped before the commit.</summary>
    public const string StagedSearch = "temp.search_staged";

    /// <summary>Creates <see cref="StagedSearch"/> (on the import's connection; the plan check creates it to explain the statements that use it).</summary>
    public const string CreateStagedSearch = $"CREATE TABLE {StagedSearch} (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)";

    /// <summary>A larger page cache for the import's transaction (KiB), so fewer pages spill to the log mid-write.</summary>
    internal const int ImportCacheKib = 262_144;

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly IReadOnlyList<(string Name, string Sql)> indexes;
    private readonly IReadOnlyList<(string Name, string Sql)> rollupIndexes;
    private readonly IReadOnlyList<(string Name, string Sql)> triggers;
    private readonly int previousCacheSize;
    private readonly long storedBefore;

    private BulkLoad(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(string, string)> indexes, IReadOnlyList<(string, string)> rollupIndexes,
        IReadOnlyList<(string, string)> triggers, int previousCacheSize, long storedBefore)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.indexes = indexes;
        this.rollupIndexes = rollupIndexes;
        this.triggers = triggers;
        this.previousCacheSize = previousCacheSize;
        this.storedBefore = storedBefore;
    }

    /// <summary>True when the batch holds at least <see cref="MinimumItems"/> items and more nodes than are stored.</summary>
    public static bool Worthwhile(long batchNodes, long batchRelations, long storedNodes) =>
        batchNodes + batchRelations >= MinimumItems && batchNodes > storedNodes;

    /// <summary>
    /// An upper bound of the stored nodes at one index seek: max(seq) is the row count or more,
    /// since rows are never renumbered, and 0 exactly when the store holds no node.
    /// </summary>
    public static long StoredNodesAtMost(SqliteConnection connection, SqliteTransaction transaction) =>
        (long?)Scalar(connection, transaction, "SELECT max(seq) FROM nodes") ?? 0;

    /// <summary>Prepares the transaction for a bulk write when a batch of this size is worth it; otherwise null.</summary>
    public static BulkLoad? Begin(SqliteConnection connection, SqliteTransaction transaction, long batchNodes, long batchRelations, long storedNodes)
    {
        if (!Worthwhile(batchNodes, batchRelations, storedNodes)) return null;

        var previousCacheSize = (int)(long)Scalar(connection, transaction, "PRAGMA cache_size")!;
        connection.Execute($"PRAGMA cache_size = -{ImportCacheKib}", transaction);
        // Only explicitly created indexes: those behind PRIMARY KEY and UNIQUE have no SQL, stay,
        // and serve every lookup the import makes (ids, foreign keys, conflicts).
        var indexes = SchemaEntries(connection, transaction,
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL " +
            "AND tbl_name IN ('nodes', 'refs', 'relations', 'claims', 'facts', 'fact_claims', 'event_places', 'place_events', 'node_refs', 'history') ORDER BY name");
        // The roll-up's own, made again once its rows are in (FinishRollup).
        var rollupIndexes = SchemaEntries(connection, transaction,
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'event_rollup' ORDER BY name");
        // The triggers that keep a table DerivedRows derives set-wise; any other stays and fires row by row.
        var triggers = SchemaEntries(connection, transaction, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid")
            .Where(t => DerivedRows.Triggers.Contains(t.Name)).ToList();
        foreach (var (name, _) in indexes.Concat(rollupIndexes)) connection.Execute($"DROP INDEX {Quoted(name)}", transaction);
        foreach (var (name, _) in triggers) connection.Execute($"DROP TRIGGER {Quoted(name)}", transaction);
        connection.Execute(CreateStagedSearch, transaction);
        return new BulkLoad(connection, transaction, indexes, rollupIndexes, triggers, previousCacheSize, storedNodes);
    }

    /// <summary>
    /// Once every row is written: the staged search texts, node_refs, event_places and place_events from the rows (before their indexes,
    /// so they go in key order), the dropped indexes, then counts, organizations' and speakers' statements (grouped over the new indexes), places' months and their events' bodies by place and date.
    /// </summary>
    public void Finish(PhaseClock phases)
    {
        // Statistics taken of the store before this batch (one node, say) would have the planner scan
        // nodes once per ref in the derivations below; an empty store has none, and the planner assumes large tables.
        if (storedBefore > 0)
        {
            PlannerStatistics.Refresh(connection, transaction);
            phases.Done("planner statistics");
        }
        connection.Execute($"INSERT INTO search (rowid, text) SELECT rowid, text FROM {StagedSearch} ORDER BY rowid", transaction);
        connection.Execute($"DROP TABLE {StagedSearch}", transaction);
        phases.Done("full-text index");
        DerivedRows.RefillPlacesAndRefs(connection, transaction);
        phases.Done("node_refs and event_places");
        DerivedRows.RefillPlaceEvents(connection, transaction);
        phases.Done("place_events");
        foreach (var (name, sql) in indexes)
        {
            connection.Execute(sql, transaction);
            phases.Done($"index {name}");
        }
        DerivedRows.Recounts(connection, transaction);
        phases.Done("counts");
        DerivedRows.RecountOrganizationStatements(connection, transaction);
        phases.Done("organization statements");
        DerivedRows.RefillOrganizationStatementRefs(connection, transaction);
        phases.Done("organization statement refs");
        SpeakerStatements.Derive(connection, transaction);
        phases.Done("speaker statements");
        PlaceMonthEvents.Derive(connection, transaction);
        phases.Done("place_month_events");
        PlaceEventBodies.Derive(connection, transaction);
        phases.Done("place_event_bodies");
    }

    /// <summary>
    /// Once the events' roll-up rows are written: their indexes, event_cube, event_days and actor_kinds from them, the kept cells
    /// (place_months) from them and place_events, and the triggers again.
    /// </summary>
    public void FinishRollup(PhaseClock phases)
    {
        foreach (var (name, sql) in rollupIndexes)
        {
            connection.Execute(sql, transaction);
            phases.Done($"index {name}");
        }
        DerivedRows.RebuildRollups(connection, transaction);
        phases.Done("event_cube, event_days and actor_kinds");
        DerivedRows.RebuildCells(connection, transaction);
        phases.Done("place_months, the kept cells");
        foreach (var (_, sql) in triggers) connection.Execute(sql, transaction);
        phases.Done("triggers");
    }

    /// <summary>Gives the pooled connection its usual page cache back, whether or not the import committed.</summary>
    public void RestoreCache()
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = {previousCacheSize}";
        command.ExecuteNonQuery();
    }

    private static List<(string Name, string Sql)> SchemaEntries(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var entries = new List<(string, string)>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) entries.Add((reader.GetString(0), reader.GetString(1)));
        return entries;
    }

    private static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

}
