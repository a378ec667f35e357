#!/bin/bash
# hostile-mix.sh SECS NAME:PORT ...  (Release services on the 1M store, each pid in $PIDS/NAME.pid; PIDS defaults to .)
# For SECS, on every service at once: the 2-level query with spread ids (wrk -t1 -c16 --latency) while two more clients
# send slow requests back to back, one a paths search between two hubs (org:c00-armed-forces to another country's,
# maxDepth 3: at 1M, c01-c19 are refused with QUERY_TOO_COMPLEX, "ask maxDepth: 2", once the store's counts show both
# sides would be cut, 0.15-0.2 s of CPU; c20-c39 are answered, 0.45-0.6 s), the other a page of 100 actors with their
# statements' totalCount (about 1 s). Prints each service's 2-level req/s, p50, p90 and p99, the slow requests sent
# (a refused one counts: HTTP 200 either way), and glibc's heap trimming (madvise calls with MADV_DONTNEED) in the
# window (BENCHMARKS.md, "glibc's trim threshold, session 19").
secs=$1; shift; svcs=("$@"); PIDS=${PIDS:-.}; here=$(dirname "$0")
slow() { # PORT paths|nested
  local port=$1 kind=$2 end=$((SECONDS + secs)) n=0 i=0 body
  while [ $SECONDS -lt $end ]; do
    i=$((i + 1))
    if [ $kind = paths ]; then
      body=$(printf '{"query":"query P($a: ID!, $b: ID!) { paths(fromId: $a, toId: $b, maxDepth: 3) { length nodes { id } } }","variables":{"a":"org:c00-armed-forces","b":"org:c%02d-armed-forces"}}' $(( (i * 7) % 39 + 1 )))
    else
      body='{"query":"{ actors(first: 100) { nodes { id name statements(first: 5) { totalCount nodes { id } } } } }"}'
    fi
    curl -s -m 60 -o /dev/null -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:$port/graphql && n=$((n + 1))
  done
  echo $n > $PIDS/slow-$port-$kind.n
}
for s in "${svcs[@]}"; do
  port=${s#*:}
  perf stat -x, -e syscalls:sys_enter_madvise --filter 'behavior == 4' -p $(cat $PIDS/${s%%:*}.pid) -o $PIDS/mdn-$port.out -- sleep $secs 2>/dev/null &
  slow $port paths & slow $port nested &
  wrk -t1 -c16 -d${secs}s --latency -s $here/graphql.lua http://127.0.0.1:$port -- two-level 1000000 spread > $PIDS/mix-$port.out 2>&1 &
done
wait
for s in "${svcs[@]}"; do
  port=${s#*:}; out=$PIDS/mix-$port.out
  printf "%s req/s %s p50 %s p90 %s p99 %s slow paths %s nested %s MADV_DONTNEED %s\n" ${s%%:*} $(awk '/Requests\/sec/{print $2}' $out) \
    $(awk '$1=="50%"{print $2}' $out) $(awk '$1=="90%"{print $2}' $out) $(awk '$1=="99%"{print $2}' $out) \
    $(cat $PIDS/slow-$port-paths.n) $(cat $PIDS/slow-$port-nested.n) $(awk -F, '/madvise/{print $1}' $PIDS/mdn-$port.out)
done
