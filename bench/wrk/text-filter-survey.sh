#!/bin/bash
# text-filter-survey.sh PORT: one request per combination of a text filter with another filter, time and totalCount (or error)
port=$1
EV='query($f: EventFilter){ events(filter: $f, first: 20) { totalCount nodes { id } } }'
ST='query($f: StatementFilter){ statements(filter: $f, first: 20) { totalCount nodes { id } } }'
AC='query($f: ActorFilter){ actors(filter: $f, first: 20) { totalCount nodes { ... on Node { id } } } }'
PL='query($f: PlaceFilter){ places(filter: $f, first: 20) { totalCount nodes { id } } }'
AG='query($f: EventFilter){ eventAggregate(filter: $f, groupBy: [KIND]) { groups { events keys { key } } } }'
SE='query{ search(text: "attack", kinds: [EVENT], first: 10) { node { id } } }'
run() { # name query vars
  body=$(jq -cn --arg q "$2" --argjson v "$3" '{query:$q, variables:$v}')
  out=$(curl -s -m 40 -w ' %{time_total}' -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:$port/graphql)
  t=${out##* }; j=${out% *}
  tc=$(echo "$j" | jq -c '[.. | .totalCount? // empty] | first // (.errors[0].extensions.code // "ok")' 2>/dev/null)
  printf "%-44s %8.3f s  %s\n" "$1" "$t" "$tc"
}
for w in attack drone; do
run "events text=$w + placeId(c01)" "$EV" "{\"f\":{\"text\":\"$w\",\"placeId\":\"place:c01-halornia\"}}"
run "events text=$w + placeId(c01) + month" "$EV" "{\"f\":{\"text\":\"$w\",\"placeId\":\"place:c01-halornia\",\"from\":\"2015-03-01\",\"to\":\"2015-03-31\"}}"
run "events text=$w + from" "$EV" "{\"f\":{\"text\":\"$w\",\"from\":\"2024-01-01\"}}"
run "events text=$w + to" "$EV" "{\"f\":{\"text\":\"$w\",\"to\":\"2010-02-01\"}}"
run "events text=$w + from/to month" "$EV" "{\"f\":{\"text\":\"$w\",\"from\":\"2015-03-01\",\"to\":\"2015-03-31\"}}"
run "events text=$w + kinds" "$EV" "{\"f\":{\"text\":\"$w\",\"kinds\":[\"AIRSTRIKE\"]}}"
run "events text=$w + perpetratorId" "$EV" "{\"f\":{\"text\":\"$w\",\"perpetratorId\":\"org:c00-unit-2\"}}"
run "events text=$w + targetId" "$EV" "{\"f\":{\"text\":\"$w\",\"targetId\":\"org:c00-armed-forces\"}}"
run "statements text=$w + aboutId" "$ST" "{\"f\":{\"text\":\"$w\",\"aboutId\":\"event:e0000001\"}}"
run "statements text=$w + speakerId" "$ST" "{\"f\":{\"text\":\"$w\",\"speakerId\":\"person:p00002-pela-bastor\"}}"
run "statements text=$w + organizationId" "$ST" "{\"f\":{\"text\":\"$w\",\"organizationId\":\"org:c00-armed-forces\"}}"
run "statements text=$w + sourceId" "$ST" "{\"f\":{\"text\":\"$w\",\"sourceId\":\"source:r0000001\"}}"
run "statements text=$w + stances" "$ST" "{\"f\":{\"text\":\"$w\",\"stances\":[\"DENIES\"]}}"
run "statements text=$w + anonymous" "$ST" "{\"f\":{\"text\":\"$w\",\"anonymous\":true}}"
run "eventAggregate text=$w + placeId" "$AG" "{\"f\":{\"text\":\"$w\",\"placeId\":\"place:c01-halornia\"}}"
done
run "actors text=armed + organizationKinds" "$AC" '{"f":{"text":"armed","organizationKinds":["MILITARY"]}}'
run "actors text=armed + kinds" "$AC" '{"f":{"text":"armed","kinds":["ORGANIZATION"]}}'
run "places text=checkpoint + withinId" "$PL" '{"f":{"text":"checkpoint","withinId":"place:c01-halornia"}}'
run "places text=checkpoint + kinds" "$PL" '{"f":{"text":"checkpoint","kinds":["SITE"]}}'
run "search attack kinds EVENT" "$SE" '{}'
