#!/bin/bash
# pread-btrees.sh PID DB PORT QUERY SIZE [SECS]
# Which b-trees a running service's page reads land in: strace's pread64 offsets on the service (PID, serving the
# SQLite file DB on PORT) while wrk -t1 -c8 drives QUERY (two-level, lookup) with spread ids for SECS (default 15),
# divided by the file's page size and looked up in its dbstat table. Prints page reads and fstat calls a request,
# by b-tree and page kind (leaf, internal, overflow). Needs strace, wrk and a sqlite3 shell with dbstat.
# The page map (every page of the file, a minute or two at 1M) is kept in $MAP, default /tmp/pread-btrees-<file>.map,
# and reused: delete it when the file changes. The file is only read (mode=ro).
set -euo pipefail
pid=$1; db=$(realpath "$2"); port=$3; query=$4; size=$5; secs=${6:-15}
map=${MAP:-/tmp/pread-btrees-$(basename "$db").map}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
page=$(sqlite3 "file:$db?mode=ro" "PRAGMA page_size;")
[ -s "$map" ] || sqlite3 "file:$db?mode=ro" -separator ' ' "SELECT pageno, name, pagetype FROM dbstat;" > "$map"
fds=$(for f in /proc/$pid/fd/*; do if [ "$(readlink "$f")" = "$db" ]; then basename "$f"; fi; done | paste -sd,)
[ -n "$fds" ] || { echo "process $pid has $db open on no descriptor" >&2; exit 1; }
strace -f -p "$pid" -e trace=pread64,newfstatat -o "$out/trace" 2>/dev/null &
tracer=$!
sleep 2
wrk -t1 -c8 -d${secs}s -s "$(dirname "$0")/graphql.lua" "http://127.0.0.1:$port" -- "$query" "$size" spread > "$out/wrk"
sleep 1
kill "$tracer"; wait "$tracer" 2>/dev/null || true
requests=$(awk '/^requests/{gsub(",","",$2); print $2}' "$out/wrk")
awk -v page="$page" -v fds="$fds" -v requests="$requests" '
  BEGIN { n = split(fds, f, ","); for (i = 1; i <= n; i++) db[f[i]] = 1 }
  FILENAME == ARGV[1] { btree[$1] = $2 " " $3; next }
  function offset(line,   parts, k) { k = split(line, parts, ", "); sub(/\).*/, "", parts[k]); return parts[k] }
  $2 ~ /^newfstatat\(/ { fd = substr($2, 12); sub(/,.*/, "", fd); if (fd in db) fstat++; next }
  $2 ~ /^pread64\(/ && /<unfinished/ { fd = substr($2, 9); sub(/,.*/, "", fd); pending[$1] = fd; next }
  $2 ~ /^pread64\(/ { fd = substr($2, 9); sub(/,.*/, "", fd); if (fd in db) reads[btree[int(offset($0) / page) + 1]]++; next }
  $2 == "<..." && $3 == "pread64" { fd = pending[$1]; delete pending[$1]; if (fd in db) reads[btree[int(offset($0) / page) + 1]]++ }
  END {
    printf "%d requests, page size %d, database descriptors %s\n", requests, page, fds
    printf "%-36s %-9s %10s %10s\n", "b-tree", "page", "preads", "a request"
    for (k in reads) { split(k, p, " "); total += reads[k]; printf "%-36s %-9s %10d %10.2f\n", p[1], p[2], reads[k], reads[k] / requests | "sort -k4 -rn" }
    close("sort -k4 -rn")
    printf "%-36s %-9s %10d %10.2f\n", "all", "", total, total / requests
    printf "%-36s %-9s %10d %10.2f\n", "newfstatat on the file", "", fstat, fstat / requests
  }' "$map" "$out/trace"
