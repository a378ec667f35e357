#!/usr/bin/env python3
"""compare-path-answers.py DB PORT_A PORT_B [N] [HUBS]: asks two services on the same store (DB, opened read-only to pick
the pairs) the same `paths` queries and compares the bodies byte for byte (answers, refusals and their messages alike);
exits 1 on any difference. What is asked, from a fixed seed:
- the harness's pairs (bench/wrk/path-pairs.py's, the first N) with its document (maxDepth 3, first 3), and every fifth
  with a deep page naming relation ids, status and claims (maxDepth 4, first 25);
- N pairs of nodes picked at random by rowid (any kinds, or ends of relations picked by rowid; many not connected), at maxDepth 2, 3 and 4,
  first 3 or 25, both ways round;
- each end against itself, and against an id no node has;
- HUBS pairs (default 6) of the largest armed forces (org:c00-armed-forces) with other countries' armed forces at
  maxDepth 2 and 3 (answered or refused as too wide), and the hub against the harness's first groups at maxDepth 4.
Set TIMEOUT (seconds, default 120) for the hub pairs at 1M."""
import json, os, random, sqlite3, subprocess, sys, urllib.error, urllib.request

db, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
hubs = int(sys.argv[5]) if len(sys.argv) > 5 else 6
timeout = float(os.environ.get("TIMEOUT", "120"))
rng = random.Random(32)

SHORT = "query P($from: ID!, $to: ID!, $depth: Int, $first: Int) { paths(fromId: $from, toId: $to, maxDepth: $depth, first: $first) { length nodes { id } relations { type } } }"
DEEP = ("query P($from: ID!, $to: ID!, $depth: Int, $first: Int) { paths(fromId: $from, toId: $to, maxDepth: $depth, first: $first) "
        "{ length nodes { id __typename } relations { id type status from { id } to { id } claimedBy { id } disputedBy { id } } } }")


def ask(port, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.read()
    except urllib.error.HTTPError as e:  # a refusal is an answer too: compared as its body
        return f"HTTP {e.code} ".encode() + e.read()


counts, bad, refused, empty = {}, [], 0, 0


def check(name, query, x, y, depth, first):
    global refused, empty
    v = {"from": x, "to": y, "depth": depth, "first": first}
    p, q = ask(a, query, v), ask(b, query, v)
    counts[name] = counts.get(name, 0) + 1
    if p != q: bad.append((name, v, p[:300], q[:300]))
    if b'"errors"' in p: refused += 1
    elif b'"paths":[]' in p: empty += 1


here = os.path.dirname(os.path.abspath(__file__))
harness = [l.split() for l in subprocess.run([sys.executable, os.path.join(here, "path-pairs.py"), db],
                                              capture_output=True, text=True, check=True).stdout.splitlines() if l.strip()]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
top = c.execute("SELECT max(rowid) FROM nodes").fetchone()[0]
top_relation = c.execute("SELECT max(rowid) FROM relations").fetchone()[0]


def random_node(k):
    """One pick in three any node, else an end of a relation picked by rowid (a node with relations, either end)."""
    while True:
        row = (c.execute("SELECT id FROM nodes WHERE rowid = ?", (rng.randint(1, top),)) if k % 3 == 0 else
               c.execute(f"SELECT {('from_id', 'to_id')[k % 3 - 1]} FROM relations WHERE rowid = ?", (rng.randint(1, top_relation),))).fetchone()
        if row: return row[0]


for k, (x, y) in enumerate(harness[:n]):
    check("harness", SHORT, x, y, 3, 3)
    if k % 5 == 0: check("harness-deep", DEEP, x, y, 4, 25)
for k in range(n):
    x, y = random_node(k), random_node(k + 1)
    depth, first = (2, 3, 4)[k % 3], (3, 25)[k % 2]
    check("random", DEEP if k % 2 else SHORT, x, y, depth, first)
    check("random-reversed", SHORT, y, x, depth, first)
for x, y in harness[:10]:
    check("same", DEEP, x, x, 3, 3)
    check("no-such-node", SHORT, x, "org:no-such-node", 3, 3)
    check("no-such-node", SHORT, "org:no-such-node", y, 3, 3)
armies = [r[0] for r in c.execute("SELECT id FROM nodes WHERE id LIKE 'org:c__-armed-forces' ORDER BY id")]
for y in armies[1:1 + hubs]:
    check("hub-hub", SHORT, armies[0], y, 2, 3)
    check("hub-hub", SHORT, armies[0], y, 3, 3)
for x, _ in harness[:hubs]:
    check("hub-group", DEEP, armies[0], x, 4, 25)
print("asked:", counts, "differing:", len(bad), "refused (both):", refused, "no path:", empty)
for x in bad[:5]: print(x)
sys.exit(1 if bad else 0)
