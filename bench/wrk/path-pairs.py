#!/usr/bin/env python3
"""path-pairs.py DB: the pairs of the harness's "paths between two actors" query (every armed group with its country's
armed forces, QueryCatalog's PathsBetweenActors) read from a store, one "from to" a line in a fixed scrambled order, for
graphql.lua's paths query (PAIRS=FILE) and compare-answers.py's --paths. Opens the file read-only."""
import json, random, sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
pairs = []
for gid, body in c.execute("SELECT id, body FROM nodes WHERE kind = 'ORGANIZATION' ORDER BY id"):
    b = json.loads(body)
    if b.get("kind") == "ARMED_GROUP" and b.get("countryId"):
        # A country place:cNN-name has its armed forces at org:cNN-armed-forces (the generator's WorldBuilder).
        pairs.append((gid, "org:" + b["countryId"].split(":", 1)[1].split("-", 1)[0] + "-armed-forces"))
random.Random(20).shuffle(pairs)
for a, b in pairs: print(a, b)
