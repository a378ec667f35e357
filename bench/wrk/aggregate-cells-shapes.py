import json, sys, time, urllib.request, statistics
# aggregate-cells-shapes.py PORT REPS [once-slow]: the aggregate shapes session 25 gave the kept cells at 1M (c00 is the largest country,
# r4 its largest region), one request at a time; prints the store ms (extensions.cost, so the service needs Diagnostics:Cost on)
Q = ("query A($f: EventFilter, $g: [EventDimension!]!, $b: TimeBucket, $l: PlaceKind) { eventAggregate(filter: $f, groupBy: $g, bucket: $b, placeLevel: $l) "
     "{ total { events impreciseEvents disputedEvents killedLow killedBest killedHigh } groups { keys { value } events killedLow } } }")
C = "place:c00-doroova"; R = "place:c00-r4-luadria-province"; W = {"from": "2019-01-15", "to": "2019-12-20"}
shapes = {
 "c00 by region, all time": dict(f={"placeId": C}, g=["PLACE"], b="MONTH", l="REGION"),
 "c00 by region and month, all time": dict(f={"placeId": C}, g=["PLACE", "TIME"], b="MONTH", l="REGION"),
 "c00 by city and year, all time": dict(f={"placeId": C}, g=["PLACE", "TIME"], b="YEAR", l="CITY"),
 "c00 by country (itself)": dict(f={"placeId": C}, g=["PLACE"], b="YEAR", l="COUNTRY"),
 "c00 2019-01-15..12-20 by month": dict(f={"placeId": C, **W}, g=["TIME"], b="MONTH"),
 "c00 from 2015-03-10 by quarter and kind": dict(f={"placeId": C, "from": "2015-03-10"}, g=["TIME", "KIND"], b="QUARTER"),
 "c00 to 2021-06-17 by year": dict(f={"placeId": C, "to": "2021-06-17"}, g=["TIME"], b="YEAR"),
 "c00 by region 2019-01-15..12-20 by month": dict(f={"placeId": C, **W}, g=["PLACE", "TIME"], b="MONTH", l="REGION"),
 "r4 by city 2019-01-15..12-20": dict(f={"placeId": R, **W}, g=["PLACE"], b="MONTH", l="CITY"),
 "every country by month 2019-01-15..12-20": dict(f=W, g=["PLACE", "TIME"], b="MONTH", l="COUNTRY"),
}
reps = int(sys.argv[2]); once = sys.argv[3:] == ["once-slow"]
for name, v in shapes.items():
    stores = []
    for _ in range(1 if once and "every" in name else reps):
        req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/graphql", json.dumps({"query": Q, "variables": v}).encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=300) as r: body = json.loads(r.read())
        if "errors" in body: print(name, "ERR", body["errors"][0]["message"][:100]); stores.append(30000); continue
        stores.append(body["extensions"]["cost"]["storeMilliseconds"])
    print(f"{name:45s} n={len(stores)} store p50 {statistics.median(stores):9.1f} ms min {min(stores):9.1f} total {(body.get('data') or {}).get('eventAggregate', {}).get('total', {}).get('events')}", flush=True)
