#!/usr/bin/env python3
"""compare-relation-answers.py PORT_A PORT_B [N] [EVENTS]: asks two services on the same store (EVENTS events, default 1M) the
relation pages (retaliations, responses, disputes, relations with each filter) after N cursors of events spread over the graph,
as the harness's 3-level row asks them, and compares the bodies byte for byte; exits 1 on any difference."""
import base64, json, random, sys, urllib.request
a, b = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
events = int(sys.argv[4]) if len(sys.argv) > 4 else 1000000
random.seed(27)
EDGE = "totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id type status from { id } to { id ... on Event { title } } claimedBy { id speaker { id name } } disputedBy { id } claims { statement { id } position characterization } } }"
THREE = "query Retaliations($first: Int!, $after: String) { retaliations(first: $first, after: $after) { totalCount edges { cursor node { id status from { id ... on Event { title } } to { id ... on Event { title } } claimedBy { id text speaker { id name } } disputedBy { id text speaker { id name } } } } } }"
FIELDS = {"retaliations": "retaliations(first: $first, after: $after)", "responses": "responses(first: $first, after: $after)",
          "disputes": "disputes(first: $first, after: $after)", "relations": "relations(first: $first, after: $after)"}
def ask(port, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r: return r.read()
counts, bad, errors = {}, [], []
def check(name, query, variables):
    x, y = ask(a, query, variables), ask(b, query, variables)
    counts[name] = counts.get(name, 0) + 1
    if x != y: bad.append((name, variables, x[:300], y[:300]))
    d = json.loads(x)
    if "errors" in d: errors.append((name, variables, d["errors"][:1]))
    return d
def after(prefix, eid): return base64.urlsafe_b64encode(f"cg1\x1f{prefix}:{eid}\x1f{eid}".encode()).decode().rstrip("=")
for k in range(n):
    eid = f"event:e{random.randint(1, events):07d}"
    check("three-level (harness)", THREE, {"first": 20, "after": after("r", eid)})
    for name, field in FIELDS.items():
        d = check(name, f"query Q($first: Int!, $after: String) {{ {field} {{ {EDGE} }} }}", {"first": random.choice([1, 7, 20]), "after": after("r", eid)})
        if k % 5 == 0:
            cur = (d.get("data") or {}).get(name, {}).get("pageInfo", {}).get("endCursor")
            if cur: check(name + " next", f"query Q($first: Int!, $after: String) {{ {field} {{ {EDGE} }} }}", {"first": 20, "after": cur})
    for filt in ({"fromId": eid}, {"toId": eid}, {"fromId": eid, "types": ["RETALIATION_FOR", "RESPONSE_TO", "TARGETED", "OCCURRED_IN"]}):
        check("relations filtered", f"query Q($f: RelationFilter) {{ relations(first: 20, filter: $f) {{ {EDGE} }} }}", {"f": filt})
    for filt in ({"types": ["TARGETED", "CARRIED_OUT"]}, {"statuses": ["DISPUTED", "DENIED"]}):
        check("relations walked", f"query Q($f: RelationFilter, $after: String) {{ relations(first: 20, after: $after, filter: $f) {{ {EDGE} }} }}",
              {"f": filt, "after": after("r", eid)})
print("asked:", counts, "differing:", len(bad), "with errors:", len(errors))
for x in errors[:3]: print(x)
for x in bad[:5]: print(x)
sys.exit(1 if bad else 0)
