#!/usr/bin/env bash
# The load test of issue 26, on loopback: scripts/cluster.sh (PostgreSQL, two hosts, HAProxy) with the CRM package, then
#   1. the load on ONE host directly (the baseline for the ratio),
#   2. the same load through HAProxy on both hosts, with host 2 killed (SIGKILL) half way.
# Each phase checks afterwards that every acknowledged save, order and approval is there and the import finished.
# Usage: tests/load/run.sh [users] [seconds]          (default 200 people for 300 s; figures go to tests/benchmarks/README.md)
# PLATFORM_LOAD_PHASES=cluster runs only the second phase.
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-200}
seconds=${2:-300}
port=${PLATFORM_LOAD_PORT:-8380}
export PLATFORM_CLUSTER_DIR=${PLATFORM_CLUSTER_DIR:-$(mktemp -d /tmp/platform-load.XXXXXX)}
chmod 755 "$PLATFORM_CLUSTER_DIR"   # PostgreSQL runs as its own user and must reach its folder
export Platform__Admin__Password=Load-admin-passw0rd
export Platform__Packages__0="$PWD/apps/packages/crm"
export Logging__LogLevel__Default=Warning

dotnet build tests/load/Platform.Load -c Release --verbosity quiet -clp:ErrorsOnly
scripts/cluster.sh "$port" 2 >"$PLATFORM_CLUSTER_DIR/cluster.out" 2>&1 &
cluster=$!
trap 'kill $cluster 2>/dev/null; wait $cluster 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "serving on" "$PLATFORM_CLUSTER_DIR/cluster.out" 2>/dev/null && break
  kill -0 $cluster 2>/dev/null || { cat "$PLATFORM_CLUSTER_DIR/cluster.out" >&2; exit 1; }
  sleep 1
done
cat "$PLATFORM_CLUSTER_DIR/cluster.out"
load() { dotnet tests/load/Platform.Load/bin/Release/net10.0/Platform.Load.dll --admin-password "$Platform__Admin__Password" --users "$users" --seconds "$seconds" "$@"; }
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

status=0
if [ "${PLATFORM_LOAD_PHASES:-both}" != cluster ]; then
  echo; echo "== one host (127.0.0.1:$((port + 1)), no balancer) =="
  load --url "http://127.0.0.1:$((port + 1))" || status=1
fi
echo; echo "== two hosts behind HAProxy (127.0.0.1:$port), host 2 killed at $((seconds / 2)) s =="
load --url "http://127.0.0.1:$port" --kill-pid "$(pid_on $((port + 2)))" --kill-at $((seconds / 2)) || status=1
echo; echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
exit $status
