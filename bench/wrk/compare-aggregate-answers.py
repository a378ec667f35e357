#!/usr/bin/env python3
"""compare-aggregate-answers.py DB PORT_A PORT_B N [places|cells|more-cells]: eventAggregate asked of two services on the same data (DB, read-only,
for place and actor ids) in many shapes, the bodies compared byte for byte without `extensions`: N place-filtered
queries (countries, regions, cities and sites; all time, a year, a month, a week, from-only and to-only windows; every
bucket; groupBy [], TIME, KIND, ACLED_EVENT_TYPE, PLACE at each level, PERPETRATOR, TARGET and pairs of them; kinds;
first 1/5/100) and, unless the fifth argument is "places", N/8 without a place (windows, kinds, PLACE groupings at each level;
at 1M these read every event, 0.5-12 s each). "cells" asks the shapes the SQLite store's kept cells answer (schema 18):
windows on month bounds only (all time, a year, a quarter's months, from or to a month's bound), MONTH/QUARTER/YEAR,
groupBy [], TIME, KIND, ACLED_EVENT_TYPE and pairs with a place, PLACE with TIME/KIND without one. "more-cells" asks the
shapes session 25 gave the cells: a place beside a PLACE grouping (every level, windows on and off month bounds), windows off
month bounds (a few days to 14 months, from-only, to-only, a week with no whole month) with a place or a PLACE grouping. An answer stopped by the service's time limit on either side is counted
apart (timed out), not compared. Exits 1 on any difference."""
import json, sys, random, sqlite3, urllib.request
db, a, b, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
random.seed(23)
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
places = {k: [r[0] for r in c.execute("select id from nodes where kind='PLACE' and sub_kind=? order by id", (k,))] for k in ("COUNTRY", "REGION", "CITY", "SITE")}
Q = ("query A($f: EventFilter, $g: [EventDimension!]!, $b: TimeBucket, $l: PlaceKind, $first: Int) { eventAggregate(filter: $f, groupBy: $g, bucket: $b, placeLevel: $l, first: $first) "
     "{ total { events impreciseEvents disputedEvents killedLow killedBest killedHigh } groups { keys { dimension value label } events impreciseEvents disputedEvents killedLow killedBest killedHigh } } }")
def ask(port, v):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": Q, "variables": v}).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r: d = json.loads(r.read())
    d.pop("extensions", None); return d
KINDS = ["AIRSTRIKE", "ARMED_CLASH", "ARTILLERY_FIRE", "DRONE_ATTACK", "GROUND_ATTACK", "OTHER", "POLITICAL", "PROTEST", "ROCKET_ATTACK", "TARGETED_KILLING"]
GROUPS = [[], ["TIME"], ["KIND"], ["ACLED_EVENT_TYPE"], ["PLACE"], ["PERPETRATOR"], ["TARGET"], ["PLACE", "TIME"], ["TIME", "KIND"], ["PERPETRATOR", "TIME"], ["PLACE", "KIND"]]
def window():
    y, m, d = random.randint(2010, 2024), random.randint(1, 12), random.randint(1, 28)
    return random.choice([{}, {"from": f"{y}-01-01", "to": f"{y}-12-31"}, {"from": f"{y}-{m:02d}-01", "to": f"{y}-{m:02d}-28"},
                          {"from": f"{y}-{m:02d}-{d:02d}", "to": f"{y}-{m:02d}-{min(d + 6, 28):02d}"}, {"from": f"{y}-{m:02d}-{d:02d}"}, {"to": f"{y}-{m:02d}-{d:02d}"}])
CELLS = sys.argv[5:] == ["cells"]
MORE = sys.argv[5:] == ["more-cells"]
def odd_window():
    y, m, d = random.randint(2010, 2023), random.randint(1, 12), random.randint(2, 28)
    months = random.randint(1, 14)
    y2, m2 = y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1
    return random.choice([{"from": f"{y}-{m:02d}-{d:02d}", "to": f"{y2}-{m2:02d}-{random.randint(1, 27):02d}"}, {"from": f"{y}-{m:02d}-{d:02d}"},
                          {"to": f"{y2}-{m2:02d}-{random.randint(1, 27):02d}"}, {"from": f"{y}-{m:02d}-01", "to": f"{y2}-{m2:02d}-{random.randint(1, 27):02d}"},
                          {"from": f"{y}-{m:02d}-{d:02d}", "to": f"{y}-{m:02d}-{min(d + 6, 28):02d}"}])
