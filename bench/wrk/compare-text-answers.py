#!/usr/bin/env python3
"""compare-text-answers.py DB PORT_A PORT_B N [TIMEOUT]: combined text filters (events by country with and without a month window, a
perpetrator, a target, kinds; statements by speaker/organization/about; places within a country) asked of two services,
bodies compared without `extensions`; prints each shape's count, differences, errors and both services' seconds."""
import json, sys, random, sqlite3, urllib.request, time, collections
db, a, b, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]); tmo = float(sys.argv[5]) if len(sys.argv) > 5 else 60
random.seed(23)
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
countries = [r[0] for r in c.execute("select id from nodes where kind='PLACE' and sub_kind='COUNTRY' order by id")]
perps = [r[0] for r in c.execute("select from_id from relations where type='CARRIED_OUT' group by from_id order by from_id limit 300")]
targets = [r[0] for r in c.execute("select to_id from relations where type='TARGETED' group by to_id order by to_id limit 300")]
speakers = [r[0] for r in c.execute("select target_id from refs where field='speakerId' group by target_id limit 300")]
orgs = [r[0] for r in c.execute("select id from nodes where kind='ORGANIZATION' order by id limit 300")]
events = [r[0] for r in c.execute("select id from nodes where kind='EVENT' order by id limit 2000")]
words = ["attack", "drone", "rocket", "airstrike", "clash", "checkpoint", "forces", "ground attack", "barracks", "said"]
EV = "query($f: EventFilter, $after: String) { events(filter: $f, first: 20, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id date { start } } } }"
ST = "query($f: StatementFilter) { statements(filter: $f, first: 20) { totalCount nodes { id } } }"
PL = "query($f: PlaceFilter) { places(filter: $f, first: 20) { totalCount nodes { id } } }"
def ask(port, q, v):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": q, "variables": v}).encode(), {"Content-Type": "application/json"})
    t = time.time()
    with urllib.request.urlopen(req, timeout=tmo) as r: body = r.read()
    d = json.loads(body); d.pop("extensions", None); return json.dumps(d), time.time() - t
stats = collections.defaultdict(lambda: [0, 0, 0, 0.0, 0.0]); diffs = []
def check(shape, q, v):
    x, ta = ask(a, q, v); y, tb = ask(b, q, v)
    s = stats[shape]; s[0] += 1; s[3] += ta; s[4] += tb
    if x != y:
        if '"QUERY_TOO_COMPLEX"' in x and '"errors"' not in y: s[2] += 1  # A stopped at the deadline, B answered
        else: s[1] += 1; diffs.append((shape, v, x[:300], y[:300]))
    return json.loads(y)
def month():
    y, m = random.randint(2010, 2024), random.randint(1, 12)
    return f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"
for i in range(n):
    w = random.choice(words); s, e = month()
    d = check("country+text+month", EV, {"f": {"placeId": random.choice(countries), "text": w, "from": s, "to": e}})
    ev = d.get("data", {}) and d["data"]["events"]
    if ev and ev["pageInfo"]["hasNextPage"]:
        check("country+text+month page 2", EV, {"f": {"placeId": random.choice(countries), "text": w, "from": s, "to": e}, "after": ev["pageInfo"]["endCursor"]})
    if i % 2 == 0: check("country+text", EV, {"f": {"placeId": random.choice(countries), "text": random.choice(words)}})
    if i % 2 == 1: check("country+text+year+kinds", EV, {"f": {"placeId": random.choice(countries), "text": random.choice(words), "from": s[:4] + "-01-01", "to": s[:4] + "-12-31", "kinds": ["GROUND_ATTACK", "DRONE_ATTACK"]}})
    check("perpetrator+text", EV, {"f": {"perpetratorId": random.choice(perps), "text": random.choice(words)}})
    check("target+text+month", EV, {"f": {"targetId": random.choice(targets), "text": random.choice(words), "from": s}})
    check("speaker+text", ST, {"f": {"speakerId": random.choice(speakers), "text": random.choice(words)}})
    check("organization+text", ST, {"f": {"organizationId": random.choice(orgs), "text": random.choice(words)}})
    check("about+text", ST, {"f": {"aboutId": random.choice(events), "text": random.choice(words)}})
    check("within+text", PL, {"f": {"withinId": random.choice(countries), "text": random.choice(["checkpoint", "barracks", "base", "a"])}})
print(f"{'shape':28} {'asked':>5} {'differ':>6} {'A stopped':>9} {'A s':>8} {'B s':>8}")
for k, (m, d, st, ta, tb) in stats.items(): print(f"{k:28} {m:5} {d:6} {st:9} {ta:8.1f} {tb:8.1f}")
print("total asked", sum(s[0] for s in stats.values()), "differing", len(diffs), "A stopped, B answered", sum(s[2] for s in stats.values()))
for x in diffs[:5]: print("DIFF", x)
sys.exit(1 if diffs else 0)
