#!/bin/bash
# clients-paired.sh PORT PIDFILE SIZE MODE ROUNDS SECS CONC CLIENT...
# Windows of each load client in turn against one Release service already running on PORT (its pid in PIDFILE), the
# 2-level query, the order rotating every round so each pair of clients runs in both orders. CLIENT is one of the
# harness's (loop, lean, async, httpclient; loop:N for N loop threads; asyncinline for async with .NET's inline socket
# completions), run through the harness's --drive (build it first: dotnet build -c Release bench/ConflictGraph.Benchmarks),
# or wrk (wrk -t2 -cCONC with graphql.lua's walk: the same ids as the harness's spread walk). MODE is the harness's
# (uncached or spread ask the same ids; the service's own read-cache setting decides the cache). Each wrk window
# follows 3 s of the same traffic, as --drive's 3 s warm-up does. Prints one --drive row a window (the service's CPU and
# context switches a request from /proc around the measured window; wrk's own from /usr/bin/time over its whole run).
# SEED (default 1) is the generated graph's seed. BENCHMARKS.md, "The load client built as wrk is, session 31".
port=$1; pid=$(cat "$2"); size=$3; mode=$4; rounds=$5; secs=$6; conc=$7; shift 7; clients=("$@")
here=$(dirname "$0")
harness="$here/../ConflictGraph.Benchmarks/bin/Release/net10.0/ConflictGraph.Benchmarks.dll"
[ -f "$harness" ] || { echo "no harness at $harness: dotnet build -c Release bench/ConflictGraph.Benchmarks" >&2; exit 1; }
kill -0 "$pid" 2>/dev/null || { echo "no process $pid (from $2)" >&2; exit 1; }
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
switches() { cat /proc/$pid/task/*/status 2>/dev/null | awk '/^voluntary_ctxt/{v+=$2} /^nonvoluntary_ctxt/{n+=$2} END{print v, n}'; }
n=${#clients[@]}
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < n; k++)); do
    c=${clients[$(( (r + k) % n ))]}
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$c" = wrk ]; then
      wrk -t2 -c$conc -d3s -s "$here/graphql.lua" http://127.0.0.1:$port -- two-level $size walk > /dev/null 2>&1
      c0=$(cpu); read v0 n0 < <(switches)
      out=$( { /usr/bin/time -f 'TIME %U %S %w %c' wrk -t2 -c$conc -d${secs}s -s "$here/graphql.lua" http://127.0.0.1:$port -- two-level $size walk; } 2>&1 )
      c1=$(cpu); read v1 n1 < <(switches)
      req=$(echo "$out" | sed -n 's/^requests \([0-9]*\), non-2xx \([0-9]*\).*p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\1 \2 \3 \4/p')
      rps=$(echo "$out" | awk '/^Requests\/sec/{print $2}')
      used=$(echo "$out" | awk '/^TIME/{print $2, $3, $4, $5}')
      echo "$req $rps $used $c0 $c1 $v0 $v1 $n0 $n1 $tick $load" | awk -v size=$size -v mode=$mode '{
        q = $1; svc = ($11 - $10) * 1000 / $16 / q; own = ($6 + $7) * 1000 / q; sv = $13 - $12; si = $15 - $14;
        printf "| wrk | 2 levels | %d | %s | %s | %d | %.0f | %.2f | %.2f | %d | %.3f | %.3f | %.2f (%.2f+%.2f) | %.2f (%.2f+%.2f) | | |\n",
          size, mode, $17, q, $5, $3, $4, $2, own, svc, (sv + si) / q, sv / q, si / q, ($8 + $9) / q, $8 / q, $9 / q }'
    else
      kind=${c%%:*}; threads=2; [ "$kind" != "$c" ] && threads=${c#*:}
      inline=0; [ "$kind" = asyncinline ] && { kind=async; inline=1; }
      DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=$inline dotnet "$harness" --drive http://127.0.0.1:$port --query '2 levels' --sizes $size \
        --seed ${SEED:-1} --mode $mode --pid $pid --concurrency $conc --warmup 3s --duration ${secs}s --load-client $kind --load-threads $threads \
        | tail -1 | sed "s/^| $kind |/| $c |/"
    fi
  done
done
