#!/usr/bin/env python3
# request-statements-sql.py VARIANT [BLOCKS] [EVENTS_PER_BLOCK] [DB] [EVENTS_IN_STORE]
# SQLite-only CPU of the statements one uncached 2-level request runs (the event by id; the level's far ends with the
# statements page read while that statement is active, as SqliteGraphStore.ExpandAsync does), main's way against a
# variant, on a read-only store (default the shared 1M file), 256 MiB mapped like the service. The two ways alternate
# event by event over distinct spread ids (a block's ids are not read twice, so neither way finds the other's pages in
# its cache), CPU from process_time. Variants:
#   one-transaction  BEGIN; the three statements; COMMIT: one read transaction a request instead of two
#   folded-page      the statements page as a third arm of the far ends' statement (one statement fewer)
#   no-ephemeral     the far ends' statement with each relation row bringing its far end's node (LEFT JOIN by seq),
#                    no materialized CTE and no IN (SELECT ...) list: no ephemeral table
#   page-union-all   the statements page's dated and undated walks joined by UNION ALL (one ephemeral table fewer)
#   single-walk      the statements page as one walk of node_refs_by_date in the page's order (dates ascending, undated
#                    last: ORDER BY date_start NULLS LAST, node_id), each row bringing its node: no sort, no ephemeral table
# The page is the service's (RefRanges.Page for Event.statements: dates ascending, undated last, LIMIT 501); before
# session 18 this script used a descending page of 21, which the 2-level request does not ask.
import sqlite3, random, time, json, sys
variant = sys.argv[1]
blocks = int(sys.argv[2]) if len(sys.argv) > 2 else 10
per = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
db = sys.argv[4] if len(sys.argv) > 4 else "/work/perf-data/store-1000000-seed1.db"
EVENTS = int(sys.argv[5]) if len(sys.argv) > 5 else 1000000
EV = "SELECT n.kind, n.body FROM json_each(?1) j CROSS JOIN nodes n ON n.id = j.value"
OUT = "FROM json_each(?1) j CROSS JOIN relations r ON r.from_id = j.value AND r.type IN ('OCCURRED_IN')"
IN = "FROM json_each(?2) j CROSS JOIN relations r INDEXED BY relations_to ON r.to_id = j.value AND r.type IN ('CARRIED_OUT')"
FAR = (f"WITH found(type, from_id, to_id, far) AS MATERIALIZED (SELECT r.type, r.from_id, r.to_id, r.to_seq {OUT} UNION ALL "
       f"SELECT r.type, r.from_id, r.to_id, r.from_seq {IN}) SELECT type, from_id, to_id FROM found UNION ALL "
       "SELECT NULL, n.kind, n.body FROM nodes n WHERE n.seq IN (SELECT far FROM found UNION ALL SELECT i.seq FROM json_each(?3) j CROSS JOIN nodes i ON i.id = j.value)")
FAR_PLAIN = (f"SELECT r.type, r.from_id, r.to_id, n.kind, n.body, n.seq {OUT} LEFT JOIN nodes n ON n.seq = r.to_seq UNION ALL "
             f"SELECT r.type, r.from_id, r.to_id, n.kind, n.body, n.seq {IN} LEFT JOIN nodes n ON n.seq = r.from_seq UNION ALL "
             "SELECT NULL, NULL, NULL, n.kind, n.body, n.seq FROM json_each(?3) j CROSS JOIN nodes n ON n.id = j.value")
KEY = "x.target_id = ?1 AND x.field = 'aboutIds' AND x.kind = 'STATEMENT'"
WALK = ("SELECT * FROM (SELECT x.node_id AS id, x.node_seq AS seq, {key} AS sort_key FROM node_refs x WHERE " + KEY +
        " AND x.date_start IS {nn}NULL ORDER BY {order} LIMIT 501)")
def page(union):
    walks = (WALK.format(key="x.date_start", nn="NOT ", order="x.date_start, x.node_id") + f" {union} " +
             WALK.format(key="?2", nn="", order="x.node_id"))
    return f"SELECT n.kind, n.body, m.sort_key FROM ({walks}) m CROSS JOIN nodes n ON n.seq = m.seq ORDER BY m.sort_key, m.id LIMIT 501"
PAGE, PAGE_ALL = page("UNION"), page("UNION ALL")
PAGE_WALK = ("SELECT n.kind, n.body, coalesce(x.date_start, ?2) AS sort_key FROM node_refs x CROSS JOIN nodes n ON n.seq = x.node_seq "
             f"WHERE {KEY} ORDER BY x.date_start NULLS LAST, x.node_id LIMIT 501")
UNDATED = "9999-12-31"
FOLDED = (FAR.replace("SELECT type, from_id, to_id FROM found UNION ALL SELECT NULL, n.kind, n.body FROM",
                      "SELECT type, from_id, to_id, NULL FROM found UNION ALL SELECT NULL, n.kind, n.body, NULL FROM")
          + " UNION ALL SELECT 1, * FROM (" + PAGE.replace("?1", "?4").replace("?2", "?5") + ")")
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None, cached_statements=64)
c.execute("PRAGMA mmap_size = 268435456")
def request(event, changed):
    """Rows of one request: the event, the relations and far ends, the page (each way's rows counted alike)."""
    a = json.dumps([event])
    if changed and variant == "one-transaction": c.execute("BEGIN")
    rows = len(c.execute(EV, (a,)).fetchall())
    if changed and variant == "folded-page":
        return rows + len(c.execute(FOLDED, (a, a, "[]", event, UNDATED)).fetchall())
    far = c.execute(FAR_PLAIN if changed and variant == "no-ephemeral" else FAR, (a, a, "[]"))
    first = far.fetchone()
    page_sql = {"page-union-all": PAGE_ALL, "single-walk": PAGE_WALK}.get(variant, PAGE) if changed else PAGE
    page_rows = c.cursor().execute(page_sql, (event, UNDATED)).fetchall()
    if len(pages) < 600: pages.append(page_rows)
    rows += len(page_rows)
    rest = far.fetchall() + ([first] if first else [])
    if changed and variant == "no-ephemeral":
        rows += len(rest) + len({r[5] for r in rest if r[5] is not None})
    else:
        rows += len(rest)
    if changed and variant == "one-transaction": c.execute("COMMIT")
    return rows
pages = []
random.seed(int(time.time()))
ids = [f"event:e{random.randint(1, EVENTS):07d}" for _ in range(per * blocks)]
check = [f"event:e{random.randint(1, EVENTS):07d}" for _ in range(300)]
assert [request(i, False) for i in check] == [request(i, True) for i in check], "the variant reads other rows"
assert pages[:len(check)] == pages[len(check):2 * len(check)], "the variant's pages differ"
print(f"variant {variant}: block  main_us  variant_us  variant/main")
ratios = []
clock = time.process_time
for b in range(blocks):
    spent = {False: 0.0, True: 0.0}
    for k, event in enumerate(ids[b * per:(b + 1) * per]):
        changed = (k + b) % 2 == 1
        t0 = clock(); request(event, changed); spent[changed] += clock() - t0
    main, changed = (spent[x] * 2e6 / per for x in (False, True))
    ratios.append(changed / main)
    print(f"{b + 1:5d} {main:8.1f} {changed:11.1f} {ratios[-1]:13.3f}")
print(f"variant cheaper in {sum(r < 1 for r in ratios)} of {blocks} blocks; median {sorted(ratios)[blocks // 2]:.3f}")
