#!/usr/bin/env bash
# Several hosts behind a load balancer on this machine: a PostgreSQL server, N hosts (default 2) and HAProxy, all on
# loopback. HAProxy spreads people over the hosts, keeps each browser on its host (the live page's connection lives there)
# with a cookie, checks /health every 2 s and takes a host that stops answering out of the rotation.
# Usage: scripts/cluster.sh [port] [hosts]      (default 8080 and 2; the hosts listen on port+1 … port+N)
# Data (the database and uploaded files) is kept in ${PLATFORM_CLUSTER_DIR:-/tmp/platform-cluster} between runs.
# Ctrl+C stops everything. For production (TLS, forwarded headers, the keys) see docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/postgres.sh

port=${1:-8080}
count=${2:-2}
dir=${PLATFORM_CLUSTER_DIR:-/tmp/platform-cluster}

platform_setup run
ensure_debian_packages haproxy postgresql
step "building the product in Release (first run about 2–3 min, then 20–40 s)"
dotnet build apps/Platform.Host -c Release --no-restore --verbosity quiet -clp:ErrorsOnly
step_done

mkdir -p "$dir/data" "$dir/logs"
bin=$(pg_bin)
pg_port=$((port + 100))
if [ ! -d "$dir/pg" ]; then
  mkdir -p "$dir/pg" && { [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/pg"; }
  pg_as_owner "$bin/initdb" -D "$dir/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/logs"
pg_as_owner "$bin/pg_ctl" -D "$dir/pg" -l "$dir/logs/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
echo "cluster: PostgreSQL on 127.0.0.1:$pg_port (data in $dir/pg)"
pg_as_owner "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'platform'" | grep -q 1 \
  || pg_as_owner "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres platform

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "cluster: stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_as_owner "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
}
trap stop_all EXIT INT TERM

export Database__Provider=PostgreSql
export ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=platform;Maximum Pool Size=100"
export Platform__DataDirectory="$dir/data"        # one folder for the uploaded files of every host (one machine)
export ASPNETCORE_FORWARDEDHEADERS_ENABLED=true    # the client's address and scheme as HAProxy passes them
servers=""
for i in $(seq 1 "$count"); do
  host_port=$((port + i))
  ASPNETCORE_URLS="http://127.0.0.1:$host_port" \
    dotnet apps/Platform.Host/bin/Release/net10.0/Platform.Host.dll >"$dir/logs/host$i.log" 2>&1 &
  pids+=($!)
  # The first host creates or migrates the database; the others start once it answers.
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$host_port/health" >/dev/null && break
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "cluster: host $i stopped; its log:" >&2; tail -n 40 "$dir/logs/host$i.log" >&2; exit 1; }
    sleep 1
  done
  echo "cluster: host $i on 127.0.0.1:$host_port (log $dir/logs/host$i.log)"
  servers+="    server host$i 127.0.0.1:$host_port check inter 2s fall 2 rise 2 cookie host$i"$'\n'
done
grep -h "admin password" "$dir"/logs/host*.log 2>/dev/null || true

cat >"$dir/haproxy.cfg" <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h          # the live page's WebSocket
    option forwardfor
    option http-server-close

frontend platform
    bind 127.0.0.1:$port
    default_backend hosts

backend hosts
    balance roundrobin
    option httpchk GET /health
    http-check expect status 200
    # A browser stays on the host that holds its live page; a host that fails is left, and its people go to another.
    cookie PLATFORM_HOST insert indirect nocache httponly
    option redispatch
    retries 2
$servers
CFG
haproxy -f "$dir/haproxy.cfg" -db >"$dir/logs/haproxy.log" 2>&1 &
pids+=($!)
sleep 1
kill -0 "${pids[-1]}" 2>/dev/null || { echo "cluster: HAProxy did not start:" >&2; cat "$dir/logs/haproxy.log" >&2; exit 1; }
echo "cluster: serving on http://127.0.0.1:$port through HAProxy ($count hosts); Ctrl+C stops everything"
wait "${pids[-1]}"
