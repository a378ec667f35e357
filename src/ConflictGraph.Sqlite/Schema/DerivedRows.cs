using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// The tables the triggers keep row by row (node_refs, event_places, place_events, counts, event_cube, event_days, actor_kinds,
/// place_months, organization_statements, speaker_statements, place_month_events, place_event_bodies), derived
/// set-wise from the rows they follow: a migration that adds one fills it this way, and a bulk
/// import (BulkLoad), which drops the triggers for its transaction, derives them this way before
/// its commit. Each statement gives what the triggers would have left after the same rows went in
/// one by one (tests hold the two paths equal on a generated graph): node_refs, event_places and
/// place_events are a function of refs, relations and nodes; counts of every kind and type are recounted;
/// the longest spans only ever grow, as the triggers keep them; event_cube, event_days and actor_kinds sum the events' roll-up rows,
/// place_months the pairs of place_events rows and their events' roll-up rows, place_month_events the months of place_events rows, place_event_bodies the dated place_events rows with their events' bodies.
/// </summary>
internal static class DerivedRows
{
    /// <summary>The triggers whose tables these statements derive; a bulk import drops only these (others keep their tables row by row).</summary>
    public static readonly IReadOnlyList<string> Triggers =
    [
        "nodes_counted", "nodes_uncounted", "nodes_recounted", "relations_counted", "relations_uncounted", "relations_recounted",
        "facts_counted", "facts_uncounted", "facts_recounted", "event_placed", "event_unplaced", "event_redated",
        "refs_dated", "refs_undated", "refs_redated", "place_events_placed", "place_events_unplaced", "place_events_redated", "event_cube_add", "event_cube_remove",
        "event_days_add", "event_days_remove", "actor_kinds_add", "actor_kinds_remove", "place_months_rolled", "place_months_unrolled", "place_months_placed", "place_months_unplaced", .. OrganizationStatements.Triggers,
        .. SpeakerStatements.Triggers, .. PlaceMonthEvents.Triggers, .. OrganizationStatementRefs.Triggers, .. PlaceEventBodies.Triggers,
    ];

    // An event's date range as a class: 0 a day (or undated), 1 up to a month, 2 up to a year, 3 longer.
    public const string SpanClass =
        "CASE WHEN n.date_start IS NULL OR julianday(n.date_end) - julianday(n.date_start) < 1 THEN 0 " +
        "WHEN julianday(n.date_end) - julianday(n.date_start) <= 31 THEN 1 WHEN julianday(n.date_end) - julianday(n.date_start) <= 366 THEN 2 ELSE 3 END";

    /// <summary>
    /// <see cref="SpanClass"/> over a row's own date columns (no alias), for an index on that expression (schema 12's
    /// event_rollup_places); a reader's <see cref="SpanClass"/> on alias n matches it, since SQLite compares the columns.
    /// </summary>
    public static string OwnSpanClass => SpanClass.Replace("n.", "", StringComparison.Ordinal);

    /// <summary>Every ref with the kind, first date and seq of the node that makes it (node_refs empty before; schema 15's columns).</summary>
    public const string NodeRefs = """
        INSERT INTO node_refs (node_id, field, target_id, kind, date_start, node_seq)
            SELECT f.node_id, f.field, f.target_id, n.kind, n.date_start, n.seq FROM refs f CROSS JOIN nodes n ON n.id = f.node_id;
        """;

    /// <summary>Where each event happened, with its dates and span class (event_places empty before).</summary>
    public const string EventPlaces = $"""
        INSERT INTO event_places (place_id, event_id, span, date_start, date_end)
            SELECT r.to_id, r.from_id, {SpanClass}, n.date_start, n.date_end FROM relations r CROSS JOIN nodes n ON n.id = r.from_id
            WHERE r.type = 'OCCURRED_IN';
        """;

    /// <summary>
    /// Each event under every place it happened in and every place containing one (place_events empty before), as far up
    /// as a reader's walk down from a place goes, with the event's seq (schema 17). Read in relations' (type, from_id, to_id)
    /// order, so rows go in nearly in key order; the places with events and their containers are few (a few hundred), walked once.
    /// </summary>
    public static readonly string PlaceEvents = PlaceEventsOf(withSeq: true);

    /// <summary><see cref="PlaceEvents"/> as schema 16 derived it, before the rows carried the event's seq (its migration runs it).</summary>
    internal static readonly string PlaceEventsWithoutSeq = PlaceEventsOf(withSeq: false);

    private static string PlaceEventsOf(bool withSeq) => $"""
        INSERT OR IGNORE INTO place_events (place_id, event_id, span, date_start, date_end{(withSeq ? ", event_seq" : "")})
            WITH RECURSIVE up(place_id, container_id, depth) AS (
                SELECT DISTINCT r.to_id, r.to_id, 0 FROM relations r WHERE r.type = 'OCCURRED_IN'
                UNION SELECT up.place_id, l.to_id, up.depth + 1 FROM up CROSS JOIN relations l ON l.type = 'LOCATED_IN' AND l.from_id = up.container_id
                WHERE up.depth < {Core.Rules.TraversalLimits.MaxContainmentDepth}),
            within(place_id, container_id) AS MATERIALIZED (SELECT DISTINCT place_id, container_id FROM up)
            SELECT w.container_id, r.from_id, {SpanClass}, n.date_start, n.date_end{(withSeq ? ", n.seq" : "")}
            FROM relations r CROSS JOIN nodes n ON n.id = r.from_id CROSS JOIN within w ON w.place_id = r.to_id
            WHERE r.type = 'OCCURRED_IN';
        """;

