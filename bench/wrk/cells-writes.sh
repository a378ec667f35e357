#!/bin/bash
# cells-writes.sh PORT TAG N (a service with a write key WRITE_KEY on a writable copy of the 1M store): N times: an event spanning a month's end placed in a city of c00 (importGraph, one event and its
# OCCURRED_IN), its dates moved a year back (importGraph of the event alone), then deleteNode; the store ms and wall s of each
C=place:c00-r1-c1-arimir
post() { curl -s -w ' wall=%{time_total}' -XPOST localhost:$1/graphql -H 'content-type: application/json' -H "Authorization: Bearer ${WRITE_KEY:-cells26key}" -d "$2" | grep -o '"storeMilliseconds":[0-9.]*\| wall=.*\|"errors"' | tr '\n' ' '; }
for i in $(seq 1 $3); do
  m=$(( (i % 9) + 1 ))
  ev="{ id: \\\"event:$2-w$i\\\", title: \\\"A write\\\", kind: AIRSTRIKE, date: { start: \\\"2019-0$m-03\\\", end: \\\"2019-0$((m+1))-02\\\", precision: DAY } }"
  ev2="{ id: \\\"event:$2-w$i\\\", title: \\\"A write\\\", kind: AIRSTRIKE, date: { start: \\\"2018-0$m-03\\\", end: \\\"2018-0$((m+1))-02\\\", precision: DAY } }"
  a=$(post $1 "{\"query\":\"mutation { importGraph(input: { events: [$ev], relations: [{ type: OCCURRED_IN, fromId: \\\"event:$2-w$i\\\", toId: \\\"$C\\\" }] }) { created } }\"}")
  b=$(post $1 "{\"query\":\"mutation { importGraph(input: { events: [$ev2] }) { created } }\"}")
  d=$(post $1 "{\"query\":\"mutation { deleteNode(id: \\\"event:$2-w$i\\\") }\"}")
  echo "port $1 import $a | move $b | delete $d"
done
