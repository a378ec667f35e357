#!/usr/bin/env python3
# country-month-parts.py DB [VARIANTS] [REPEATS]  (SEED=5, ONLY=name,name; LD_LIBRARY_PATH to the service's libe_sqlite3
# as libsqlite3.so.0 to run the same SQLite)
# SQLite-only CPU of the statement the service runs for `country-month` (NodePages.DatedPageAndTotal over
# NodeFilters.PlaceAndWindow: a country's events in a calendar month, first 20, with the total), split into its parts, on a
# read-only store, 256 MiB mapped like the service, each statement in BEGIN/ROLLBACK, CPU from process_time, over VARIANTS
# (default 400) country-months in a fixed scrambled order. Parts: the whole statement joining the page's events by id
# (schema 16) and by the seq place_events carries (schema 17, `-seq`), the count alone, the page's ids alone (the merge of
# the span classes' ranges), the page with its nodes by id and by seq, and the page's id-index lookups alone (seq from
# the index of ids, no row read). The `-seq` rows need a schema-17 file. Run under `strace -c -e trace=pread64 -f` for the
# page reads past the mapping.
import datetime, os, random, sqlite3, sys, time

db = sys.argv[1]; nvar = int(sys.argv[2]) if len(sys.argv) > 2 else 400; reps = int(sys.argv[3]) if len(sys.argv) > 3 else 1
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
c.execute("PRAGMA mmap_size=268435456")
seq = any(r[1] == "event_seq" for r in c.execute("PRAGMA table_info(place_events)"))

def ranges(columns):
    return " UNION ALL ".join(
        f"SELECT {columns} FROM place_events p WHERE p.place_id = :p0 AND p.span = {s} AND p.date_start >= "
        f"date(:p1, '-' || coalesce((SELECT value FROM counts WHERE key = 'eventspan:{s}'), 0) || ' days') "
        f"AND p.date_end >= :p1 AND p.date_start <= :p2" for s in range(4))

count = f"SELECT count(*) FROM ({ranges('p.event_id AS id, p.date_start')})"
page = ranges("p.event_id AS id, p.date_start AS sort_key") + " ORDER BY 2 NULLS LAST, 1 LIMIT 21"
parts = {
    "whole": f"SELECT n.kind, n.body, m.sort_key, ({count}) FROM ({page}) m CROSS JOIN nodes n ON n.id = m.id ORDER BY m.sort_key NULLS LAST, m.id",
    "count": count,
    "page-ids": page,
    "page+nodes": f"SELECT n.kind, n.body, m.sort_key FROM ({page}) m CROSS JOIN nodes n ON n.id = m.id ORDER BY m.sort_key NULLS LAST, m.id",
    "page+id-index": f"SELECT n.seq FROM ({page}) m CROSS JOIN nodes n INDEXED BY sqlite_autoindex_nodes_1 ON n.id = m.id ORDER BY m.sort_key NULLS LAST, m.id",
}
if seq:
    by_seq = ranges("p.event_id AS id, p.event_seq AS seq, p.date_start AS sort_key") + " ORDER BY 3 NULLS LAST, 1 LIMIT 21"
    parts["whole-seq"] = f"SELECT n.kind, n.body, m.sort_key, ({count}) FROM ({by_seq}) m CROSS JOIN nodes n ON n.seq = m.seq ORDER BY m.sort_key NULLS LAST, m.id"
    parts["page+nodes-seq"] = f"SELECT n.kind, n.body, m.sort_key FROM ({by_seq}) m CROSS JOIN nodes n ON n.seq = m.seq ORDER BY m.sort_key NULLS LAST, m.id"

countries = [r[0] for r in c.execute("SELECT id FROM nodes WHERE kind = 'PLACE' AND sub_kind = 'COUNTRY' ORDER BY id")]
months = []
for i in range(182):
    y, m = 2010 + i // 12, i % 12 + 1
    start = datetime.date(y, m, 1)
    months.append((start.isoformat(), (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)).isoformat()))
variants = [(p, s, e) for (s, e) in months for p in countries]
random.seed(int(os.environ.get("SEED", "5"))); random.shuffle(variants); variants = variants[:nvar]
only = os.environ.get("ONLY")
for name, sql in parts.items():
    if only and name not in only.split(","): continue
    rows = 0
    t0 = time.process_time()
    for _ in range(reps):
        for p, s, e in variants:
            c.execute("BEGIN")
            rows += len(c.execute(sql, {"p0": p, "p1": s, "p2": e}).fetchall())
            c.execute("ROLLBACK")
    n = len(variants) * reps
    print(f"{name:16s} CPU {1000 * (time.process_time() - t0) / n:.3f} ms a statement, rows {rows / n:.1f}")
