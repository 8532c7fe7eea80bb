#!/usr/bin/env bash
# Installs the Debian packages Rocket's tests and lab need, when one is missing:
# Ansible, OpenSSH, PostgreSQL 15, Patroni, etcd, HAProxy, pgBackRest, Chromium, MkDocs.
set -euo pipefail
packages=(ansible-core python3-apt openssh-server openssh-client postgresql-15 patroni etcd-server haproxy pgbackrest chromium mkdocs mkdocs-material)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "==> installing OS packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
