-- Drives one of the benchmark's event queries with wrk, ids spread over the whole graph or
-- repeated over 64 fixed ones (the same ids as bench/ConflictGraph.Benchmarks):
--   wrk -t2 -c32 -d15s -s bench/wrk/graphql.lua http://127.0.0.1:PORT -- two-level 1000000 spread
--   wrk -t2 -c32 -d15s -s bench/wrk/graphql.lua http://127.0.0.1:PORT -- lookup 1000000 repeated
--   wrk -t2 -c32 -d15s -s bench/wrk/graphql.lua http://127.0.0.1:PORT -- two-level 1000000 walk
-- The third argument says how the ids are picked: spread (the default) takes each at random, uniformly over the graph, so
-- some come twice within a run (a read cache's hits); repeated takes one of 64 fixed ones; walk visits the events the way the
-- harness's spread rows do (BenchQuery.Scrambled: event 1 + i * stride mod N, the stride coprime with N near 0.618 N), each
-- once until all N were asked, from a random point of the walk each run. wrk's threads share it: thread t of T asks steps
-- t, t + T, t + 2T, ... (T read off wrk's own -t/--threads). walk is for the event-id documents (lookup, two-level,
-- three-level); the others refuse it.
-- three-level asks the page of 20 retaliations after an event (the harness's 3 levels: retaliations, their claims, the
-- claims' speakers); repeated, the page after one of the 64 ids.
-- paths asks the harness's "paths between two actors" (an armed group to its country's armed forces, maxDepth 3, first
-- 3) for the pairs in the file the PAIRS environment variable names, one "from to" a line (bench/wrk/path-pairs.py writes
-- them from a store), taken at random; repeated, the first 64 of them.
-- country-month asks the harness's "events in a country, date range" (a country's events in one calendar month, first 20,
-- with totalCount) for the country place ids in the file the COUNTRIES environment variable names, one a line, and one of
-- the 182 months from 2010-01 (the generator's span), both at random; repeated, the first country and the 12 months of 2017.
-- country-year asks the filtered breakdown of BENCHMARKS.md's aggregates (eventAggregate: a country's events in one calendar
-- year by month, with the total and the casualty sums) for the countries in the COUNTRIES file and one of the 15 years from
-- 2010 (the generator's span), both at random; repeated, the first country in one of the years 2013-2016.
-- search asks the harness's search (first 10, two words of a group's name) for the texts in the file the TEXTS environment
-- variable names, one a line, at random; repeated, the first 64 of them.
-- actors asks the harness's "actors page + statements totalCount" (20 actors after a group, each with its first 5 statements
-- and their total) for the group ids in the file the GROUPS (or GROUPS_FILE) environment variable names, one a line, at random; repeated,
-- the first page.
-- A fourth argument "check" reads every answer and counts GraphQL errors as failures (slower: use
-- it to verify a setup, not to measure).
local documents = {
  ["lookup"] = "query Lookup($id: ID!) { node(id: $id) { id ... on Event { title kind description date { start end precision at text } } } }",
  ["two-level"] = "query EventFacts($id: ID!) { node(id: $id) { id ... on Event { title kind date { start end precision } perpetrators { id name } place { id name kind } statements { id text stance } } } }",
  ["paths"] = "query Connect($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxDepth: 3, first: 3) { length nodes { id } relations { type } } }",
  ["country-month"] = "query InCountry($place: ID!, $from: Date!, $to: Date!) { events(filter: { placeId: $place, from: $from, to: $to }, first: 20) { totalCount nodes { id title date { start end precision } } } }",
  ["country-year"] = "query CountryYear($place: ID!, $from: Date!, $to: Date!) { eventAggregate(filter: { placeId: $place, from: $from, to: $to }, groupBy: [TIME], bucket: MONTH) { total { events impreciseEvents disputedEvents killedLow killedBest killedHigh } groups { keys { value label } events impreciseEvents disputedEvents killedLow killedBest killedHigh } } }",
  ["search"] = "query Find($text: String!) { search(text: $text, first: 10) { score node { id ... on Organization { name } ... on Event { title } } } }",
  ["actors"] = "query Speakers($after: String) { actors(first: 20, after: $after) { nodes { id name statements(first: 5) { totalCount nodes { id } } } } }",
  ["three-level"] = "query Retaliations($first: Int!, $after: String) { retaliations(first: $first, after: $after) { totalCount edges { cursor node { id status from { id ... on Event { title } } to { id ... on Event { title } } claimedBy { id text speaker { id name } } disputedBy { id text speaker { id name } } } } } }",
}
local document, events, repeated, pairs, countries, lines
-- walk: this thread's next step of the harness's scrambled walk, how far apart its steps are, and the walk's stride
local walk, step, threadCount, stride
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json, application/json" }

