#!/bin/bash
# ab-paired.sh QUERY SIZE ROUNDS SECS NAME:PORT[:SIZE] ...  (Release services running, each pid in $PIDS/NAME.pid; PIDS defaults to .;
# MODE=repeated asks graphql.lua's 64 repeated ids instead of spread ones, MODE=walk the harness's own spread: every event once
# in its scrambled order, from a random point of the walk each window; graphql.lua's header says how)
# Paired windows: wrk drives every service at once for SECS (-t1 -c16 each), so each window's load is the same for all;
# CPU ms per request of each service from /proc utime+stime; the first service is the baseline.
# A service named with its own SIZE is asked that size's ids instead of SIZE's (the store it serves has that many events), so
# services on stores of two sizes share the windows: e.g. a 1M service with the read cache off against a 10k one with it on,
# the spread target's two sides (BENCHMARKS.md, "The 2-level request's miss against a hit, session 32").
# Before anything is measured, it waits until every service answers a GraphQL query (up to UP seconds, default 300: a
# fresh service can take more than 15 s to start on a loaded machine), then, when WARM is set, drives them all for WARM
# seconds with the same traffic as the windows (a fresh service's CPU a request takes a few thousand requests to settle).
# MADVISE=1 adds each service's madvise calls per 1000 requests in the window (perf's syscalls:sys_enter_madvise
# tracepoint): a service whose C heap is being trimmed and faulted back in (glibc's per-thread arenas) shows hundreds,
# and costs several % more CPU a request whatever its build (BENCHMARKS.md, "The read cache's cost on a spread miss,
# session 16"). The count is of every madvise, the runtime's own commit and decommit (MADV_DODUMP/MADV_DONTDUMP) too:
# heap-trimming.sh counts glibc's trimming (MADV_DONTNEED) apart (BENCHMARKS.md, "glibc's trim threshold, session 19").
# P50=1 adds each service's p50 in the window (ms, wrk's own latency percentile under the window's shared load) and its
# ratio to the first's.
query=$1; size=$2; rounds=$3; secs=$4; shift 4
PIDS=${PIDS:-.}
MODE=${MODE:-spread}
MADVISE=${MADVISE:-0}
P50=${P50:-0}
UP=${UP:-300}
WARM=${WARM:-0}
svcs=("$@"); tick=$(getconf CLK_TCK)
port_of() { local rest=${1#*:}; echo ${rest%%:*}; }
size_of() { local rest=${1#*:}; [ "$rest" != "${rest#*:}" ] && echo ${rest#*:} || echo $size; }
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
answers() {
  curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' \
    http://127.0.0.1:$1/graphql | grep -q '^200$'
}
for s in "${svcs[@]}"; do
  n=${s%%:*}; port=$(port_of $s); waited=0
  until answers $port; do
    if ! kill -0 $(cat $PIDS/$n.pid) 2>/dev/null; then echo "$n (pid $(cat $PIDS/$n.pid)) is not running" >&2; exit 1; fi
    if [ $waited -ge $UP ]; then echo "$n on port $port did not answer within $UP s" >&2; exit 1; fi
    sleep 1; waited=$((waited + 1))
  done
done
if [ "$WARM" -gt 0 ]; then
  for s in "${svcs[@]}"; do
    wrk -t1 -c16 -d${WARM}s -s $(dirname "$0")/graphql.lua http://127.0.0.1:$(port_of $s) -- $query $(size_of $s) $MODE > /dev/null 2>&1 &
  done
  wait
fi
printf "round"; for s in "${svcs[@]}"; do printf " %8s" ${s%%:*}; done; for s in "${svcs[@]:1}"; do printf " %7s" "${s%%:*}/A"; done
[ "$MADVISE" = 1 ] && for s in "${svcs[@]}"; do printf " %8s" "madv/k"; done
[ "$P50" = 1 ] && { for s in "${svcs[@]}"; do printf " %8s" "p50"; done; for s in "${svcs[@]:1}"; do printf " %7s" "p50/A"; done; }; echo " load"
for r in $(seq 1 $rounds); do
  declare -A c0 c1 q
  for s in "${svcs[@]}"; do c0[${s%%:*}]=$(cpu $(cat $PIDS/${s%%:*}.pid)); done
  if [ "$MADVISE" = 1 ]; then
    for s in "${svcs[@]}"; do
      perf stat -x, -e syscalls:sys_enter_madvise -p $(cat $PIDS/${s%%:*}.pid) -o $PIDS/m-${s%%:*}.out -- sleep $secs 2>/dev/null &
    done
  fi
  for s in "${svcs[@]}"; do
    wrk -t1 -c16 -d${secs}s -s $(dirname "$0")/graphql.lua http://127.0.0.1:$(port_of $s) -- $query $(size_of $s) $MODE > $PIDS/w-${s%%:*}.out 2>&1 &
  done
  wait
  for s in "${svcs[@]}"; do n=${s%%:*}; c1[$n]=$(cpu $(cat $PIDS/$n.pid)); q[$n]=$(awk '/^requests/{gsub(",","",$2); print $2}' $PIDS/w-$n.out); done
  # wrk that could not start, or a window with no answered request, leaves nothing to divide by: say which and why
  for s in "${svcs[@]}"; do
    n=${s%%:*}
    if ! [ "${q[$n]:-0}" -gt 0 ] 2>/dev/null; then
      echo "round $r: wrk counted no requests for $n (port $(port_of $s)); its output:" >&2; cat $PIDS/w-$n.out >&2; exit 1
    fi
  done
  base=${svcs[0]%%:*}; bm=$(echo "scale=4; (${c1[$base]}-${c0[$base]})*1000/$tick/${q[$base]}" | bc)
  printf "%5s" $r
  declare -A ms
  for s in "${svcs[@]}"; do n=${s%%:*}; ms[$n]=$(echo "scale=4; (${c1[$n]}-${c0[$n]})*1000/$tick/${q[$n]}" | bc); printf " %8s" ${ms[$n]}; done
  for s in "${svcs[@]:1}"; do printf " %7s" $(echo "scale=3; ${ms[${s%%:*}]}/$bm" | bc); done
  if [ "$MADVISE" = 1 ]; then
    for s in "${svcs[@]}"; do n=${s%%:*}; printf " %8s" $(awk -F, -v q=${q[$n]} '/sys_enter_madvise/{printf "%.1f", $1*1000/q}' $PIDS/m-$n.out); done
  fi
  if [ "$P50" = 1 ]; then
    declare -A p
    for s in "${svcs[@]}"; do n=${s%%:*}; p[$n]=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' $PIDS/w-$n.out); printf " %8s" ${p[$n]}; done
    for s in "${svcs[@]:1}"; do printf " %7s" $(echo "scale=3; ${p[${s%%:*}]}/${p[$base]}" | bc); done
  fi
  echo " $(cut -d' ' -f1 /proc/loadavg)"
done
