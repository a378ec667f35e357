using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Aggregation;

namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Roll-ups for aggregates without a selective criterion or a date bound (issue 13's all-time
    // breakdowns and top perpetrators), kept by triggers on the events' own roll-up rows, so every
    // write, bulk import and migration that keeps event_rollup keeps them:
    // - event_days: per kind and start day (NULL when undated), the measures summed, with for each
    //   time bucket how many of its events reach past the bucket of their start (BucketSql's rule):
    //   a TIME, KIND or ACLED grouping reads a few rows per day instead of one per event.
    // - actor_kinds: per perpetrator or target ('' for none) and kind, the same
    //   measures: top perpetrators (alone, or with KIND or ACLED) reads a few rows per actor.
    // Both keep only keys and sums: their unique keys are indexes SQLite makes itself, which a bulk
    // import keeps (it drops and rebuilds only indexes created by name). They cost one upsert per
    // roll-up row written or removed.
    private static string Version9 => $"""
        CREATE TABLE event_days (
            sub_kind TEXT NOT NULL,
            date_start TEXT,
            kind TEXT NOT NULL GENERATED ALWAYS AS ('EVENT') VIRTUAL,
            {Sums},
            UNIQUE (sub_kind, date_start)
        ) STRICT;
        CREATE TABLE actor_kinds (
            dim TEXT NOT NULL,
            key TEXT NOT NULL,
            sub_kind TEXT NOT NULL,
            kind TEXT NOT NULL GENERATED ALWAYS AS ('EVENT') VIRTUAL,
            {Sums},
            PRIMARY KEY (dim, key, sub_kind)
        ) STRICT, WITHOUT ROWID;

        {Kept("event_days", "NEW.dim = ''", "OLD.dim = ''", ["sub_kind", "date_start"])}
        {Kept("actor_kinds", "NEW.dim IN ('PERPETRATOR', 'TARGET')", "OLD.dim IN ('PERPETRATOR', 'TARGET')", ["dim", "key", "sub_kind"])}

        {RollupFill}
        """;

    // Properties, not fields: the steps table in another file of this partial class reads them while it is initialized.
    internal static string[] Measures => ["disputed", "counted", "with_best", "open_ended", "killed_low", "killed_best", "killed_high"];

    /// <summary>The roll-up's column of events imprecise in the bucket.</summary>
    public static string ImpreciseColumn(TimeBucket bucket) => $"imprecise_{bucket.ToString().ToLowerInvariant()}";

    private static IEnumerable<string> ColumnList => ["events", .. Enum.GetValues<TimeBucket>().Select(ImpreciseColumn), .. Measures];

    private static string Columns => string.Join(", ", ColumnList);

    private static string Sums => string.Join(",\n    ", ColumnList.Select(c => $"{c} INTEGER NOT NULL"));

    /// <summary>One roll-up row's contribution to each column: 1 event, 1 per bucket it is imprecise in, its measures.</summary>
    private static IEnumerable<string> One(string row) =>
        ["1", .. Enum.GetValues<TimeBucket>().Select(b => $"(CASE WHEN {BucketSql.Imprecise(b, row)} THEN 1 ELSE 0 END)"), .. Measures.Select(m => $"{row}.{m}")];

    /// <summary>event_days and actor_kinds from the events' roll-up rows (both empty before): what their triggers keep row by row.</summary>
    public static string RollupFill => $"""
        INSERT INTO event_days (sub_kind, date_start, {Columns}) SELECT r.sub_kind, r.date_start, {Summed("r")}
            FROM event_rollup r WHERE r.dim = '' GROUP BY r.sub_kind, r.date_start;
        INSERT INTO actor_kinds (dim, key, sub_kind, {Columns}) SELECT r.dim, r.key, r.sub_kind, {Summed("r")}
            FROM event_rollup r WHERE r.dim IN ('PERPETRATOR', 'TARGET') GROUP BY r.dim, r.key, r.sub_kind;
        """;

    private static string Summed(string row) => string.Join(", ", One(row).Select(v => $"sum({v})"));

    /// <summary>The triggers that add a roll-up row to its cell (made when missing) and take it out again (dropping an empty cell).</summary>
    private static string Kept(string table, string whenNew, string whenOld, string[] keys)
    {
        string Match(string row) => string.Join(" AND ", keys.Select(k => $"{k} IS {row}.{k}"));
        string Change(string row, string sign) => string.Join(", ", ColumnList.Zip(One(row), (c, v) => $"{c} = {c} {sign} {v}"));
        return $"""
            CREATE TRIGGER {table}_add AFTER INSERT ON event_rollup WHEN {whenNew} BEGIN
                INSERT INTO {table} ({string.Join(", ", keys)}, {Columns})
                    SELECT {string.Join(", ", keys.Select(k => $"NEW.{k}"))}, {string.Join(", ", ColumnList.Select(_ => "0"))}
                    WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {Match("NEW")});
                UPDATE {table} SET {Change("NEW", "+")} WHERE {Match("NEW")};
            END;
            CREATE TRIGGER {table}_remove AFTER DELETE ON event_rollup WHEN {whenOld} BEGIN
                UPDATE {table} SET {Change("OLD", "-")} WHERE {Match("OLD")};
                DELETE FROM {table} WHERE {Match("OLD")} AND events = 0;
            END;
            """;
    }
}