    /// <summary>The longest span per event span class, grown to what event_places holds.</summary>
    public const string EventSpans = """
        INSERT INTO counts (key, value) SELECT 'eventspan:' || span, max(CAST(julianday(date_end) - julianday(date_start) AS INTEGER))
            FROM event_places WHERE date_start IS NOT NULL GROUP BY span ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
        """;

    // Keys the triggers count up and down. A key whose rows are all gone stays at 0, as the
    // triggers leave it; readers take a missing key and 0 alike. The longest spans read the nodes
    // table itself: no index holds date_end, and through nodes_by_kind_sub_kind each dated node's
    // row was sought by seq out of order (2.4 million at 1M events: 5.6-7.8 CPU s against 2.4 for
    // the table read once, in the sqlite3 shell).
    private const string Recount = """
        UPDATE counts SET value = 0
            WHERE key GLOB 'node:*' OR key GLOB 'relation:*' OR key GLOB 'status:*' OR key GLOB 'fact-status:*' OR key IN ('relations', 'facts');
        INSERT INTO counts (key, value) SELECT 'node:' || kind, count(*) FROM nodes WHERE true GROUP BY kind
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        INSERT INTO counts (key, value) SELECT 'node:' || kind || ':' || sub_kind, count(*) FROM nodes WHERE sub_kind IS NOT NULL GROUP BY kind, sub_kind
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        INSERT INTO counts (key, value) SELECT 'span:' || kind, max(CAST(julianday(date_end) - julianday(date_start) AS INTEGER))
            FROM nodes NOT INDEXED WHERE date_start IS NOT NULL GROUP BY kind ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
        INSERT INTO counts (key, value) SELECT 'relations', n FROM (SELECT count(*) AS n FROM relations) WHERE n > 0
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        INSERT INTO counts (key, value) SELECT 'relation:' || type, count(*) FROM relations WHERE true GROUP BY type
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        INSERT INTO counts (key, value) SELECT 'status:' || status, count(*) FROM relations WHERE true GROUP BY status
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        INSERT INTO counts (key, value) SELECT 'facts', n FROM (SELECT count(*) AS n FROM facts) WHERE n > 0
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        INSERT INTO counts (key, value) SELECT 'fact-status:' || status, count(*) FROM facts WHERE true GROUP BY status
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        """;

    private const string Cube = """
        DELETE FROM event_cube;
        INSERT INTO event_cube (sub_kind, date_start, date_end, events, disputed, counted, with_best, open_ended, killed_low, killed_best, killed_high)
            SELECT sub_kind, date_start, date_end, count(*), sum(disputed), sum(counted), sum(with_best), sum(open_ended),
                sum(killed_low), sum(killed_best), sum(killed_high)
            FROM event_rollup WHERE dim = '' GROUP BY sub_kind, date_start, date_end;
        """;

    /// <summary>node_refs and event_places from scratch: best before their secondary indexes exist, as rows go in key order.</summary>
    public static void RefillPlacesAndRefs(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM node_refs;\n{NodeRefs}\nDELETE FROM event_places;\n{EventPlaces}", transaction);

    /// <summary>place_events from scratch, as <see cref="RefillPlacesAndRefs"/> (its own step, so an import times it apart).</summary>
    public static void RefillPlaceEvents(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM place_events;\n{PlaceEvents}", transaction);

    /// <summary>counts from the rows: best once the indexes exist, so each grouping reads an index in order.</summary>
    public static void Recounts(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"{Recount}\n{EventSpans}", transaction);

    /// <summary>Each organization's statements from node_refs and the MEMBER_OF relations: best once their indexes exist.</summary>
    public static void RecountOrganizationStatements(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM {OrganizationStatements.Table};\n{OrganizationStatements.Fill}", transaction);

    /// <summary>Each organization's statements as node_refs rows (schema 21), from node_refs and the MEMBER_OF relations: once their indexes exist.</summary>
    public static void RefillOrganizationStatementRefs(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM node_refs WHERE field = '{OrganizationStatementRefs.Field}';\n{OrganizationStatementRefs.Fill}", transaction);

    /// <summary>event_cube, event_days and actor_kinds from the events' roll-up rows.</summary>
    public static void RebuildRollups(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"{Cube}\nDELETE FROM event_days;\nDELETE FROM actor_kinds;\n{Migrations.RollupFill}", transaction);

    /// <summary>place_months from the events' roll-up rows and place_events: once place_events_by_seq exists, which it reads.</summary>
    public static void RebuildCells(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM place_months;\n{PlaceMonths}", transaction);

    /// <summary>
    /// The kept aggregate cells (schema 18, place_months empty before): each place_events row paired with its event's own roll-up
    /// row by seq, summed per place, kind, start's month and end's month, as the triggers add the pairs one by one. The events'
    /// roll-up rows are read in seq order and each one's places found through place_events_by_seq, which holds the key's place_id
    /// (a WITHOUT ROWID table's index carries its primary key): both sides go forward together. Read from place_events, each of
    /// its 3.7 million rows at 1M events sought its roll-up row at a seq out of order (in the import, under load, 34.5 CPU s against
    /// 19.5 now; most of what is left is sorting the pairs into their cells).
    /// </summary>
    public static string PlaceMonths => $"""
        INSERT INTO place_months ({Migrations.CellColumns})
            SELECT pe.place_id, r.sub_kind, {Migrations.MonthOf("r.date_start")}, {Migrations.MonthOf("r.date_end")}, count(*),
                {string.Join(", ", Migrations.Measures.Select(m => $"sum(r.{m})"))}
            FROM event_rollup r CROSS JOIN place_events pe INDEXED BY place_events_by_seq ON pe.event_seq = r.seq
            WHERE r.dim = '' AND r.key = ''
            GROUP BY pe.place_id, r.sub_kind, 3, 4;
        """;

}
