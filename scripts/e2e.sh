#!/usr/bin/env bash
# Starts a throw-away portal (ports 3100/7100, fresh store under .rocket/e2e) and
# drives Debian's Chromium against it with the tests in e2e/.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$ROOT/scripts/os-packages.sh"
export ROCKET_LAB_ROOT="$ROOT/.rocket/e2e/lab" ROCKET_LAB_NETWORK=127.0.13
[ -d "$ROCKET_LAB_ROOT" ] && "$ROOT/scripts/lab.sh" down
rm -rf .rocket/e2e && mkdir -p .rocket/e2e e2e-test-report
"$ROOT/scripts/lab.sh" up 3 > .rocket/e2e/lab.log
log=.rocket/e2e/portal.log
setsid yarn backstage-cli repo start --config "$ROOT/app-config.yaml" --config "$ROOT/e2e/app-config.e2e.yaml" >"$log" 2>&1 &
portal=$!
trap 'kill -- -$portal 2>/dev/null; wait $portal 2>/dev/null || true; "$ROOT/scripts/lab.sh" down >/dev/null' EXIT

wait_for() {
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 $portal 2>/dev/null || { echo "the portal exited; see $log" >&2; tail -30 "$log" >&2; return 1; }
    sleep 1
  done
  echo "timed out waiting for $1; see $log" >&2
  return 1
}
echo "==> starting the e2e portal on :3100/:7100"
wait_for http://localhost:7100/.backstage/health/v1/readiness
wait_for http://localhost:3100/
ROCKET_E2E_APP_URL=http://localhost:3100 ROCKET_E2E_BACKEND_URL=http://localhost:7100 ROCKET_E2E_LAB_ROOT="$ROCKET_LAB_ROOT" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=.rocket/e2e/results.tap e2e/*.test.mjs
