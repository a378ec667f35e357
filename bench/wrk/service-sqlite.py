#!/usr/bin/env python3
"""service-sqlite.py DB FILE.sql: each line of FILE.sql run on DB (read-only, 256 MiB mapped as the service maps it) by the
SQLite the service loads (SQLitePCLRaw's libe_sqlite3, 3.53.3, through ctypes; LIB overrides its path): a line
'.print LABEL' names the statements after it; EXPLAIN lines print their plan, others their first row and the CPU ms
(process_time) the statement took. Debian's sqlite3 shell and Python's module are 3.40: they plan some of the service's
statements otherwise (at 10k the containment walk's step with a Bloom filter and a non-covering relations_to), so their
timings are not the service's."""
import ctypes, glob, os, sys, time
ctypes.CDLL("libm.so.6", mode=ctypes.RTLD_GLOBAL)  # the library takes trunc() and friends from the process
lib = os.environ.get("LIB") or sorted(glob.glob(os.path.expanduser("~/.nuget/packages/sqlitepclraw.lib.e_sqlite3/*/runtimes/linux-x64/native/libe_sqlite3.so")))[-1]
L = ctypes.CDLL(lib)
L.sqlite3_libversion.restype = ctypes.c_char_p
L.sqlite3_column_text.restype = ctypes.c_char_p
L.sqlite3_errmsg.restype = ctypes.c_char_p
db = ctypes.c_void_p()
assert L.sqlite3_open_v2(f"file:{sys.argv[1]}?mode=ro".encode(), ctypes.byref(db), 0x41, None) == 0  # READONLY | URI

def run(sql):
    statement, started = ctypes.c_void_p(), time.process_time()
    if L.sqlite3_prepare_v2(db, sql.encode(), -1, ctypes.byref(statement), None):
        sys.exit(f"{L.sqlite3_errmsg(db).decode()}: {sql[:200]}")
    rows = []
    while L.sqlite3_step(statement) == 100:
        rows.append([(L.sqlite3_column_text(statement, i) or b"").decode() for i in range(L.sqlite3_column_count(statement))])
    L.sqlite3_finalize(statement)
    return rows, (time.process_time() - started) * 1000

print("SQLite", L.sqlite3_libversion().decode())
run("PRAGMA mmap_size=268435456")
label = ""
for line in open(sys.argv[2]):
    line = line.strip()
    if not line or line.startswith("--"): continue
    if line.startswith(".print "): label = line[7:]; continue
    rows, ms = run(line)
    if line.upper().startswith("EXPLAIN"): print(label, *(r[-1] for r in rows), sep="\n  ")
    else: print(f"{label}\t{rows[0] if rows else None}\t{ms:.2f} ms CPU")
