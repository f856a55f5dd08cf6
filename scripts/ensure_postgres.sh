#!/usr/bin/env bash
# Make sure the PostgreSQL server the store tests use (127.0.0.1:5432) is up: start the
# machine's cluster if it is installed but stopped. Never fails by itself: the tests
# decide (with MARSAD_REQUIRE_PG=1 they fail when the server is unreachable).
set -u
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1; then
  echo "ensure_postgres: pg_isready not found; PostgreSQL tests will decide" >&2
  exit 0
fi
ready && exit 0
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for v in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
  done
  for _ in $(seq 1 20); do ready && exit 0; sleep 0.5; done
fi
echo "ensure_postgres: PostgreSQL is not reachable on 127.0.0.1:5432" >&2
exit 0
