namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Event aggregates (issue 13), kept by the writer in each write's transaction (EventRollup):
    // - event_rollup: per event, one row for the event itself (dim '') and one per perpetrator,
    //   target and place it occurred in (dim PERPETRATOR, TARGET, PLACE; key '' when it has none),
    //   each carrying what aggregates read: kind, date range, whether a relation or fact about it is
    //   disputed or denied, whether it is part of another event, and its killed estimate as the
    //   core's CasualtyTally (counted, with_best, open_ended and the three sums; all 0 without
    //   figures). So a grouping by perpetrator walks one key range in key order, and the columns
    //   the event filter reads (kind, sub_kind, date_start, date_end) are there by the same names.
    // - event_cube: the same tallies summed per (kind, date range), a few rows per day, kept by
    //   triggers on the event rows; groupings by time, kind and ACLED type read it instead of every event.
    // - rollup_touched: the events a write touched, with the tallies the core computed for them; filled
    //   and emptied inside the write's transaction, so it is always empty to readers.
    // The events' rows are filled by the step in code after this SQL (EventRollup.Rebuild).
    private const string Version6 = """
        CREATE TABLE event_rollup (
            dim TEXT NOT NULL,
            key TEXT NOT NULL,
            seq INTEGER NOT NULL REFERENCES nodes (seq) ON DELETE CASCADE,
            kind TEXT NOT NULL GENERATED ALWAYS AS ('EVENT') VIRTUAL,
            sub_kind TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            disputed INTEGER NOT NULL,
            part_of INTEGER NOT NULL,
            counted INTEGER NOT NULL,
            with_best INTEGER NOT NULL,
            open_ended INTEGER NOT NULL,
            killed_low INTEGER NOT NULL,
            killed_best INTEGER NOT NULL,
            killed_high INTEGER NOT NULL,
            PRIMARY KEY (dim, key, seq)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX event_rollup_by_event ON event_rollup (seq, dim);
        -- the parts of other events that report their own dead: where SharedDeaths has work to do
        CREATE INDEX event_rollup_parts ON event_rollup (seq) WHERE dim = '' AND part_of = 1 AND counted = 1;

        CREATE TABLE event_cube (
            sub_kind TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            kind TEXT NOT NULL GENERATED ALWAYS AS ('EVENT') VIRTUAL,
            events INTEGER NOT NULL,
            disputed INTEGER NOT NULL,
            counted INTEGER NOT NULL,
            with_best INTEGER NOT NULL,
            open_ended INTEGER NOT NULL,
            killed_low INTEGER NOT NULL,
            killed_best INTEGER NOT NULL,
            killed_high INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX event_cube_cells ON event_cube (sub_kind, date_start, date_end);

        CREATE TABLE rollup_touched (
            id TEXT PRIMARY KEY, counted INTEGER NOT NULL, with_best INTEGER NOT NULL, open_ended INTEGER NOT NULL,
            low INTEGER NOT NULL, best INTEGER NOT NULL, high INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;

        CREATE TRIGGER event_cube_add AFTER INSERT ON event_rollup WHEN NEW.dim = '' BEGIN
            INSERT INTO event_cube (sub_kind, date_start, date_end, events, disputed, counted, with_best, open_ended, killed_low, killed_best, killed_high)
                SELECT NEW.sub_kind, NEW.date_start, NEW.date_end, 0, 0, 0, 0, 0, 0, 0, 0
                WHERE NOT EXISTS (SELECT 1 FROM event_cube WHERE sub_kind = NEW.sub_kind AND date_start IS NEW.date_start AND date_end IS NEW.date_end);
            UPDATE event_cube SET events = events + 1, disputed = disputed + NEW.disputed, counted = counted + NEW.counted,
                with_best = with_best + NEW.with_best, open_ended = open_ended + NEW.open_ended, killed_low = killed_low + NEW.killed_low,
                killed_best = killed_best + NEW.killed_best, killed_high = killed_high + NEW.killed_high
                WHERE sub_kind = NEW.sub_kind AND date_start IS NEW.date_start AND date_end IS NEW.date_end;
        END;
        CREATE TRIGGER event_cube_remove AFTER DELETE ON event_rollup WHEN OLD.dim = '' BEGIN
            UPDATE event_cube SET events = events - 1, disputed = disputed - OLD.disputed, counted = counted - OLD.counted,
                with_best = with_best - OLD.with_best, open_ended = open_ended - OLD.open_ended, killed_low = killed_low - OLD.killed_low,
                killed_best = killed_best - OLD.killed_best, killed_high = killed_high - OLD.killed_high
                WHERE sub_kind = OLD.sub_kind AND date_start IS OLD.date_start AND date_end IS OLD.date_end;
            DELETE FROM event_cube WHERE sub_kind = OLD.sub_kind AND date_start IS OLD.date_start AND date_end IS OLD.date_end AND events = 0;
        END;
        """;
}
