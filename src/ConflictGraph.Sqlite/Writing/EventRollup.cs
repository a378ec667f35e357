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
/// facts in set-based statements, one per dimension.
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
        }, rowsBefore: false);

    private static void Touch(RowStatement insert, string id, CasualtyTally tally) =>
        insert.With(id, tally.Counted, tally.WithBest, tally.OpenEnded, tally.Low, tally.Best, tally.High).Run();

    /// <param name="rowsBefore">False when the store held no roll-up row before the write (it held no node), so there is none to replace.</param>
    private static void Refresh(SqliteConnection connection, SqliteTransaction transaction, Action<RowStatement> touchAll, bool rowsBefore = true)
    {
        connection.Execute($"DELETE FROM {Touched}", transaction);
        using (var insert = new RowStatement(connection, $"INSERT OR IGNORE INTO {Touched} VALUES ($id, $counted, $withBest, $open, $low, $best, $high)",
            "$id", "$counted", "$withBest", "$open", "$low", "$best", "$high"))
            touchAll(insert);
        if (rowsBefore)
            connection.Execute($"DELETE FROM event_rollup WHERE seq IN (SELECT n.seq FROM {Touched} touched CROSS JOIN nodes n ON n.id = touched.id)", transaction);
        connection.Execute($"{CreateRefreshed};\nDELETE FROM {Refreshed};\n{Events}", transaction);
        foreach (var dimension in Dimensions) connection.Execute(dimension, transaction);
        connection.Execute($"DELETE FROM {Refreshed};\nDELETE FROM {Touched}", transaction);
    }

    /// <summary>The refreshed events' own columns, kept on the write's connection while their rows are written one dimension at a time.</summary>
    public const string Refreshed = "temp.rollup_refreshed";

    /// <summary>Creates <see cref="Refreshed"/> when the connection has none yet (the plan check creates it to explain the statements that read it).</summary>
    public const string CreateRefreshed =
        "CREATE TEMP TABLE IF NOT EXISTS rollup_refreshed (id TEXT NOT NULL, seq INTEGER NOT NULL, sub_kind TEXT NOT NULL, date_start TEXT, date_end TEXT, " +
        "disputed INTEGER NOT NULL, part_of INTEGER NOT NULL, counted INTEGER NOT NULL, with_best INTEGER NOT NULL, open_ended INTEGER NOT NULL, " +
        "low INTEGER NOT NULL, best INTEGER NOT NULL, high INTEGER NOT NULL)";

    /// <summary>The core's contested statuses as an SQL list (enum names, never input).</summary>
    private static readonly string Contested = $"({string.Join(", ", ClaimStatusRule.Contested.Select(c => $"'{EnumNames.Of(c)}'"))})";

    private const string Columns =
        "refreshed.seq, refreshed.sub_kind, refreshed.date_start, refreshed.date_end, refreshed.disputed, refreshed.part_of, refreshed.counted, " +
        "refreshed.with_best, refreshed.open_ended, refreshed.low, refreshed.best, refreshed.high";

    private static readonly string Events = $"""
        INSERT INTO {Refreshed}
            SELECT n.id, n.seq, n.sub_kind, n.date_start, n.date_end,
                (EXISTS (SELECT 1 FROM relations r WHERE r.from_id = n.id AND r.status IN {Contested})
                 OR EXISTS (SELECT 1 FROM relations r WHERE r.to_id = n.id AND r.status IN {Contested})
                 OR EXISTS (SELECT 1 FROM facts f WHERE f.subject_id = n.id AND f.status IN {Contested})),
                EXISTS (SELECT 1 FROM relations r WHERE r.from_id = n.id AND r.type = 'PART_OF'),
                touched.counted, touched.with_best, touched.open_ended, touched.low, touched.best, touched.high
            FROM {Touched} touched CROSS JOIN nodes n ON n.id = touched.id WHERE n.kind = 'EVENT'
        """;

    private const string Insert =
        "INSERT INTO event_rollup (dim, key, seq, sub_kind, date_start, date_end, disputed, part_of, counted, with_best, open_ended, killed_low, killed_best, killed_high)";

    // One row for the event and one per perpetrator, target and place ('' when it has none), each dimension in key order
    // (one sort of a million rows each at most, held in memory, where the four together spilled to disk at 1M events).
    private static readonly string[] Dimensions =
    [
        $"{Insert} SELECT '', '', {Columns} FROM {Refreshed} refreshed ORDER BY refreshed.seq",
        $"{Insert} SELECT 'PERPETRATOR', coalesce(r.from_id, ''), {Columns} FROM {Refreshed} refreshed " +
        $"LEFT JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", "refreshed.id", "('CARRIED_OUT')")} ORDER BY 2, refreshed.seq",
        $"{Insert} SELECT 'TARGET', coalesce(r.to_id, ''), {Columns} FROM {Refreshed} refreshed LEFT JOIN relations r ON r.from_id = refreshed.id AND r.type = 'TARGETED' ORDER BY 2, refreshed.seq",
        $"{Insert} SELECT 'PLACE', coalesce(r.to_id, ''), {Columns} FROM {Refreshed} refreshed LEFT JOIN relations r ON r.from_id = refreshed.id AND r.type = 'OCCURRED_IN' ORDER BY 2, refreshed.seq",
    ];

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
