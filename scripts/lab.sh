#!/usr/bin/env bash
# The lab of local servers (the data plane's embedded default).
#   scripts/lab.sh up [N]   build or refresh N servers (default 6) with ansible/lab.yml
#   scripts/lab.sh down     stop the lab's processes and remove its state; nothing else
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAB_ROOT="${ROCKET_LAB_ROOT:-$ROOT/.rocket/lab}"

case "${1:-up}" in
  up)
    "$ROOT/scripts/os-packages.sh"
    echo "==> building the lab in ${LAB_ROOT#$ROOT/}"
    cd "$ROOT/ansible"
    ANSIBLE_CONFIG="$ROOT/ansible/ansible.cfg" ansible-playbook lab.yml \
      -e "lab_root=$LAB_ROOT" -e "lab_count=${2:-${ROCKET_LAB_COUNT:-6}}" -e "lab_network=${ROCKET_LAB_NETWORK:-127.0.10}"
    ;;
  down)
    # every process of the lab names a path under the lab's root on its command
    # line (sshd, etcd, Patroni, PostgreSQL, HAProxy): those and only those stop
    for signal in TERM KILL; do
      pkill "-$signal" -f -- "$LAB_ROOT/" 2>/dev/null || true
      for _ in $(seq 1 25); do pgrep -f -- "$LAB_ROOT/" >/dev/null || break; sleep 0.2; done
    done
    rm -rf "$LAB_ROOT"
    echo "==> the lab is down"
    ;;
  *)
    echo "usage: $0 up [N] | down" >&2
    exit 2
    ;;
esac
