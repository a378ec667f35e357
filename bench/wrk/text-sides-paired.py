#!/usr/bin/env python3
"""text-sides-paired.py PORT_A PORT_B [ROUNDS]: words beside another filter (a country, with a month; a perpetrator, a target;
statements by event, speaker, source, organization; places within a country), each shape asked of A then B, ROUNDS times
(default 3); prints each shape's median seconds on A and B, their ratio, the totalCount, and whether the bodies differ."""
import json, sys, time, statistics, urllib.request
a, b = sys.argv[1], sys.argv[2]; rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
EV = "query($f: EventFilter){ events(filter: $f, first: 20) { totalCount nodes { id } } }"
ST = "query($f: StatementFilter){ statements(filter: $f, first: 20) { totalCount nodes { id } } }"
PL = "query($f: PlaceFilter){ places(filter: $f, first: 20) { totalCount nodes { id } } }"
shapes = [
    ("country c01 + attack", EV, {"text": "attack", "placeId": "place:c01-halornia"}),
    ("country c01 + attack + 2015-03", EV, {"text": "attack", "placeId": "place:c01-halornia", "from": "2015-03-01", "to": "2015-03-31"}),
    ("country c01 + attack + 2021-06", EV, {"text": "attack", "placeId": "place:c01-halornia", "from": "2021-06-01", "to": "2021-06-30"}),
    ("country c01 + drone + 2015-03", EV, {"text": "drone", "placeId": "place:c01-halornia", "from": "2015-03-01", "to": "2015-03-31"}),
    ("country c01 + barracks (rare)", EV, {"text": "barracks", "placeId": "place:c01-halornia"}),
    ("country c01 + said + 2015-03", EV, {"text": "said", "placeId": "place:c01-halornia", "from": "2015-03-01", "to": "2015-03-31"}),
    ("perpetrator c00-unit-2 + attack", EV, {"text": "attack", "perpetratorId": "org:c00-unit-2"}),
    ("target c00-armed-forces + attack", EV, {"text": "attack", "targetId": "org:c00-armed-forces"}),
    ("target c00-armed-forces + attack + from 2024", EV, {"text": "attack", "targetId": "org:c00-armed-forces", "from": "2024-01-01"}),
    ("statements about e0000001 + attack", ST, {"text": "attack", "aboutId": "event:e0000001"}),
    ("statements speaker p00002 + attack", ST, {"text": "attack", "speakerId": "person:p00002-pela-bastor"}),
    ("statements source r0000001 + attack", ST, {"text": "attack", "sourceId": "source:r0000001"}),
    ("statements organization c00-armed-forces + attack", ST, {"text": "attack", "organizationId": "org:c00-armed-forces"}),
    ("places within c01 + checkpoint", PL, {"text": "checkpoint", "withinId": "place:c01-halornia"}),
]
def ask(port, q, v):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": q, "variables": {"f": v}}).encode(), {"Content-Type": "application/json"})
    t = time.time()
    with urllib.request.urlopen(req, timeout=120) as r: body = json.loads(r.read())
    body.pop("extensions", None); return body, time.time() - t
print(f"{'shape':50} {'A s':>7} {'B s':>7} {'B/A':>6} {'total':>8} same")
for name, q, v in shapes:
    ta, tb, same, total = [], [], True, None
    for _ in range(rounds):
        x, t1 = ask(a, q, v); y, t2 = ask(b, q, v); ta.append(t1); tb.append(t2); same &= x == y
        total = next(iter(y.get("data", {}).values()), {}).get("totalCount") if y.get("data") else y.get("errors")
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"{name:50} {ma:7.3f} {mb:7.3f} {mb / ma:6.2f} {str(total):>8} {'yes' if same else 'NO'}")
