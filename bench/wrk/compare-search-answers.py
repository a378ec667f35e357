#!/usr/bin/env python3
"""compare-search-answers.py PORT_A PORT_B WORLD [N] [HOSTILE]: asks two services on the same store the same searches and compares
the bodies byte for byte; exits 1 on any difference. WORLD is a generated graph's 000-world.json. The searches: two words of every
group's name (the harness's, at most N, default all), each with first 10 and, for every fifth, first 1, 3, 25 and 100 and the
kinds [EVENT, STATEMENT] and every kind; one and two words of persons', places' and other organizations' names; and words of the
texts (HOSTILE of the commonest words of the 1M graph, each in 100k to 2M texts, default 0, and rarer ones), first 10 and 50."""
import json, random, sys, time, urllib.request
a, b, world = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
n = int(sys.argv[4]) if len(sys.argv) > 4 else 10**9
hostile = int(sys.argv[5]) if len(sys.argv) > 5 else 0
random.seed(24)
Q = "query Find($text: String!, $first: Int, $kinds: [NodeKind!]) { search(text: $text, first: $first, kinds: $kinds) { score nameMatch node { id ... on Organization { name } ... on Event { title } } } }"
def ask(port, variables):
    body = json.dumps({"query": Q, "variables": variables}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r: return r.read()
counts, bad, errors, took = {}, [], [], {a: 0.0, b: 0.0}
def check(name, text, first=10, kinds=None):
    v = {"text": text, "first": first, "kinds": kinds}
    t = time.time(); x = ask(a, v); took[a] += time.time() - t
    t = time.time(); y = ask(b, v); took[b] += time.time() - t
    counts[name] = counts.get(name, 0) + 1
    if x != y: bad.append((name, v, x[:300], y[:300]))
    if b'"errors"' in x: errors.append((name, v, x[:300]))
groups = [o for o in world["organizations"] if o["id"].startswith("org:g")][:n]
for i, g in enumerate(groups):
    text = " ".join(g["name"].split(" ")[:2])
    check("group", text)
    if i % 5 == 0:
        for first in (1, 3, 25, 100): check("group-first", text, first)
        check("group-kinds", text, 10, ["EVENT", "STATEMENT"])
        check("group-every-kind", text, 10, ["PERSON", "ORGANIZATION", "PLACE", "EVENT", "STATEMENT", "SOURCE"])
others = [o["name"] for o in world["organizations"] if not o["id"].startswith("org:g")] + [p["name"] for p in world["persons"]] + [p["name"] for p in world["places"]]
for name in random.sample(others, min(len(others), max(20, min(n, 200)))):
    words = name.split(" ")
    check("name-one-word", words[-1]); check("name-two-words", " ".join(words[:2]), 25)
common = ["near", "attack", "on", "armed", "forces", "ground", "officials", "described", "rocket", "division", "drone", "said", "clash",
          "fighting", "reported", "blamed", "airstrike", "artillery"][:hostile]
rare = ["dawn", "convoy", "checkpoint", "shelling", "ambush", "mortar", "militia", "ceasefire", "killed", "wounded", "civilians", "denied",
        "claimed", "statement", "spokesperson", "press", "briefing", "raid", "village", "market"]
for word in common: check("common-word", word); check("common-word", word, 50)
for word in rare: check("text-word", word); check("text-word", word, 50); check("text-two-words", word + " " + random.choice(rare))
print("asked:", counts, "differing:", len(bad), "with errors:", len(errors), f"seconds: A {took[a]:.1f}, B {took[b]:.1f}")
for x in errors[:3]: print(x)
for x in bad[:5]: print(x)
sys.exit(1 if bad else 0)
