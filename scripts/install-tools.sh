#!/usr/bin/env bash
# Installs what running and testing FoerderFinder needs beyond the .NET SDK, only where it is missing:
# the npm packages (Azurite) and, for the browser tests, Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser=false
[ "${1:-}" = "--with-browser" ] && need_browser=true

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dotnet.microsoft.com/download)." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20 or newer is required." >&2; exit 1; }

# npm ci only when the installed packages do not match the lock file.
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if $need_browser && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
