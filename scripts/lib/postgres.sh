#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 in a temp folder and stops it again.
# Exports PLATFORM_TEST_POSTGRES (a connection string to the server's maintenance database).

pg_bin() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || { echo "postgres: no PostgreSQL server installed under /usr/lib/postgresql" >&2; return 1; }
  echo "/usr/lib/postgresql/$version/bin"
}

# Runs a PostgreSQL program as the unprivileged 'postgres' user when we are root (the server refuses root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start_test_postgres() {
  local bin
  bin=$(pg_bin) || return 1
  PLATFORM_PG_DIR=$(mktemp -d /tmp/platform-pg.XXXXXX)
  PLATFORM_PG_PORT=$(free_port)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PLATFORM_PG_DIR"
  pg_as_owner "$bin/initdb" -D "$PLATFORM_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null \
    || { echo "postgres: initdb failed" >&2; return 1; }
  pg_as_owner "$bin/pg_ctl" -D "$PLATFORM_PG_DIR/data" -l "$PLATFORM_PG_DIR/server.log" -w -t 60 \
    -o "-p $PLATFORM_PG_PORT -k $PLATFORM_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null \
    || { echo "postgres: server did not start; log follows" >&2; cat "$PLATFORM_PG_DIR/server.log" >&2; return 1; }
  export PLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$PLATFORM_PG_PORT;Username=postgres;Database=postgres"
  echo "postgres: test server on 127.0.0.1:$PLATFORM_PG_PORT"
}

stop_test_postgres() {
  [ -n "${PLATFORM_PG_DIR:-}" ] || return 0
  local bin
  bin=$(pg_bin) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$PLATFORM_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PLATFORM_PG_DIR"
  unset PLATFORM_PG_DIR
}
