#!/usr/bin/env bash
# Runs every FoerderFinder benchmark and prints one table (bench/README.md explains each number):
#   1. matcher micro-benchmarks (BenchmarkDotNet): one profile against 100 to 100,000 synthetic programmes
#   2. the same rules in json-rules-engine on Node, for the same profile
#   3. HTTP load with wrk against the DevHost (Release) and Azurite on loopback
#   4. cold start and catalogue load time against Azurite
# Usage: bench/run.sh [--quick]     (--quick: shorter runs for trying things out; publish full runs only)
# Results: bench/results/<time>/ (raw JSON, BenchmarkDotNet reports, summary.md); bench/results/latest points there.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[ "${1:-}" = "--quick" ] && quick=true

# --- what it needs: Azurite (npm), json-rules-engine (npm), wrk (Debian)
./scripts/install-tools.sh
if ! cmp -s bench/peer/package-lock.json bench/peer/node_modules/.package-lock.json 2>/dev/null; then
  (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)
fi
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; fi
fi
echo "building (Release)" >&2
for project in bench/FoerderFinder.Benchmarks bench/FoerderFinder.StartupBench FoerderFinder.DevHost; do
  dotnet build "$project" -c Release -nologo -v quiet >/dev/null
done

out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out/data"
ln -sfn "$(basename "$out")" bench/results/latest
bench=bench/FoerderFinder.Benchmarks/bin/Release/net10.0/FoerderFinder.Benchmarks.dll
startup=bench/FoerderFinder.StartupBench/bin/Release/net10.0/FoerderFinder.StartupBench.dll

{
  echo "{"
  echo "\"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\","
  echo "\"cores\": $(nproc),"
  echo "\"memoryGiB\": $(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo),"
  echo "\"dotnet\": \"$(dotnet --version)\", \"node\": \"$(node --version)\", \"wrk\": \"$(wrk -v 2>&1 | head -1 | awk '{print $2}')\","
  echo "\"loadBefore\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", \"quick\": $quick, \"started\": \"$(date -u +%FT%TZ)\""
  echo "}"
} > "$out/machine.json"

echo "1/4 synthetic catalogues and matcher micro-benchmarks" >&2
for n in 100 1000 10000; do
  dotnet "$bench" export "$n" "$out/data/catalogue-$n.json" "$out/data/expected-$n.json" >/dev/null
done
dotnet "$bench" verify 200 >&2
if $quick; then bdn_job=(--job short); else bdn_job=(--launchCount 1 --warmupCount 5 --iterationCount 20); fi
dotnet "$bench" --filter '*MatcherBenchmarks*' "${bdn_job[@]}" --exporters json --artifacts "$out/bdn" > "$out/bdn.log" 2>&1 \
  || { tail -30 "$out/bdn.log" >&2; exit 1; }

echo "2/4 json-rules-engine peer" >&2
seconds=$($quick && echo 2 || echo 10)
for n in 100 1000 10000; do
  node bench/peer/run.js --catalogue "$out/data/catalogue-$n.json" --expected "$out/data/expected-$n.json" --seconds "$seconds" > "$out/peer-$n.json"
done

echo "3/4 HTTP load (wrk)" >&2
dotnet "$startup" requestcost catalogue/programmes.json bench/profiles/match-requests.ndjson "$($quick && echo 1 || echo 3)" > "$out/requestcost.json"
if $quick; then bench/load/http.sh 10 20 16 2 > "$out/http.json"; else bench/load/http.sh 30 60 16 2 > "$out/http.json"; fi

echo "4/4 cold start and catalogue load" >&2
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$port" --inMemoryPersistence --disableTelemetry --silent >/dev/null 2>&1 &
azurite=$!
trap 'kill $azurite 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
head -1 bench/profiles/match-requests.ndjson > "$out/data/request.json"
runs=$($quick && echo 2 || echo 5)
dotnet "$startup" seed "$connection" c1k "$out/data/catalogue-1000.json" > "$out/seed-1000.json"
dotnet "$startup" seed "$connection" c10k "$out/data/catalogue-10000.json" > "$out/seed-10000.json"
dotnet "$startup" load "$connection" c10k $((runs + 1)) > "$out/load-10000.json"
devhost=FoerderFinder.DevHost/bin/Release/net10.0/FoerderFinder.DevHost.dll
dotnet "$startup" coldstart "$connection" c1k "$devhost" "$runs" 1000 "$out/data/request.json" > "$out/coldstart-1000.json"
dotnet "$startup" coldstart "$connection" c10k "$devhost" "$runs" 10000 "$out/data/request.json" > "$out/coldstart-10000.json"
kill $azurite 2>/dev/null || true

echo "{\"loadAfter\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", \"finished\": \"$(date -u +%FT%TZ)\"}" > "$out/after.json"
rm -rf "$out/data"
node bench/report.js "$out" | tee "$out/summary.md"
