#!/bin/bash
# heap-trimming.sh SECS QUERY MODE NAME:PORT ...  (services running, each pid in $PIDS/NAME.pid; PIDS defaults to .)
# Drives every service at once with graphql.lua's QUERY (wrk -t1 -c16, MODE spread or repeated, 1M ids) and prints, per
# 1000 requests, glibc's heap trimming (madvise with MADV_DONTNEED) apart from all madvise calls, which also count the
# runtime's own commit and decommit (MADV_DODUMP/MADV_DONTDUMP), then the process's RSS and anonymous RSS.
secs=$1; query=$2; mode=$3; shift 3; PIDS=${PIDS:-.}; here=$(dirname "$0")
for s in "$@"; do n=${s%%:*}; pid=$(cat $PIDS/$n.pid)
  perf stat -x, -e syscalls:sys_enter_madvise --filter 'behavior == 4' -p $pid -o $PIDS/dn-$n.out -- sleep $secs 2>/dev/null &
  perf stat -x, -e syscalls:sys_enter_madvise -p $pid -o $PIDS/da-$n.out -- sleep $secs 2>/dev/null &
  wrk -t1 -c16 -d${secs}s -s $here/graphql.lua http://127.0.0.1:${s#*:} -- $query 1000000 $mode > $PIDS/dw-$n.out 2>&1 &
done
wait
for s in "$@"; do n=${s%%:*}; pid=$(cat $PIDS/$n.pid)
  r=$(awk '/^requests/{gsub(",","",$2); print $2}' $PIDS/dw-$n.out)
  echo "$n requests $r MADV_DONTNEED/k $(awk -F, -v q=$r '/madvise/{printf "%.1f", $1*1000/q}' $PIDS/dn-$n.out)" \
    "madvise/k $(awk -F, -v q=$r '/madvise/{printf "%.1f", $1*1000/q}' $PIDS/da-$n.out)" \
    "$(grep -E '^(VmRSS|RssAnon)' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
done
