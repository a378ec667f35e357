#!/bin/bash
# ab-paired.sh QUERY SIZE ROUNDS SECS NAME:PORT ...  (Release services running, each pid in $PIDS/NAME.pid; PIDS defaults to .;
# MODE=repeated asks graphql.lua's 64 repeated ids instead of spread ones)
# Paired windows: wrk drives every service at once for SECS (-t1 -c16 each), so each window's load is the same for all;
# CPU ms per request of each service from /proc utime+stime; the first service is the baseline.
query=$1; size=$2; rounds=$3; secs=$4; shift 4
PIDS=${PIDS:-.}
MODE=${MODE:-spread}
svcs=("$@"); tick=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
printf "round"; for s in "${svcs[@]}"; do printf " %8s" ${s%%:*}; done; for s in "${svcs[@]:1}"; do printf " %7s" "${s%%:*}/A"; done; echo " load"
for r in $(seq 1 $rounds); do
  declare -A c0 c1 q
  for s in "${svcs[@]}"; do c0[${s%%:*}]=$(cpu $(cat $PIDS/${s%%:*}.pid)); done
  for s in "${svcs[@]}"; do
    wrk -t1 -c16 -d${secs}s -s $(dirname "$0")/graphql.lua http://127.0.0.1:${s#*:} -- $query $size $MODE > $PIDS/w-${s%%:*}.out 2>&1 &
  done
  wait
  for s in "${svcs[@]}"; do n=${s%%:*}; c1[$n]=$(cpu $(cat $PIDS/$n.pid)); q[$n]=$(awk '/^requests/{gsub(",","",$2); print $2}' $PIDS/w-$n.out); done
  base=${svcs[0]%%:*}; bm=$(echo "scale=4; (${c1[$base]}-${c0[$base]})*1000/$tick/${q[$base]}" | bc)
  printf "%5s" $r
  declare -A ms
  for s in "${svcs[@]}"; do n=${s%%:*}; ms[$n]=$(echo "scale=4; (${c1[$n]}-${c0[$n]})*1000/$tick/${q[$n]}" | bc); printf " %8s" ${ms[$n]}; done
  for s in "${svcs[@]:1}"; do printf " %7s" $(echo "scale=3; ${ms[${s%%:*}]}/$bm" | bc); done
  echo " $(cut -d' ' -f1 /proc/loadavg)"
done
