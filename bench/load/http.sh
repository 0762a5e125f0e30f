#!/usr/bin/env bash
# HTTP load on loopback: Azurite (in memory) and the DevHost (Release) on free ports, the real
# catalogue seeded into Azurite, then wrk against GET /api/health (the host's ceiling) and
# POST /api/match (rotating profiles from bench/profiles/match-requests.ndjson).
# The match load runs for TOTAL seconds: the first DURATION seconds are the measured run, the rest
# a soak on the same process; the host's VmRSS is sampled every second to compare 10 s with TOTAL.
# Prints one JSON object on stdout; progress goes to stderr.
# Usage: bench/load/http.sh [DURATION=30] [TOTAL=60] [CONNECTIONS=16] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30}
total=${2:-60}
connections=${3:-16}
threads=${4:-2}
soak=$((total - duration))

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "nothing listens on $1" >&2; return 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

azurite_port=$(free_port)
host_port=$(free_port)
node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$azurite_port" \
  --inMemoryPersistence --disableTelemetry --silent >/dev/null 2>&1 &
pids+=($!)
wait_port "$azurite_port"

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
CatalogueStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;" \
Catalogue__SeedOnStart=true Catalogue__TablePrefix=bench DevHost__FunctionKey=bench-key \
  dotnet FoerderFinder.DevHost/bin/Release/net10.0/FoerderFinder.DevHost.dll --urls "http://127.0.0.1:$host_port" >/dev/null 2>&1 &
host_pid=$!
pids+=($host_pid)
wait_port "$host_port"
base="http://127.0.0.1:$host_port"
expected=$(node -e "console.log(require('./catalogue/programmes.json').programmes.length)")
seeded() { node -e "fetch('$base/api/health').then(r => r.json()).then(h => process.exit(h.catalogue.programmes === $expected ? 0 : 1), () => process.exit(1))"; }
for _ in $(seq 1 300); do
  seeded && break
  sleep 0.1
done
seeded || { echo "the DevHost did not load the catalogue" >&2; exit 1; }

run_wrk() { # seconds url [profiles]
  PROFILES=${3:-} wrk -t"$threads" -c"$connections" -d"$1"s -s bench/load/wrk.lua "$2" | grep '^{'
}
profiles=bench/profiles/match-requests.ndjson
echo "warm-up: 5 s match, 5 s health" >&2
run_wrk 5 "$base/api/match" "$profiles" >/dev/null
run_wrk 5 "$base/api/health" >/dev/null

echo "health: ${duration} s" >&2
health=$(run_wrk "$duration" "$base/api/health")

rss_log=$(mktemp)
( start=$(date +%s%N)
  while kill -0 "$host_pid" 2>/dev/null; do
    echo "$(( ($(date +%s%N) - start) / 1000000 )) $(awk '/VmRSS/ {print $2}' /proc/$host_pid/status)" >> "$rss_log"
    sleep 1
  done ) &
sampler=$!
echo "match: ${duration} s measured + ${soak} s soak" >&2
match=$(run_wrk "$duration" "$base/api/match" "$profiles")
soaked=$( [ "$soak" -gt 0 ] && run_wrk "$soak" "$base/api/match" "$profiles" || echo null)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true

# The same requests asking for one result: the request's whole path (body, validation, first pass
# over the catalogue, HTTP) with a small answer, to tell the cost of the answer's size from the rest.
one_result=$(mktemp)
node -e "for (const l of require('fs').readFileSync(process.argv[1], 'utf8').split('\n')) if (l.trim()) console.log(JSON.stringify({ ...JSON.parse(l), limit: 1 }))" "$profiles" > "$one_result"
echo "match, limit 1: ${duration} s" >&2
small=$(run_wrk "$duration" "$base/api/match" "$one_result")
rm -f "$one_result"

rss_at() { awk -v t="$1" '$1 >= t * 1000 { print $2; exit }' "$rss_log"; }
rss_last() { tail -1 "$rss_log" | awk '{print $2}'; }
rss10=$(rss_at 10)
rssEnd=$(rss_last)
endMs=$(tail -1 "$rss_log" | awk '{print $1}')
rm -f "$rss_log"

printf '{"connections":%d,"threads":%d,"durationS":%d,"soakS":%d,"health":%s,"match":%s,"soak":%s,"matchOneResult":%s,"rssKb":{"at10s":%s,"atEnd":%s,"endMs":%s},"cpus":%d}\n' \
  "$connections" "$threads" "$duration" "$soak" "$health" "$match" "$soaked" "$small" "${rss10:-null}" "${rssEnd:-null}" "${endMs:-null}" "$(nproc)"
