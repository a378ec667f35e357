#!/usr/bin/env python3
"""compare-place-answers.py DB PORT_A PORT_B N: the events of a place (and the places inside it) asked in many shapes of two
services on the same data (DB, a copy of their store, read for place and organization ids), compared byte for byte without
`extensions`: N of the benchmark's country-months with their second pages, N/4 of each other shape (year windows of every
place level in both orders with their second pages, open windows, kinds, a perpetrator), N/8 of Place.events and the filter
without a window; exits 1 on any difference."""
import json, sys, random, sqlite3, urllib.request, datetime
db, a, b, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
random.seed(22)
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
places = {k: [r[0] for r in c.execute("select id from nodes where kind='PLACE' and sub_kind=? order by id", (k,))] for k in ("COUNTRY", "REGION", "CITY", "SITE")}
orgs = [r[0] for r in c.execute("select id from nodes where kind='ORGANIZATION' order by id limit 400")]
def ask(port, q, v):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": q, "variables": v}).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r: return r.read()
EV = "query E($f: EventFilter, $first: Int, $after: String, $o: EventOrder) { events(filter: $f, first: $first, after: $after, orderBy: $o) { totalCount pageInfo { endCursor hasNextPage } nodes { id title date { start end precision } } } }"
PL = "query P($id: ID!, $first: Int, $after: String) { node(id: $id) { id ... on Place { events(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id date { start } } } } } }"
counts = {}; bad = []; errs = 0; totals = []
def strip(body):
    d = json.loads(body); d.pop("extensions", None); return json.dumps(d, sort_keys=False).encode()
def check(name, q, v, key):
    global errs
    x, y = ask(a, q, v), ask(b, q, v)
    x, y = strip(x), strip(y)
    counts[name] = counts.get(name, 0) + 1
    if x != y: bad.append((name, v, x[:400], y[:400]))
    d = json.loads(x)
    if "errors" in d: errs += 1; print("ERR", name, v, x[:300]); return None
    conn = key(d["data"])
    if conn is not None: totals.append(conn["totalCount"])
    return conn
def month(k):
    y, m = 2010 + k // 12, k % 12 + 1
    s = datetime.date(y, m, 1); e = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
    return s.isoformat(), e.isoformat()
ev = lambda d: d["events"]
pl = lambda d: d["node"]["events"] if d["node"] else None
variants = [(p, k) for p in places["COUNTRY"] for k in range(182)]
random.shuffle(variants)
for p, k in variants[:n]:
    s, e = month(k)
    conn = check("country-month", EV, {"f": {"placeId": p, "from": s, "to": e}, "first": 20}, ev)
    if conn and conn["pageInfo"]["hasNextPage"]:
        check("country-month page 2", EV, {"f": {"placeId": p, "from": s, "to": e}, "first": 20, "after": conn["pageInfo"]["endCursor"]}, ev)
for i in range(n // 4):
    kind = random.choice(["COUNTRY", "REGION", "CITY", "SITE"]); p = random.choice(places[kind]); y = random.randint(2009, 2025)
    f = {"placeId": p, "from": f"{y}-01-01", "to": f"{y}-12-31"}
    o = random.choice(["DATE_ASC", "DATE_DESC"]); first = random.choice([1, 7, 20, 100])
    conn = check(f"year {kind} {o}", EV, {"f": f, "first": first, "o": o}, ev)
    if conn and conn["pageInfo"]["hasNextPage"]:
        check(f"year {kind} {o} page 2", EV, {"f": f, "first": first, "o": o, "after": conn["pageInfo"]["endCursor"]}, ev)
    s, e = month(random.randint(0, 181))
    check("from only", EV, {"f": {"placeId": p, "from": s}, "first": 5}, ev)
    check("to only", EV, {"f": {"placeId": p, "to": e}, "first": 5, "o": "DATE_DESC"}, ev)
    check("kinds", EV, {"f": {"placeId": p, "from": f"{y}-01-01", "to": f"{y}-12-31", "kinds": ["AIRSTRIKE", "GROUND_ATTACK", "ROCKET_ATTACK"]}, "first": 10}, ev)
    check("perpetrator", EV, {"f": {"placeId": p, "perpetratorId": random.choice(orgs)}, "first": 10}, ev)

for i in range(n // 8):
    kind = random.choice(["COUNTRY", "REGION", "CITY", "SITE"]); p = random.choice(places[kind])
    conn = check(f"place.events {kind}", PL, {"id": p, "first": 20}, pl)
    if conn and conn["pageInfo"]["hasNextPage"]:
        check(f"place.events {kind} page 2", PL, {"id": p, "first": 20, "after": conn["pageInfo"]["endCursor"]}, pl)
    check(f"no window {kind}", EV, {"f": {"placeId": p}, "first": 20, "o": random.choice(["DATE_ASC", "DATE_DESC"])}, ev)
check("unknown place", EV, {"f": {"placeId": "place:nowhere", "from": "2015-01-01", "to": "2015-12-31"}, "first": 20}, ev)
check("an event as place", EV, {"f": {"placeId": "event:e0000001"}, "first": 20}, ev)
print("asked:", sum(counts.values()), "in", len(counts), "shapes; differing:", len(bad), "; with errors:", errs,
      "; totalCount mean %.1f max %d" % (sum(totals) / max(1, len(totals)), max(totals or [0])))
for x in bad[:5]: print(x)
sys.exit(1 if bad else 0)
