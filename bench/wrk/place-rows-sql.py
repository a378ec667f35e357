#!/usr/bin/env python3
"""place-rows-sql.py > FILE.sql: the selected events of a place aggregate (a country's year and month windows, and all
time; c00 and c01 of the generated graphs) written three ways, for service-sqlite.py: 'listed', the places inside as an
IN list in each span class's arm, the arms joined by UNION (main before session 23); 'joined', the places joined to their
PLACE rows, the arms by UNION ALL, made distinct once (session 23); 'place_events', one range per span class under the
place itself, then each event's node and own roll-up row. Each statement three times in turn after a warm-up statement
(a process's first statement pays for its start); each gives the count and the killed-low sum, which must agree."""
SPANS = [0, 1, 2, 3]
EARLIEST = "date('{f}', '-' || coalesce((SELECT value FROM counts WHERE key = 'eventspan:{s}'), 0) || ' days')"
COLUMNS = ("n.seq, n.sub_kind, n.date_start, n.date_end, n.disputed, n.part_of, n.counted, n.with_best, n.open_ended, "
           "n.killed_low, n.killed_best, n.killed_high")
SPAN = ("CASE WHEN n.date_start IS NULL OR julianday(n.date_end) - julianday(n.date_start) < 1 THEN 0 WHEN julianday(n.date_end) - "
        "julianday(n.date_start) <= 31 THEN 1 WHEN julianday(n.date_end) - julianday(n.date_start) <= 366 THEN 2 ELSE 3 END")
SUM = "SELECT count(*), sum(killed_low) FROM "
out = []
for place in ["place:c00-doroova", "place:c01-halornia"]:
    inside = (f"WITH RECURSIVE inside0(id, depth) AS (SELECT '{place}', 0 UNION SELECT r.from_id, inside0.depth + 1 FROM inside0 "
              "CROSS JOIN relations r INDEXED BY relations_to ON r.to_id = inside0.id AND r.type IN ('LOCATED_IN') WHERE inside0.depth < 32) ")
    listed = f"{COLUMNS} FROM event_rollup n INDEXED BY event_rollup_places WHERE n.dim = 'PLACE' AND n.key IN (SELECT id FROM inside0)"
    joined = f"{COLUMNS} FROM inside0 CROSS JOIN event_rollup n INDEXED BY event_rollup_places ON n.key = inside0.id WHERE n.dim = 'PLACE'"
    events = ("p CROSS JOIN nodes e ON e.id = p.event_id CROSS JOIN event_rollup n ON n.dim = '' AND n.key = '' AND n.seq = e.seq")
    for f, t in [("2016-01-01", "2016-12-31"), ("2017-03-01", "2017-03-31"), (None, None)]:
        name = f"{place} {f or 'all time'}"
        if f is None:
            out.append(f".print listed {name}\n{inside}{SUM}(SELECT DISTINCT {listed});")
            out.append(f".print joined {name}\n{inside}{SUM}(SELECT DISTINCT {joined});")
            out.append(f".print place_events {name}\nSELECT count(*), sum(n.killed_low) FROM place_events {events} WHERE p.place_id = '{place}';")
            continue
        window = f" AND n.date_end >= '{f}' AND n.date_start <= '{t}'"
        arm = lambda rows, s: f"SELECT {rows}{window} AND ({SPAN}) = {s} AND n.date_start >= {EARLIEST.format(f=f, s=s)}"
        out.append(f".print listed {name}\n{inside}{SUM}(" + " UNION ".join(arm(listed, s) for s in SPANS) + ");")
        out.append(f".print joined {name}\n{inside}{SUM}(SELECT DISTINCT * FROM (" + " UNION ALL ".join(arm(joined, s) for s in SPANS) + "));")
        ranges = " UNION ALL ".join(f"SELECT p.event_id FROM place_events p WHERE p.place_id = '{place}' AND p.span = {s} AND p.date_start >= "
                                    f"{EARLIEST.format(f=f, s=s)} AND p.date_end >= '{f}' AND p.date_start <= '{t}'" for s in SPANS)
        out.append(f".print place_events {name}\nSELECT count(*), sum(n.killed_low) FROM ({ranges}) {events};")
print(".print warm-up\n" + out[0].split("\n")[1])
print("\n".join(out * 3))
