#!/usr/bin/env bash
# A private PostgreSQL cluster for tests: listens on 127.0.0.1 only, trust authentication,
# data in a throwaway folder. Installs Debian's postgresql and libpq-dev when missing.
#   Tests/postgres/cluster.sh start   # prints the PG* settings to export (eval "$(… start)")
#   Tests/postgres/cluster.sh stop
#   Tests/postgres/cluster.sh env     # the settings again, for a cluster already started
# PLAYLOOP_PG_PORT (default 54329) picks the port, so two checkouts can each run one.
set -euo pipefail
PORT="${PLAYLOOP_PG_PORT:-54329}"
DIR="/tmp/playloop-pg-$PORT"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && echo "$d"
}

install() {
  if [ -z "$(bin_dir)" ] || [ ! -f /usr/include/postgresql/libpq-fe.h ]; then
    echo "Installing postgresql and libpq-dev…" >&2
    $SUDO apt-get update -qq >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev >&2
  fi
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

settings() {
  echo "export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=playloop"
}

case "${1:-}" in
  start)
    install
    BIN=$(bin_dir)
    if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      settings; exit 0
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 \
      || { cat "$DIR/server.log" >&2; exit 1; }
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres playloop
    settings
    ;;
  stop)
    BIN=$(bin_dir)
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
    rm -rf "$DIR"
    ;;
  env)
    settings
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2; exit 2
    ;;
esac
