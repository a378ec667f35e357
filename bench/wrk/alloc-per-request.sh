#!/bin/bash
# alloc-per-request.sh PID PORT QUERY SIZE SECS : bytes the service allocates per request, over one wrk run (-t1 -c16) of
# graphql.lua's QUERY on SIZE events. The allocation count is dotnet-counters' dotnet.gc.heap.total_allocated, summed over
# a collection that starts before the run and ends after it (so the service should be serving nothing else); CPU per
# request from /proc/PID/stat as in ab-paired.sh. dotnet-counters: `dotnet tool install dotnet-counters --tool-path DIR`,
# then COUNTERS=DIR/dotnet-counters (default: dotnet-counters on the PATH).
pid=$1; port=$2; query=$3; size=$4; secs=$5
COUNTERS=${COUNTERS:-dotnet-counters}
out=$(mktemp --suffix .csv); log=$(mktemp)
rm -f "$out"
"$COUNTERS" collect -p "$pid" --counters System.Runtime --refresh-interval 1 --format csv -o "$out" \
  --duration 00:00:$(printf %02d $((secs + 6))) > /dev/null 2>&1 &
collector=$!
sleep 3
tick=$(getconf CLK_TCK)
c0=$(awk '{print $14+$15}' /proc/$pid/stat)
wrk -t1 -c16 -d${secs}s -s "$(dirname "$0")/graphql.lua" http://127.0.0.1:$port -- "$query" "$size" spread > "$log" 2>&1
c1=$(awk '{print $14+$15}' /proc/$pid/stat)
wait $collector
requests=$(awk '/^requests/{gsub(",","",$2); print $2}' "$log")
bytes=$(awk -F, '/total_allocated/{s+=$5} END{printf "%.0f", s}' "$out")
gen0=$(awk -F, '/collections.*gen0/{s+=$5} END{printf "%.0f", s}' "$out")
echo "requests $requests, bytes allocated $bytes, bytes a request $((bytes / requests)), gen0 GCs a 1000 requests $(echo "scale=2; $gen0 * 1000 / $requests" | bc), CPU ms a request $(echo "scale=4; ($c1 - $c0) * 1000 / $tick / $requests" | bc)"
rm -f "$out" "$log"
