#!/usr/bin/env python3
"""aggregate-shapes.py DB PORT [REPS] [ONLY]: the eventAggregate shapes users send (a country's months all-time, in a year,
a month's total, with kinds; a country by region or city; a region by kind; a city by perpetrator; every country by month
with no place filter, all-time and in a year; every country with kinds), each asked REPS times in turn of its variants
(the store DB, read-only, gives the place ids) of a service on PORT, one request at a time: wall ms per request (p50 and
min) and the store's own ms from extensions.cost (start the service with ConflictGraph__Diagnostics__Cost=true, and
ConflictGraph__Caching__StoreReads=false to time the store every time). ONLY: comma-separated parts of shape names."""
import json, sys, time, sqlite3, urllib.request, statistics, random
db, port = sys.argv[1], sys.argv[2]; reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
ids = lambda k: [r[0] for r in c.execute("select id from nodes where kind='PLACE' and sub_kind=? order by id", (k,))]
countries, regions, cities = ids("COUNTRY"), ids("REGION"), ids("CITY")
Q = ("query A($f: EventFilter, $g: [EventDimension!]!, $b: TimeBucket, $l: PlaceKind, $first: Int) { eventAggregate(filter: $f, groupBy: $g, bucket: $b, placeLevel: $l, first: $first) "
     "{ total { events impreciseEvents disputedEvents killedLow killedBest killedHigh } groups { keys { dimension value label } events impreciseEvents disputedEvents killedLow killedBest killedHigh } } }")
def ask(v):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": Q, "variables": v}).encode(), {"Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as r: body = json.loads(r.read())
    ms = (time.perf_counter() - t) * 1000
    if "errors" in body: print("ERR", v, body["errors"]); 
    return ms, body.get("extensions", {}).get("cost", {}).get("storeMilliseconds")
random.seed(23)
C0 = countries[0]; Cs = countries[:4]
shapes = {
 "country x month, all time": [dict(f={"placeId": p}, g=["TIME"], b="MONTH") for p in Cs],
 "country x month, a year": [dict(f={"placeId": p, "from": f"{y}-01-01", "to": f"{y}-12-31"}, g=["TIME"], b="MONTH") for p, y in zip(Cs, (2013, 2016, 2019, 2022))],
 "country, a month, total": [dict(f={"placeId": p, "from": "2017-03-01", "to": "2017-03-31"}, g=[]) for p in Cs],
 "country x month, kinds": [dict(f={"placeId": p, "kinds": ["AIRSTRIKE", "DRONE_ATTACK", "ROCKET_ATTACK"]}, g=["TIME"], b="MONTH") for p in Cs],
 "country x region": [dict(f={"placeId": p}, g=["PLACE"], l="REGION") for p in Cs],
 "country x city x year": [dict(f={"placeId": p, "from": "2015-01-01", "to": "2019-12-31"}, g=["PLACE", "TIME"], b="YEAR", l="CITY") for p in Cs],
 "region x kind": [dict(f={"placeId": p}, g=["KIND"]) for p in regions[:4]],
 "city x perpetrator": [dict(f={"placeId": p}, g=["PERPETRATOR"], first=10) for p in cities[:4]],
 "all: country x month": [dict(g=["PLACE", "TIME"], b="MONTH", l="COUNTRY")],
 "all: country x month, a year": [dict(f={"from": f"{y}-01-01", "to": f"{y}-12-31"}, g=["PLACE", "TIME"], b="MONTH", l="COUNTRY") for y in (2013, 2019)],
 "all: country, kinds": [dict(f={"kinds": ["AIRSTRIKE"]}, g=["PLACE"], l="COUNTRY")],
}
only = sys.argv[4].split(",") if len(sys.argv) > 4 else None
for name, vs in shapes.items():
    if only and not any(o in name for o in only): continue
    walls, stores = [], []
    for r in range(reps):
        for v in vs:
            w, s = ask(v); walls.append(w); stores.append(s or 0)
    print(f"{name:32s} n={len(walls):3d} wall p50 {statistics.median(walls):9.1f} ms  min {min(walls):9.1f}  store p50 {statistics.median(stores):9.1f} ms", flush=True)
