#!/usr/bin/env python3
"""statement-repeats.py DB FILE.sql [REPEAT]: like service-sqlite.py (the service's own SQLite, read-only, 256 MiB mapped), but
each statement is prepared once and run REPEAT times (default 20) on one connection; prints its rows' count, its first row and
the median and minimum CPU ms of a run (process_time): warm per-statement times.
Run it with MALLOC_TRIM_THRESHOLD_=1000000000 MALLOC_MMAP_THRESHOLD_=1000000000: in this small process glibc gives the heap's
top back to the system at every free, and a statement whose temporary tables take a page cache (a compound SELECT with an
IN (SELECT ...) arm, a materialized CTE) then faults its pages in again at every run, about 0.65 ms a run that the service,
whose heap stays in use, does not pay in full (its 20 organizations' pages a request cost 3.0 ms of CPU in all) (BENCHMARKS.md, "Search and an actor's statements uncached, session 24")."""
import ctypes, glob, os, sys, time, statistics
ctypes.CDLL("libm.so.6", mode=ctypes.RTLD_GLOBAL)
lib = os.environ.get("LIB") or sorted(glob.glob(os.path.expanduser("~/.nuget/packages/sqlitepclraw.lib.e_sqlite3/*/runtimes/linux-x64/native/libe_sqlite3.so")))[-1]
L = ctypes.CDLL(lib)
L.sqlite3_libversion.restype = ctypes.c_char_p
L.sqlite3_column_text.restype = ctypes.c_char_p
L.sqlite3_errmsg.restype = ctypes.c_char_p
db = ctypes.c_void_p()
assert L.sqlite3_open_v2(f"file:{sys.argv[1]}?mode=ro".encode(), ctypes.byref(db), 0x41, None) == 0
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 20

def run(sql):
    statement = ctypes.c_void_p()
    if L.sqlite3_prepare_v2(db, sql.encode(), -1, ctypes.byref(statement), None):
        sys.exit(f"{L.sqlite3_errmsg(db).decode()}: {sql[:200]}")
    times, rows = [], []
    for _ in range(repeat):
        started, rows = time.process_time(), []
        while L.sqlite3_step(statement) == 100:
            rows.append([(L.sqlite3_column_text(statement, i) or b"").decode() for i in range(L.sqlite3_column_count(statement))])
        times.append((time.process_time() - started) * 1000)
        L.sqlite3_reset(statement)
    L.sqlite3_finalize(statement)
    return rows, statistics.median(times), min(times)

print("SQLite", L.sqlite3_libversion().decode())
statement = ctypes.c_void_p()
L.sqlite3_prepare_v2(db, b"PRAGMA mmap_size=268435456", -1, ctypes.byref(statement), None); L.sqlite3_step(statement); L.sqlite3_finalize(statement)
label = ""
for line in open(sys.argv[2]):
    line = line.strip()
    if not line or line.startswith("--"): continue
    if line.startswith(".print "): label = line[7:]; continue
    rows, med, low = run(line)
    print(f"{label}\t{len(rows)} rows\t{rows[0] if rows else None}\tmedian {med:.3f} ms, min {low:.3f} ms CPU")
