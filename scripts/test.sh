#!/usr/bin/env bash
# Every test: types, lint, the jest suites (store tests on PostgreSQL 15 and SQLite 3,
# API, frontend), and the end-to-end tests in Chromium. Ends with one line of totals.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$ROOT/scripts/deps.sh"
"$ROOT/scripts/os-packages.sh"
"$ROOT/scripts/postgres.sh"
mkdir -p .rocket/test

echo "==> type check"
yarn tsc
echo "==> lint"
yarn backstage-cli repo lint

echo "==> jest (store tests on POSTGRES_15 and SQLITE_3)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432/postgres
set +e
CI=true yarn backstage-cli repo test --ci --json --outputFile="$ROOT/.rocket/test/jest.json"
jest_status=$?
echo "==> end-to-end (Chromium)"
"$ROOT/scripts/e2e.sh"
e2e_status=$?
set -e

node "$ROOT/scripts/test-totals.mjs" "$ROOT/.rocket/test/jest.json" "$ROOT/.rocket/e2e/results.tap"
echo "(jest exit $jest_status, e2e exit $e2e_status)"
[ $jest_status -eq 0 ] && [ $e2e_status -eq 0 ]
