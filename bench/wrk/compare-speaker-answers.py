#!/usr/bin/env python3
"""compare-speaker-answers.py SPEAKERS PORT_A PORT_B [N]: asks two services on the same store the totals that read a speaker's
statements and compares the bodies byte for byte; exits 1 on any difference. SPEAKERS is a file of actor ids, one a line
(the persons who speak, say); N of them (default 300) are taken at random (seed 13), with as many persons who do not
speak drawn from the actors pages after them. For each: the harness's actors page after it (20 actors, each with its first
5 statements and their total), its statements page by page (first 7, three pages, with totalCount), and the top-level
statements list filtered by it as speaker alone, with a stance, with anonymous: false, with a word, and by organizationId."""
import json, sys, random, urllib.request
speakers_file, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 300
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
ACTORS = "query Speakers($after: String) { actors(first: 20, after: $after) { pageInfo { endCursor hasNextPage } nodes { id name statements(first: 5) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } } }"
ACTOR_ST = "query S($id: ID!, $after: String) { node(id: $id) { id ... on Actor { statements(first: 7, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id text } } } } } }"
LISTED = "query L($f: StatementFilter!) { statements(first: 3, filter: $f) { totalCount nodes { id stance } } }"
def cursor(actor):
    import base64
    return base64.urlsafe_b64encode(f"cg1\x1fi:{actor}\x1f{actor}".encode()).decode().rstrip("=")
speakers = [line.strip() for line in open(speakers_file) if line.strip()]
chosen = random.sample(speakers, min(n, len(speakers)))
silent = []
for actor in chosen:
    d = check("actors-page-after", ACTORS, {"after": cursor(actor)})
    silent += [x["id"] for x in d["data"]["actors"]["nodes"] if x["statements"]["totalCount"] == 0]
others = random.sample(silent, min(len(chosen), len(silent)))
for actor in chosen + others:
    after = None
    for _ in range(3):
        d = check("actor-statement-pages", ACTOR_ST, {"id": actor, "after": after})
        st = (d["data"]["node"] or {}).get("statements") or {}
        after = st.get("pageInfo", {}).get("endCursor")
        if not st.get("pageInfo", {}).get("hasNextPage"): break
    for f in [{"speakerId": actor}, {"speakerId": actor, "stances": [random.choice(["ASSERTS", "DENIES", "CONDEMNS", "THREATENS"])]},
              {"speakerId": actor, "anonymous": False}, {"speakerId": actor, "text": "attack"}, {"organizationId": actor}]:
        check("statements-filtered", LISTED, {"f": f})
print("asked:", counts, "differing:", len(bad), "with errors:", len(errors))
for x in errors[:3]: print(x)
for x in bad[:5]: print(x)
sys.exit(1 if bad else 0)
