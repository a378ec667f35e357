#!/usr/bin/env python3
"""word-sides-sql.py DB: on the service's own SQLite (SQLitePCLRaw's libe_sqlite3 through ctypes, read-only, 256 MiB mapped), the costs
WordChecks weighs: a word's terms walked in an fts5vocab table, a candidate checked against exact terms (MATCH with its rowid),
a match listed once (+n.seq IN ...), a limited count of matches; and the words-only shapes (a window, a stance) both ways."""
import ctypes, glob, os, sys, time
ctypes.CDLL("libm.so.6", mode=ctypes.RTLD_GLOBAL)
lib = sorted(glob.glob(os.path.expanduser("~/.nuget/packages/sqlitepclraw.lib.e_sqlite3/*/runtimes/linux-x64/native/libe_sqlite3.so")))[-1]
L = ctypes.CDLL(lib)
L.sqlite3_column_text.restype = ctypes.c_char_p
L.sqlite3_errmsg.restype = ctypes.c_char_p
db = ctypes.c_void_p()
assert L.sqlite3_open_v2(f"file:{sys.argv[1]}?mode=ro".encode(), ctypes.byref(db), 0x41, None) == 0
def run(sql, *args):
    st, t0 = ctypes.c_void_p(), time.process_time()
    if L.sqlite3_prepare_v2(db, sql.encode(), -1, ctypes.byref(st), None): sys.exit(L.sqlite3_errmsg(db).decode()+": "+sql)
    for i,a in enumerate(args):
        b=str(a).encode(); L.sqlite3_bind_text(st, i+1, b, len(b), ctypes.c_void_p(-1))
    rows=[]
    while L.sqlite3_step(st)==100:
        rows.append([(L.sqlite3_column_text(st,i) or b"").decode() for i in range(L.sqlite3_column_count(st))])
    L.sqlite3_finalize(st)
    return rows,(time.process_time()-t0)*1000
run("PRAGMA mmap_size=268435456")
run("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, 'instance')")
def expand(p):
    t0=time.process_time(); terms=[]; t=p
    while True:
        r,_=run("SELECT term FROM temp.v WHERE term >= ? LIMIT 1", t)
        if not r or not r[0][0].startswith(p): break
        terms.append(r[0][0]); t=r[0][0]+"\x01"
    return terms,(time.process_time()-t0)*1000
for p in ["attack","drone","rocket","said","forces","check","a","clash","airstrike"]:
    terms,ms=expand(p); print(p, len(terms), terms[:8], f"{ms:.2f} ms")
base="SELECT seq FROM nodes WHERE kind='EVENT' AND seq % 97 = 0 LIMIT 5000"
r,ms0=run(f"SELECT count(*) FROM ({base}) n"); print("base", r, f"{ms0:.1f}")
for q,label in [("\"attack\"","each attack"),("\"attack\" OR \"attacks\" OR \"attacked\"","each 3 terms"),("\"drone\"","each drone")]:
    r,ms=run(f"SELECT count(*) FROM ({base}) n WHERE EXISTS (SELECT 1 FROM search WHERE search MATCH '{q}' AND rowid = n.seq)"); print(label, r, f"{ms:.1f} ms, per candidate {(ms-ms0)/5:.1f} us")
for w in ["attack","drone"]:
    r,ms=run(f"SELECT count(*) FROM ({base}) n WHERE +n.seq IN (SELECT rowid FROM search WHERE search MATCH '\"{w}\"*')"); print("list", w, r, f"{ms:.1f} ms")
    r,ms=run(f"SELECT count(*) FROM search WHERE search MATCH '\"{w}\"'"); print("matches", w, r, f"{ms:.1f} ms")
    r,ms=run(f"SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH '\"{w}\"' LIMIT 300000)"); print("count 300k", w, r, f"{ms:.1f} ms")
E='EXISTS (SELECT 1 FROM search WHERE search MATCH \'"attack"\' AND rowid = n.seq)'
qs=[("month window events", "SELECT count(*) FROM nodes n WHERE n.kind='EVENT' AND n.date_start BETWEEN '2015-03-01' AND '2015-03-31'"),
("month window + attack each", f"SELECT count(*) FROM nodes n WHERE n.kind='EVENT' AND n.date_start BETWEEN '2015-03-01' AND '2015-03-31' AND {E}"),
("attack matches as driver + month", "SELECT count(*) FROM search CROSS JOIN nodes t ON t.seq = search.rowid WHERE search MATCH '\"attack\"*' AND t.kind='EVENT' AND t.date_start BETWEEN '2015-03-01' AND '2015-03-31'"),
("from 2024 events", "SELECT count(*) FROM nodes n WHERE n.kind='EVENT' AND n.date_start >= '2024-01-01'"),
("from 2024 + attack, first 21 in date order", f"SELECT n.id FROM nodes n WHERE n.kind='EVENT' AND n.date_start >= '2024-01-01' AND {E} ORDER BY n.date_start, n.id LIMIT 21"),
("stance DENIES statements", "SELECT count(*) FROM nodes n WHERE n.kind='STATEMENT' AND n.sub_kind='DENIES'"),
("stance DENIES + attack each", f"SELECT count(*) FROM nodes n WHERE n.kind='STATEMENT' AND n.sub_kind='DENIES' AND {E}"),
("stance DENIES + attack, first 21 in date order", f"SELECT n.id FROM nodes n WHERE n.kind='STATEMENT' AND n.sub_kind='DENIES' AND n.date_start IS NOT NULL AND {E} ORDER BY n.date_start, n.id LIMIT 21"),
("attack matches as driver + DENIES", "SELECT count(*) FROM search CROSS JOIN nodes t ON t.seq = search.rowid WHERE search MATCH '\"attack\"*' AND t.kind='STATEMENT' AND t.sub_kind='DENIES'"),
]
for label,q in qs:
    r,ms=run(q); print(f"{label:50} {str(r[:1]):20} {ms:9.1f} ms CPU")
for label,q in qs:
    r,ms=run("EXPLAIN QUERY PLAN "+q); print(label, [x[-1] for x in r])
