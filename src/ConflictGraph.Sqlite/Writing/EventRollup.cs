using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// Keeps event_rollup (and through its triggers event_cube) equal to the graph, inside the write's
/// own transaction: after a write, the rows of every event it touched are replaced, with the killed
/// estimate the core computes from the event's reports (<see cref="CasualtyEstimate.Of"/>, stored as
/// a <see cref="CasualtyTally"/>), and the disputed, part-of and key columns read from relations and
/// facts in one set-based statement.
/// </summary>
internal static class EventRollup
{
    private const string Touched = "rollup_touched";

    /// <summary>Every event's rows from scratch, with reports read from the store (a file migrated to this schema).</summary>
    public static void Rebuild(SqliteConnection connection, SqliteTransaction transaction)
    {
        // Every event's relations are probed: with the default 2 MB page cache that rereads the same pages
        // from the file over and over, so the rebuild gets the page cache a bulk import gets.
        using (var size = Command(connection, transaction, "PRAGMA cache_size"))
        {
            var previous = Convert.ToInt64(size.ExecuteScalar());
            connection.Execute($"PRAGMA cache_size = -{BulkLoad.ImportCacheKib}", transaction);
            try
            {
                RebuildRows(connection, transaction);
            }
            finally
            {
                connection.Execute($"PRAGMA cache_size = {previous}", transaction);
            }
        }
    }

    private static void RebuildRows(SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.Execute("DELETE FROM event_rollup", transaction);
        var ids = new List<string>();
        using (var events = Command(connection, transaction, "SELECT id FROM nodes WHERE kind = 'EVENT'"))
        using (var reader = events.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetString(0));
        var reports = ReadReports(connection, transaction,
            "SELECT body FROM nodes WHERE id IN (SELECT node_id FROM refs WHERE field = 'eventId')", null);
        Refresh(connection, transaction, ids, Tallies(reports));
    }

    /// <summary>Replaces the rows of <paramref name="eventIds"/>, with reports read from the store as the transaction sees it.</summary>
    public static void Refresh(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> eventIds)
    {
        if (eventIds.Count == 0) return;
        var reports = ReadReports(connection, transaction,
            $"SELECT n.body FROM nodes n WHERE n.id IN (SELECT f.node_id FROM {Ids.In("$ids")} j CROSS JOIN refs f ON f.target_id = j.value AND f.field = 'eventId')",
            command => Ids.Add(command, "$ids", eventIds));
        Refresh(connection, transaction, eventIds, Tallies(reports));
    }

    /// <summary>The tally of each event some report is about, by the core's estimate rule.</summary>
    public static Dictionary<string, CasualtyTally> Tallies(IEnumerable<CasualtyReport> reports) => CasualtyTally.ByEvent(reports);

    /// <summary>Replaces the rows of <paramref name="eventIds"/> (ids that are no event are skipped) with <paramref name="tallies"/>.</summary>
    public static void Refresh(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> eventIds, IReadOnlyDictionary<string, CasualtyTally> tallies) =>
        Refresh(connection, transaction, insert =>
        {
            foreach (var id in eventIds) Touch(insert, id, tallies.GetValueOrDefault(id) ?? CasualtyTally.Zero);
        });

    /// <summary>
    /// Every event's rows, for a write into a store that held no node before it (so the write made every event and
    /// every report): the events are read from the store in id order, each with its tally from <paramref name="tallyOf"/>,
    /// instead of a set of ids held through the write.
    /// </summary>
    public static void RefreshAll(SqliteConnection connection, SqliteTransaction transaction, Func<string, CasualtyTally> tallyOf) =>
        Refresh(connection, transaction, insert =>
        {
            using var events = Command(connection, transaction, "SELECT id FROM nodes WHERE kind = 'EVENT' ORDER BY id");
            using var reader = events.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                Touch(insert, id, tallyOf(id));
            }
        });

    private static void Touch(RowStatement insert, string id, CasualtyTally tally) =>
        insert.With(id, tally.Counted, tally.WithBest, tally.OpenEnded, tally.Low, tally.Best, tally.High).Run();

    private static void Refresh(SqliteConnection connection, SqliteTransaction transaction, Action<RowStatement> touchAll)
    {
        connection.Execute($"DELETE FROM {Touched}", transaction);
        using (var insert = new RowStatement(connection, $"INSERT OR IGNORE INTO {Touched} VALUES ($id, $counted, $withBest, $open, $low, $best, $high)",
            "$id", "$counted", "$withBest", "$open", "$low", "$best", "$high"))
            touchAll(insert);
        connection.Execute($"DELETE FROM event_rollup WHERE seq IN (SELECT n.seq FROM {Touched} touched CROSS JOIN nodes n ON n.id = touched.id)", transaction);
        connection.Execute(Rows, transaction);
        connection.Execute($"DELETE FROM {Touched}", transaction);
    }

    /// <summary>The core's contested statuses as an SQL list (enum names, never input).</summary>
    private static readonly string Contested = $"({string.Join(", ", ClaimStatusRule.Contested.Select(c => $"'{EnumNames.Of(c)}'"))})";

    private const string Columns = "e.seq, e.sub_kind, e.date_start, e.date_end, e.disputed, e.part_of, e.counted, e.with_best, e.open_ended, e.low, e.best, e.high";

    // One row for the event and one per perpetrator, target and place ('' when it has none), in key order.
    private static readonly string Rows = $"""
        WITH e AS MATERIALIZED (
            SELECT n.id, n.seq, n.sub_kind, n.date_start, n.date_end, touched.counted, touched.with_best, touched.open_ended, touched.low, touched.best, touched.high,
                (EXISTS (SELECT 1 FROM relations r WHERE r.from_id = n.id AND r.status IN {Contested})
                 OR EXISTS (SELECT 1 FROM relations r WHERE r.to_id = n.id AND r.status IN {Contested})
                 OR EXISTS (SELECT 1 FROM facts f WHERE f.subject_id = n.id AND f.status IN {Contested})) AS disputed,
                EXISTS (SELECT 1 FROM relations r WHERE r.from_id = n.id AND r.type = 'PART_OF') AS part_of
            FROM {Touched} touched CROSS JOIN nodes n ON n.id = touched.id WHERE n.kind = 'EVENT')
        INSERT INTO event_rollup (dim, key, seq, sub_kind, date_start, date_end, disputed, part_of, counted, with_best, open_ended, killed_low, killed_best, killed_high)
        SELECT '', '', {Columns} FROM e
        UNION ALL SELECT 'PERPETRATOR', coalesce(r.from_id, ''), {Columns} FROM e LEFT JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", "e.id", "('CARRIED_OUT')")}
        UNION ALL SELECT 'TARGET', coalesce(r.to_id, ''), {Columns} FROM e LEFT JOIN relations r ON r.from_id = e.id AND r.type = 'TARGETED'
        UNION ALL SELECT 'PLACE', coalesce(r.to_id, ''), {Columns} FROM e LEFT JOIN relations r ON r.from_id = e.id AND r.type = 'OCCURRED_IN'
        ORDER BY 1, 2, 3
        """;

    private static IEnumerable<CasualtyReport> ReadReports(SqliteConnection connection, SqliteTransaction transaction, string sql, Action<SqliteCommand>? bind)
    {
        var reports = new List<CasualtyReport>();
        using var command = Command(connection, transaction, sql);
        bind?.Invoke(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            if (NodeRow.Parse("STATEMENT", reader.GetString(0)) is Statement statement) reports.AddRange(statement.CasualtyReports);
        return reports;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

}
