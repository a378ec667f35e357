#!/usr/bin/env python3
# seq-keys-sql.py [BLOCKS] [EVENTS_PER_BLOCK]: needs the 1M store migrated to schema 15 at /tmp/layout14/store-1m.db (branch layout14).
# Paired SQLite-only cost of a 2-level request's two changed statements (far ends; statements page), old SQL on main's
# file against new SQL on the migrated copy, alternating blocks of spread events in one process; CPU from process_time.
import sqlite3, random, time, json, sys
blocks = int(sys.argv[1]) if len(sys.argv) > 1 else 10; per = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
FAR = {
 "old": "WITH found(type, from_id, to_id, far) AS MATERIALIZED (SELECT r.type, r.from_id, r.to_id, r.to_id FROM json_each(?1) j CROSS JOIN relations r ON r.from_id = j.value AND r.type IN ('OCCURRED_IN') UNION ALL SELECT r.type, r.from_id, r.to_id, r.from_id FROM json_each(?2) j CROSS JOIN relations r INDEXED BY relations_to ON r.to_id = j.value AND r.type IN ('CARRIED_OUT')) SELECT type, from_id, to_id FROM found UNION ALL SELECT NULL, n.kind, n.body FROM nodes n WHERE n.id IN (SELECT far FROM found UNION ALL SELECT value FROM json_each(?3) j)",
 "new": "WITH found(type, from_id, to_id, far) AS MATERIALIZED (SELECT r.type, r.from_id, r.to_id, r.to_seq FROM json_each(?1) j CROSS JOIN relations r ON r.from_id = j.value AND r.type IN ('OCCURRED_IN') UNION ALL SELECT r.type, r.from_id, r.to_id, r.from_seq FROM json_each(?2) j CROSS JOIN relations r INDEXED BY relations_to ON r.to_id = j.value AND r.type IN ('CARRIED_OUT')) SELECT type, from_id, to_id FROM found UNION ALL SELECT NULL, n.kind, n.body FROM nodes n WHERE n.seq IN (SELECT far FROM found UNION ALL SELECT i.seq FROM json_each(?3) j CROSS JOIN nodes i ON i.id = j.value)",
}
W = "SELECT * FROM (SELECT x.node_id AS id{seq}, {key} AS sort_key FROM node_refs x WHERE x.target_id = ?1 AND x.field = 'aboutIds' AND x.kind = 'STATEMENT' AND x.date_start IS {nn}NULL ORDER BY {order} LIMIT 21)"
def page(seq):
    s = ", x.node_seq AS seq" if seq else ""
    walks = W.format(seq=s, key="x.date_start", nn="NOT ", order="x.date_start DESC, x.node_id") + " UNION " + W.format(seq=s, key="'0000'", nn="", order="x.node_id")
    join = "n.seq = m.seq" if seq else "n.id = m.id"
    return f"SELECT n.kind, n.body, m.sort_key FROM ({walks}) m CROSS JOIN nodes n ON {join} ORDER BY m.sort_key DESC, m.id LIMIT 21"
PAGE = {"old": page(False), "new": page(True)}
cons = {"old": sqlite3.connect("file:/work/perf-data/store-1000000-seed1.db?mode=ro", uri=True),
        "new": sqlite3.connect("file:/tmp/layout14/store-1m.db?mode=ro", uri=True)}
for c in cons.values(): c.execute("PRAGMA mmap_size = 268435456")
def run(v, ids):
    c = cons[v]; rows = 0
    for i in ids:
        a = json.dumps([i])
        rows += len(c.execute(FAR[v], (a, a, "[]")).fetchall()) + len(c.execute(PAGE[v], (i,)).fetchall())
    return rows
random.seed(11)
ids = [f"event:e{random.randint(1, 1000000):07d}" for _ in range(per * blocks)]
assert run("old", ids[:300]) == run("new", ids[:300])
print("block  old_us  new_us  new/old"); ratios = []
for b in range(blocks):
    chunk = ids[b * per:(b + 1) * per]; t = {}
    for v in (("old", "new") if b % 2 == 0 else ("new", "old")):
        t0 = time.process_time(); run(v, chunk); t[v] = (time.process_time() - t0) * 1e6 / per
    ratios.append(t["new"] / t["old"]); print(f"{b+1:5d} {t['old']:7.1f} {t['new']:7.1f} {ratios[-1]:8.3f}")
print("new cheaper in", sum(r < 1 for r in ratios), "of", blocks, "blocks; median", sorted(ratios)[blocks // 2])
