#!/usr/bin/env bash
# The run command: installs what is missing, builds, and serves the product on its embedded
# SQLite database (apps/Platform.Host/App_Data). Usage: scripts/run.sh [port]   (default 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

platform_setup run
step "building the product in Release (first run about 2–3 min, then 20–40 s)"
dotnet build apps/Platform.Host -c Release --no-restore --verbosity quiet -clp:ErrorsOnly
step_done
port=${1:-${PORT:-5000}}
echo "Serving on http://127.0.0.1:$port  (first run prints the admin password below; Ctrl+C stops it)"
exec dotnet run --project apps/Platform.Host -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$port"
