#!/usr/bin/env bash
# Start-up time and memory of Platform.Host on SQLite, as ratios against an empty ASP.NET Core app
# measured in the same run on the same machine. Usage: tests/benchmarks/host-startup.sh [runs]
# Times are from process start to the first 200 from /health; memory is the resident set (VmRSS)
# right after start-up and after signing in and rendering every shell page 10 times.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
dotnet build apps/Platform.Host -c Release --verbosity quiet >/dev/null
dotnet build tests/benchmarks/Platform.Benchmarks.BaselineHost -c Release --verbosity quiet >/dev/null
platform_dll=apps/Platform.Host/bin/Release/net10.0/Platform.Host.dll
baseline_dll=tests/benchmarks/Platform.Benchmarks.BaselineHost/bin/Release/net10.0/Platform.Benchmarks.BaselineHost.dll
port=$((30000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
password="Bench-passw0rd1"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

# start DLL DATA_DIR -> prints "ms pid"
start() {
  local dll=$1 data=$2 begin pid
  begin=$(now_ms)
  (cd "$(dirname "$dll")" && exec env Platform__DataDirectory="$data" Platform__Admin__Password="$password" \
     Logging__LogLevel__Default=Warning dotnet "$(basename "$dll")" --urls "$url" >/dev/null 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "$url/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "host exited during start-up" >&2; exit 1; }
    sleep 0.02
  done
  echo "$(( $(now_ms) - begin )) $pid"
}

stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }

work_pages() {
  local token
  token=$(curl -sf -X POST "$url/api/auth/token" -H 'content-type: application/json' \
    -d "{\"userName\":\"admin\",\"password\":\"$password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  for _ in $(seq 10); do
    for page in / /admin/users /admin/roles /admin/departments /admin/api-tokens /account/api-tokens /api/shell/navigation; do
      curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url$page"
    done
  done
}

declare -a base_ms base_rss first_ms warm_ms warm_rss busy_rss
for _ in $(seq "$runs"); do
  data=$(mktemp -d)
  read -r ms pid < <(start "$baseline_dll" "$data"); base_ms+=("$ms"); base_rss+=("$(rss_mb "$pid")"); stop "$pid"
  read -r ms pid < <(start "$platform_dll" "$data"); first_ms+=("$ms"); stop "$pid"
  read -r ms pid < <(start "$platform_dll" "$data"); warm_ms+=("$ms"); warm_rss+=("$(rss_mb "$pid")")
  work_pages; busy_rss+=("$(rss_mb "$pid")"); stop "$pid"
  rm -rf "$data"
done

b=$(printf '%s\n' "${base_ms[@]}" | median); f=$(printf '%s\n' "${first_ms[@]}" | median); w=$(printf '%s\n' "${warm_ms[@]}" | median)
br=$(printf '%s\n' "${base_rss[@]}" | median); wr=$(printf '%s\n' "${warm_rss[@]}" | median); ur=$(printf '%s\n' "${busy_rss[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
echo "runs: $runs (medians), $(nproc) cores, $(date -u +%F)"
echo "start-up to first /health 200:"
echo "  baseline empty ASP.NET Core app   ${b} ms"
echo "  platform, first run (migrate+seed) ${f} ms   x$(ratio "$f" "$b") baseline"
echo "  platform, existing database        ${w} ms   x$(ratio "$w" "$b") baseline"
echo "resident memory:"
echo "  baseline after start-up            ${br} MB"
echo "  platform after start-up            ${wr} MB   x$(ratio "$wr" "$br") baseline"
echo "  platform after 70 page/API loads   ${ur} MB   x$(ratio "$ur" "$br") baseline"