local threads = {}

-- wrk's Lua starts every run from the same random state: unseeded, each run's threads got the same seeds and asked
-- the same ids in the same order as the last run (a warm-up's ids again in the measured run, every window the ids
-- of the one before), which a cache answers from memory. Seeded from /dev/urandom, each run asks ids of its own.
do
  local urandom = io.open("/dev/urandom", "rb")
  local bytes = urandom and urandom:read(4)
  if urandom then urandom:close() end
  local seed = os.time()
  if bytes then seed = bytes:byte(1) + 256 * (bytes:byte(2) + 256 * (bytes:byte(3) + 128 * (bytes:byte(4) % 128))) end
  math.randomseed(seed)
end

-- One starting point of the walk for the whole run, drawn in wrk's main state (where setup runs, once a thread) and handed
-- to each thread as its global walk_start: each thread's own state draws numbers of its own.
local runWalkStart = math.random(0, 2 ^ 30)

function setup(thread)
  thread:set("seed", math.random(1, 1000000000))
  thread:set("walk_index", #threads)
  thread:set("walk_start", runWalkStart)
  threads[#threads + 1] = thread
end

-- wrk's -t/--threads (default 2) from its own command line: setup cannot see how many threads will follow, and a thread
-- starts asking before the next one is set up.
local function wrkThreads()
  local file = assert(io.open("/proc/self/cmdline", "rb"), "walk: cannot read wrk's thread count from /proc/self/cmdline")
  local args = {}
  for arg in file:read("*a"):gmatch("([^%z]*)%z") do args[#args + 1] = arg end
  file:close()
  local count = 2
  for i, arg in ipairs(args) do
    if arg == "--" then break end
    local value = arg:match("^%-t(%d+)$") or arg:match("^%-%-threads=(%d+)$")
    if (arg == "-t" or arg == "--threads") and args[i + 1] then value = args[i + 1] end
    if value then count = assert(tonumber(value), "walk: wrk's thread count '" .. value .. "' is not a number") end
  end
  return count
end

-- BenchQuery.Stride: floor(N * 0.6180339887) made odd, then the next odd number coprime with N.
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function walkStride(count)
  local s = math.floor(count * 0.6180339887)
  if s % 2 == 0 then s = s + 1 end
  while gcd(s, count) ~= 1 do s = s + 2 end
  return s
end

function init(args)
  document = assert(documents[args[1] or "two-level"], "first argument: lookup, two-level, three-level, paths, country-month, country-year, search or actors")
  events = tonumber(args[2] or "10000")
  repeated = args[3] == "repeated"
  assert(args[3] == nil or args[3] == "spread" or args[3] == "repeated" or args[3] == "walk",
    "third argument: spread, repeated or walk, not '" .. tostring(args[3]) .. "'")
  if args[3] == "walk" then
    assert(args[1] == "lookup" or args[1] == "two-level" or args[1] == "three-level",
      "walk: only for the event-id documents (lookup, two-level, three-level), not " .. tostring(args[1]))
    threadCount = wrkThreads()
    stride = walkStride(events)
    step = assert(tonumber(walk_start), "walk: no starting point from setup") + assert(tonumber(walk_index), "walk: no thread index from setup")
    walk = true
  end
  if args[1] == "paths" then
    local file = assert(io.open(assert(os.getenv("PAIRS"), "paths: set PAIRS to a file of pairs (bench/wrk/path-pairs.py)"), "r"))
    pairs = {}
    for line in file:lines() do
      local from, to = line:match("^(%S+)%s+(%S+)$")
      if from then pairs[#pairs + 1] = { from, to } end
    end
    file:close()
    assert(#pairs > 0, "paths: no pairs in " .. os.getenv("PAIRS"))
  end
  if args[1] == "country-month" or args[1] == "country-year" then
    local file = assert(io.open(assert(os.getenv("COUNTRIES"), args[1] .. ": set COUNTRIES to a file of country place ids"), "r"))
    countries = {}
    for line in file:lines() do
      local id = line:match("^(%S+)$")
      if id then countries[#countries + 1] = id end
    end
    file:close()
    assert(#countries > 0, args[1] .. ": no ids in " .. os.getenv("COUNTRIES"))
  end
  if args[1] == "search" or args[1] == "actors" then
    -- GROUPS_FILE first: bash keeps GROUPS for the user's group ids, so GROUPS set for a bash script (ab-paired.sh)
    -- never reaches the wrk it starts.
    local name = args[1] == "search" and "TEXTS" or (os.getenv("GROUPS_FILE") and "GROUPS_FILE" or "GROUPS")
    local file = assert(io.open(assert(os.getenv(name), args[1] .. ": set " .. name .. " to a file, one a line"), "r"))
    lines = {}
    for line in file:lines() do
      if line:match("%S") then lines[#lines + 1] = line end
    end
    file:close()
    assert(#lines > 0, args[1] .. ": no lines in " .. os.getenv(name))
  end
  math.randomseed(tonumber(seed) or os.time())
  if args[4] == "check" then response = check end
end

-- Base64url without padding, as Cursor.Encode writes a position (ConflictGraph.Core.Paging.Cursor).
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function base64url(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = text:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = b == nil and 2 or (c == nil and 3 or 4)
    for k = 1, chars do
      local shift = 18 - 6 * (k - 1)
      local index = math.floor(n / 2 ^ shift) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

local function month(k)
  local year, m = 2010 + math.floor(k / 12), k % 12 + 1
  local last = ({ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
  if m == 2 and year % 4 == 0 and (year % 100 ~= 0 or year % 400 == 0) then last = 29 end
  return string.format("%04d-%02d-01", year, m), string.format("%04d-%02d-%02d", year, m, last)
end

function request()
  if lines then
    local line = lines[math.random(1, repeated and math.min(64, #lines) or #lines)]
    if document == documents["search"] then
      return wrk.format("POST", "/graphql", headers, string.format('{"query":"%s","variables":{"text":"%s"}}', document, line))
    end
    local after = (repeated and "null") or ('"' .. base64url("cg1\031i:" .. line .. "\031" .. line) .. '"')
    return wrk.format("POST", "/graphql", headers, string.format('{"query":"%s","variables":{"after":%s}}', document, after))
  end
  if countries and document == documents["country-year"] then
    local place = repeated and countries[1] or countries[math.random(1, #countries)]
    local year = repeated and 2013 + math.random(0, 3) or 2010 + math.random(0, 14)
    return wrk.format("POST", "/graphql", headers,
      string.format('{"query":"%s","variables":{"place":"%s","from":"%04d-01-01","to":"%04d-12-31"}}', document, place, year, year))
  end
  if countries then
    local place = repeated and countries[1] or countries[math.random(1, #countries)]
    local from, to = month(repeated and 84 + math.random(0, 11) or math.random(0, 181))
    return wrk.format("POST", "/graphql", headers,
      string.format('{"query":"%s","variables":{"place":"%s","from":"%s","to":"%s"}}', document, place, from, to))
  end
  if pairs then
    local pair = pairs[math.random(1, repeated and math.min(64, #pairs) or #pairs)]
    return wrk.format("POST", "/graphql", headers,
      string.format('{"query":"%s","variables":{"from":"%s","to":"%s"}}', document, pair[1], pair[2]))
  end
  local n
  if walk then
    -- As BenchQuery.Scrambled with count = events (the product stays below 2^53 for any graph wrk can be asked about)
    n = 1 + ((step % events) * stride) % events
    step = step + threadCount
  elseif repeated then n = 1 + math.floor(math.random(0, 63) * events / 64) else n = math.random(1, events) end
  local id = string.format("event:e%07d", n)
  local body
  if document == documents["three-level"] then
    local after = base64url("cg1\031r:" .. id .. "\031" .. id)
    body = string.format('{"query":"%s","variables":{"first":20,"after":"%s"}}', document, after)
  else
    body = string.format('{"query":"%s","variables":{"id":"%s"}}', document, id)
  end
  return wrk.format("POST", "/graphql", headers, body)
end

failed = 0

function check(status, _, body)
  if status ~= 200 or body:find('"errors"', 1, true) then failed = failed + 1 end
end

function done(summary, latency, _)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + (tonumber(thread:get("failed")) or 0) end
  io.write(string.format("requests %d, non-2xx %d, answers with errors %d (counted with 'check'), p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status, errors, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
