#!/usr/bin/env bash
# Records printed to PDF by the host (Release, SQLite) with the CRM package's sales order template: the first print after start
# (Chromium launched then), then a one-page order and an 80-line order printed over and over with the pool warm, two at a time
# (two cores). Baseline in the same run: the same pages as HTML (the template and the record read, no Chromium).
# Usage: tests/benchmarks/print.sh [prints=60]
set -euo pipefail
cd "$(dirname "$0")/../.."
prints=${1:-60}
dotnet build apps/Platform.Host -c Release --verbosity quiet >/dev/null
host_dll=apps/Platform.Host/bin/Release/net10.0/Platform.Host.dll
work=$(mktemp -d /tmp/print-bench.XXXXXX)
trap 'kill $host_pid 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((30000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
password="Bench-passw0rd1"

(cd "$(dirname "$host_dll")" && exec env Platform__DataDirectory="$work/data" Platform__Admin__Password="$password" \
   Platform__Packages__0="$PWD/../../../../packages/crm" Platform__Company__Name="上海示例贸易有限公司" Logging__LogLevel__Default=Warning \
   dotnet "$(basename "$host_dll")" --urls "$url" >"$work/host.log" 2>&1) &
host_pid=$!
until curl -sf -o /dev/null "$url/health"; do kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }; sleep 0.2; done

URL="$url" PASSWORD="$password" PRINTS="$prints" python3 - <<'PY'
import json, os, statistics, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

url, prints = os.environ["URL"], int(os.environ["PRINTS"])
def call(method, path, body=None, token=None):
    request = urllib.request.Request(url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Accept-Language": "zh-CN", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()
token = json.loads(call("POST", "/api/auth/token", {"userName": "admin", "password": os.environ["PASSWORD"]}))["accessToken"]
customer = json.loads(call("POST", "/odata/customer", {"name": "杭州西湖纺织有限公司", "address": "杭州市西湖区文三路 100 号"}, token))["id"]
products = [json.loads(call("POST", "/odata/product", {"code": f"P-{i:03}", "name": f"产品 {i}", "unit": "个", "price": 10.5 * i, "taxRate": 0.13}, token))["id"] for i in range(1, 81)]
def order(lines):
    return json.loads(call("POST", "/odata/sales_order", {"customer": customer, "orderDate": "2026-12-07", "lines": [{"product": p, "quantity": i + 1} for i, p in enumerate(products[:lines])]}, token))["id"]
small, large = order(3), order(80)
template = json.loads(call("GET", "/api/print/templates?entity=sales_order", token=token))[0]["id"]
def timed(path):
    begin = time.perf_counter(); body = call("GET", path, token=token); return time.perf_counter() - begin, body
cold, pdf = timed(f"/api/print/templates/{template}/records/{small}.pdf")
assert pdf[:4] == b"%PDF"
print(f"cold start (first print, Chromium launched): {cold * 1000:.0f} ms")
def run(record, kind, count):
    path = f"/api/print/templates/{template}/records/{record}.{kind}"
    for _ in range(3): timed(path)
    begin = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        times = [t for t, _ in pool.map(lambda _: timed(path), range(count))]
    wall = time.perf_counter() - begin
    return count / wall, statistics.median(times) * 1000, sorted(times)[int(0.95 * (len(times) - 1))] * 1000
for name, record, count in (("1-page order (3 lines)", small, prints), ("80-line order (3 pages)", large, max(10, prints // 4))):
    pdf_rate, pdf_p50, pdf_p95 = run(record, "pdf", count)
    html_rate, html_p50, html_p95 = run(record, "html", count)
    print(f"{name}: PDF {pdf_rate:.1f}/s (p50 {pdf_p50:.0f} ms, p95 {pdf_p95:.0f} ms); HTML {html_rate:.1f}/s (p50 {html_p50:.0f} ms, p95 {html_p95:.0f} ms); ratio PDF/HTML per second {pdf_rate / html_rate:.2f}")
PY
