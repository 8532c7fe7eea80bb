#!/usr/bin/env bash
# Makes sure the PostgreSQL server on 127.0.0.1:5432 answers: starts it when it
# is installed but stopped, and fails clearly when there is none.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql/*/main >/dev/null 2>&1; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  echo "==> starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
fi
echo "ERROR: no PostgreSQL answers on 127.0.0.1:5432 and none could be started." >&2
echo "       The store tests need PostgreSQL 15+ with trust auth for user postgres (apt-get install postgresql-15)." >&2
exit 1
