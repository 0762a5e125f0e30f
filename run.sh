#!/usr/bin/env bash
# Runs FoerderFinder locally: Azurite (data in .local/azurite), the catalogue seeded when empty,
# and the API with the web form on http://localhost:7071. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-tools.sh

mkdir -p .local/azurite
key_file=.local/admin-key
[ -s "$key_file" ] || head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$key_file"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "Table Storage already listens on 127.0.0.1:10002; using it."
else
  node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort 10002 \
    --location .local/azurite --disableTelemetry --silent &
  pids+=($!)
fi

dotnet build FoerderFinder.DevHost -c Release -nologo -v quiet
export CatalogueStorage="UseDevelopmentStorage=true"
export Catalogue__SeedOnStart=true
export DevHost__FunctionKey="$(cat "$key_file")"
export Cors__AllowedOrigins="${FOERDERFINDER_CORS:-http://localhost:7071}"
# Websites allowed to embed the form (CSP frame-ancestors), e.g. "'self' https://verein.example".
export Web__FrameAncestors="${FOERDERFINDER_FRAME_ANCESTORS:-'self'}"
url="${FOERDERFINDER_URL:-http://localhost:7071}"

dotnet FoerderFinder.DevHost/bin/Release/net10.0/FoerderFinder.DevHost.dll --urls "$url" &
pids+=($!)
echo
echo "FoerderFinder runs on $url  (API: $url/api/health)"
echo "Admin key for curation (x-functions-key header): $key_file"
wait "${pids[-1]}"
