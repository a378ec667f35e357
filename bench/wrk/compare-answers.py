#!/usr/bin/env python3
"""compare-answers.py PORT_A PORT_B [N] [EVENTS]: asks two services on the same store (EVENTS events, default 1M) the same spread queries and compares the bodies byte for byte; exits 1 on any difference.
compare-answers.py --paths PAIRS PORT_A PORT_B [N]: the paths queries instead, for the first N pairs (default all) of PAIRS (bench/wrk/path-pairs.py):
the harness's document (maxDepth 3, first 3), and for every tenth pair a deeper page with relation ids (maxDepth 4, first 25)."""
import json, sys, random, urllib.request
pairs_file = None
if sys.argv[1] == "--paths": pairs_file = sys.argv.pop(2); sys.argv.pop(1)
a, b = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
events = int(sys.argv[4]) if len(sys.argv) > 4 else 1000000
random.seed(13)
def ask(port, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r: return r.read()
counts = {}; bad = []; errors = []
def check(name, query, variables):
    x, y = ask(a, query, variables), ask(b, query, variables)
    counts[name] = counts.get(name, 0) + 1
    if x != y: bad.append((name, variables, x[:300], y[:300]))
    if b'"errors"' in x: errors.append((name, x[:300]))
    return json.loads(x)
TWO = "query EventFacts($id: ID!) { node(id: $id) { id ... on Event { title kind date { start end precision } perpetrators { id name } place { id name kind } statements { id text stance } } } }"
TWO_WIDE = "query W($id: ID!) { node(id: $id) { id ... on Event { places { id } targets { id } partOf { id } subEvents { id } killed { id } retaliationFor { id status claimedBy { id } } statements(stances: [ASSERTS, DENIES]) { id stance speaker { id name } } casualties { conflicting } } } }"
LOOKUP = "query Lookup($id: ID!) { node(id: $id) { id ... on Event { title kind description date { start end precision at text } } } }"
THREE = "query Retaliations($first: Int!, $after: String) { retaliations(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id status from { id ... on Event { title } } to { id ... on Event { title } } claimedBy { id text speaker { id name } } disputedBy { id text speaker { id name } } } } } }"
THREE_EV = "query T($id: ID!) { node(id: $id) { id ... on Event { perpetrators { id name ... on Organization { statements(first: 3) { totalCount nodes { id about { id } } } } } place { id name parent { id } events(first: 3) { totalCount nodes { id } } } statements { id speaker { id name } about { id } } } } }"
ACTORS = "query Speakers($after: String) { actors(first: 20, after: $after) { pageInfo { endCursor hasNextPage } nodes { id name statements(first: 5) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } } }"
ACTOR_ST = "query S($id: ID!, $after: String) { node(id: $id) { id ... on Actor { statements(first: 7, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id text } } } } } }"
STMTS = "query St($about: ID, $after: String) { statements(first: 4, after: $after, filter: { aboutId: $about }) { totalCount pageInfo { endCursor hasNextPage } nodes { id stance } } }"
PATHS = "query Connect($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxDepth: 3, first: 3) { length nodes { id } relations { type } } }"
PATHS_DEEP = "query Deep($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxDepth: 4, first: 25) { length nodes { id } relations { id type status } } }"
if pairs_file:
    pairs = [line.split() for line in open(pairs_file) if line.strip()]
    pairs = pairs[: int(sys.argv[3])] if len(sys.argv) > 3 else pairs
    for k, (x, y) in enumerate(pairs):
        check("paths", PATHS, {"from": x, "to": y})
        if k % 10 == 0: check("paths-deep", PATHS_DEEP, {"from": x, "to": y})
    print("asked:", counts, "differing:", len(bad), "with errors:", len(errors))
    for x in errors[:3]: print(x)
    for x in bad[:5]: print(x)
    sys.exit(1 if bad else 0)
ids = [f"event:e{random.randint(1, events):07d}" for _ in range(n)]
for i in ids:
    check("two-level", TWO, {"id": i}); check("lookup", LOOKUP, {"id": i}); check("two-level-wide", TWO_WIDE, {"id": i})
for i in ids[: n // 2]:
    check("three-level-event", THREE_EV, {"id": i})
    check("statements-about", STMTS, {"about": i, "after": None})
after = None
for _ in range(max(10, n // 20)):
    d = check("three-level-retaliations", THREE, {"first": 20, "after": after}); after = d["data"]["retaliations"]["pageInfo"]["endCursor"]
# later pages: the walk goes on from where the first pages stopped, one new page a request, until the last page
for _ in range(n // 10):
    if not after: break
    d = check("three-level-retaliations", THREE, {"first": 20, "after": after}); after = d["data"]["retaliations"]["pageInfo"]["endCursor"]
after = None; actors = []
for _ in range(max(10, n // 20)):
    d = check("actors-statements", ACTORS, {"after": after}); after = d["data"]["actors"]["pageInfo"]["endCursor"]
    actors += [(x["id"], x["statements"]["pageInfo"]["endCursor"]) for x in d["data"]["actors"]["nodes"]]
for actor, cur in actors[: n // 2]:
    d = check("actor-statement-pages", ACTOR_ST, {"id": actor, "after": None})
    d = check("actor-statement-pages", ACTOR_ST, {"id": actor, "after": cur})
    c2 = ((d["data"]["node"] or {}).get("statements") or {}).get("pageInfo", {}).get("endCursor")
    if c2: check("actor-statement-pages", ACTOR_ST, {"id": actor, "after": c2})
print("asked:", counts, "differing:", len(bad), "with errors:", len(errors))
for x in errors[:3]: print(x)
for x in bad[:5]: print(x)
sys.exit(1 if bad else 0)