def more_cell_variables(place):
    f = dict(random.choice([odd_window, odd_window, month_window])() if place else odd_window())
    if place: f["placeId"] = place
    if random.random() < 0.3: f["kinds"] = random.sample(KINDS, random.randint(1, 3))
    g = random.choice([["PLACE"], ["PLACE", "TIME"], ["TIME", "PLACE"], ["PLACE", "KIND"], ["PLACE", "TIME", "KIND"]] + ([[], ["TIME"], ["KIND", "TIME"]] if place else []))
    v = {"f": f, "g": g, "b": random.choice(["MONTH", "QUARTER", "YEAR"]), "l": random.choice(["COUNTRY", "REGION", "REGION", "CITY", "SITE"])}
    if random.random() < 0.3: v["first"] = random.choice([1, 5, 100])
    return v
def month_window():
    y, m = random.randint(2010, 2024), random.choice([1, 4, 7, 10])
    end = lambda y, m: f"{y}-{m:02d}-{[31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]}"
    return random.choice([{}, {"from": f"{y}-01-01", "to": f"{y}-12-31"}, {"from": f"{y}-{m:02d}-01", "to": end(y, m + 2)},
                          {"from": f"{y}-{m:02d}-01"}, {"to": end(y, m)}, {"from": f"{y}-{m:02d}-01", "to": end(y, m)}])
def cell_variables(place):
    f = dict(month_window())
    if place: f["placeId"] = place
    if random.random() < 0.3: f["kinds"] = random.sample(KINDS, random.randint(1, 3))
    g = random.choice([[], ["TIME"], ["KIND"], ["ACLED_EVENT_TYPE"], ["TIME", "KIND"], ["KIND", "TIME"]] if place else [["PLACE"], ["PLACE", "TIME"], ["TIME", "PLACE"], ["PLACE", "KIND"], ["PLACE", "TIME", "KIND"]])
    v = {"f": f, "g": g, "b": random.choice(["MONTH", "QUARTER", "YEAR"]), "l": random.choice(["COUNTRY", "REGION", "CITY", "SITE"])}
    if random.random() < 0.3: v["first"] = random.choice([1, 5, 100])
    return v
def variables(place):
    if CELLS: return cell_variables(place)
    if MORE: return more_cell_variables(place)
    f = dict(window())
    if place: f["placeId"] = place
    if random.random() < 0.3: f["kinds"] = random.sample(KINDS, random.randint(1, 3))
    v = {"f": f, "g": random.choice(GROUPS), "b": random.choice(["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"]), "l": random.choice(["COUNTRY", "REGION", "CITY", "SITE"])}
    if random.random() < 0.3: v["first"] = random.choice([1, 5, 100])
    return v
if CELLS or MORE: asks = [variables(random.choice(places[random.choice(["COUNTRY", "COUNTRY", "REGION", "CITY", "SITE"])]) if i % 4 else None) for i in range(n)]
# Place-filtered: countries mostly windowed (all time at 1M reads up to 158k events a request).
else: asks = [variables(random.choice(places[random.choice(["COUNTRY", "REGION", "REGION", "CITY", "CITY", "SITE"])])) for _ in range(n)]
if sys.argv[5:] != ["places"] and not CELLS and not MORE: asks += [variables(None) for _ in range(n // 8)]
bad, errs, shapes, totals, late = [], 0, set(), [], []
def timed_out(d): return any("ran longer than" in e.get("message", "") for e in d.get("errors", []))
for v in asks:
    x, y = ask(a, v), ask(b, v)
    shapes.add((bool(v["f"].get("placeId")), tuple(v["g"]), tuple(sorted(k for k in v["f"] if k != "placeId"))))
    if timed_out(x) or timed_out(y): late.append(v); continue
    if json.dumps(x) != json.dumps(y): bad.append((v, json.dumps(x)[:300], json.dumps(y)[:300]))
    if "errors" in x: errs += 1; print("ERR", v, json.dumps(x)[:300])
    else: totals.append(x["data"]["eventAggregate"]["total"]["events"])
print(f"{len(asks)} queries of {len(shapes)} shapes (place or not, groupBy, window/kinds keys), {len(bad)} differing, {errs} errors, {len(late)} timed out on a side; "
      f"total events mean {sum(totals) / max(1, len(totals)):.0f}, max {max(totals, default=0)}, {sum(1 for t in totals if t > 0)} non-empty")
for v, x, y in bad[:5]: print("DIFF", v, "\n  A", x, "\n  B", y)
sys.exit(1 if bad else 0)
