#!/usr/bin/env bash
# Runs every test: unit, contract, Azurite integration, HTTP end to end and browser tests.
# Installs what is missing first (npm packages, chromium).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-tools.sh --with-browser

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test FoerderFinder.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
