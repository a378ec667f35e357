#!/usr/bin/env python3
"""hub-actor-graph.py OUT.json [STATEMENTS]: a graph in the import's shape with one hub actor: person:hub, a spokesman holding a
role in org:gov, speaks STATEMENTS statements (default 100,000; every 7th undated, every 3rd also on org:gov's behalf); person:aide,
a MEMBER_OF org:gov, 50 dated before them all; 30 anonymous statements for org:gov, undated. Import it with the CLI
(`conflictgraph --sqlite-path HUB.db import OUT.json`) to time an actor's statements page and total against its size."""
import datetime, json, sys
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
first = datetime.date(2010, 1, 1)
statements = []
for i in range(count):
    s = {"id": f"statement:h{i:06d}", "text": f"The spokesman spoke, number {i % 50}.", "stance": "REPORTS", "speakerId": "person:hub"}
    if i % 7:
        day = (first + datetime.timedelta(days=i % 4000)).isoformat()
        s["date"] = {"start": day, "end": day, "precision": "DAY"}
    if i % 3 == 0: s["onBehalfOfId"] = "org:gov"
    statements.append(s)
for i in range(50):
    day = f"2009-12-{i % 28 + 1:02d}"
    statements.append({"id": f"statement:a{i:03d}", "text": "The aide spoke.", "stance": "REPORTS", "speakerId": "person:aide",
                       "date": {"start": day, "end": day, "precision": "DAY"}})
for i in range(30):
    statements.append({"id": f"statement:o{i:03d}", "text": "Said for the government.", "stance": "REPORTS", "speakerDescription": "an official",
                       "onBehalfOfId": "org:gov"})
json.dump({"persons": [{"id": "person:hub", "name": "Hub Spokesman", "roles": [{"title": "Spokesman", "organizationId": "org:gov"}]},
                       {"id": "person:aide", "name": "Aide Person", "roles": []}],
           "organizations": [{"id": "org:gov", "name": "Government of Hubland", "kind": "GOVERNMENT"}],
           "statements": statements, "relations": [{"type": "MEMBER_OF", "fromId": "person:aide", "toId": "org:gov"}]}, open(sys.argv[1], "w"))
