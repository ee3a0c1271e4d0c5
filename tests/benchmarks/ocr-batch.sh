#!/usr/bin/env bash
# A batch of scanned order sheets read by the host (upload in one request, durable background job,
# every cell's picture stored), against the command-line reader on the same pages in the same run.
# Usage: tests/benchmarks/ocr-batch.sh [pages=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-200}
dotnet build apps/Platform.Host -c Release --verbosity quiet >/dev/null
dotnet build apps/Platform.Cli -c Release --verbosity quiet >/dev/null
host_dll=apps/Platform.Host/bin/Release/net10.0/Platform.Host.dll
cli="dotnet apps/Platform.Cli/bin/Release/net10.0/platform.dll"
template=apps/packages/trade-fair-orders/ocr/apparel_order.template.json
work=$(mktemp -d /tmp/ocr-batch-bench.XXXXXX)
trap 'kill $host_pid 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((30000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
password="Bench-passw0rd1"
now() { date +%s.%N; }

$cli ocr corpus --template "$template" --count "$pages" --out "$work/scans" --seed 77 >/dev/null
rm -f "$work/scans/blank.png"

# Baseline: the command-line reader, both cores, the same pages.
begin=$(now)
$cli ocr recognize --template "$template" --out "$work/cli.json" "$work/scans" >/dev/null
cli_seconds=$(python3 -c "print($(now) - $begin)")

(cd "$(dirname "$host_dll")" && exec env Platform__DataDirectory="$work/data" Platform__Admin__Password="$password" \
   Platform__Packages__0="$PWD/../../../../packages/trade-fair-orders" Logging__LogLevel__Default=Warning dotnet "$(basename "$host_dll")" --urls "$url" >"$work/host.log" 2>&1) &
host_pid=$!
until curl -sf -o /dev/null "$url/health"; do kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }; sleep 0.2; done
token=$(curl -sf -X POST "$url/api/auth/token" -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$password\"}" \
  | python3 -c "import sys, json; print(json.load(sys.stdin)['accessToken'])")
files=(); for f in "$work"/scans/page-*.jpg; do files+=(-F "files=@$f"); done
begin=$(now)
batch=$(curl -sf -H "Authorization: Bearer $token" -F template=apparel_order "${files[@]}" "$url/api/ocr/batches" | python3 -c "import sys, json; print(json.load(sys.stdin)['id'])")
uploaded=$(now)
state() { curl -sf -H "Authorization: Bearer $token" "$url/api/ocr/batches/$batch" | python3 -c "import sys, json; b = json.load(sys.stdin)['batch']; print(b['state'], b['read'], b['flaggedCells'])"; }
until [[ $(state) == read\ * ]]; do sleep 0.5; done
done_at=$(now)
read -r _ read_pages flagged < <(state)
python3 - "$pages" "$cli_seconds" "$begin" "$uploaded" "$done_at" "$read_pages" "$flagged" <<'PY'
import sys
pages, cli, begin, uploaded, done, read, flagged = int(sys.argv[1]), float(sys.argv[2]), *map(float, sys.argv[3:6]), int(sys.argv[6]), int(sys.argv[7])
host = done - begin
print(f"pages {pages}, read by the host {read}, cells flagged {flagged}")
print(f"command line (baseline): {cli:.1f} s = {pages / cli * 60:.0f} pages/min")
print(f"host batch: upload {uploaded - begin:.1f} s, upload to read {host:.1f} s = {pages / host * 60:.0f} pages/min")
print(f"ratio host / command line: {cli / host:.2f}")
PY
