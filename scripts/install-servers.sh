#!/usr/bin/env bash
# Installs the servers the tests start for themselves (Debian packages): PostgreSQL for the
# postgres store backend, etcd for the etcd registry backend, OpenSSH's sshd as the bank's SFTP
# server, libfaketime (the CLI run at a time a test chooses: Same Day ACH windows), and GnuPG
# (the bank's side of files encrypted with OpenPGP), podman with runc (the fleet under `podman
# kube play`) and docker-compose (`docker-compose config` checks an exported Compose file). npm test and npm run drills run it once, before any suite (test/global-setup.ts). Needs root and apt-get; `apt-get update` once, and only when something
# is missing. Safe to run again. The tests run each server on a free loopback port with a temp
# data dir; nothing here starts one.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
# The orchestrator the exported fleet is played on (podman kube play; runc: crun fails on this
# machine's cgroups), and Compose's own check of an exported Compose file (docker-compose config).
podman=()
command -v podman >/dev/null 2>&1 || podman+=(podman)
[ -x /usr/sbin/runc ] || podman+=(runc)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -eq 0 ] && [ ${#podman[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then echo "install-servers: need root to apt-get install ${missing[*]} ${podman[*]}" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
# Another apt or dpkg at work (an unattended upgrade, another install) holds dpkg's lock: wait for
# it, up to 10 minutes, rather than fail.
apt-get -o DPkg::Lock::Timeout=600 update -qq
if [ ${#missing[@]} -gt 0 ]; then apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; fi
# podman with what it recommends (catatonit for the pods' infra containers, fuse-overlayfs,
# uidmap): the set the drill was run with.
if [ ${#podman[@]} -gt 0 ]; then apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${podman[@]}" >/dev/null; fi
# A package may start a system cluster on its default port; the tests run their own.
if [[ " ${missing[*]} " == *" etcd-server "* ]]; then (systemctl stop etcd 2>/dev/null || service etcd stop 2>/dev/null || true); fi
if [[ " ${missing[*]} " == *" openssh-server "* ]]; then (systemctl stop ssh 2>/dev/null || service ssh stop 2>/dev/null || true); fi
(pg_ctlcluster --help >/dev/null 2>&1 && for c in /etc/postgresql/*/*; do [ -d "$c" ] && pg_ctlcluster "$(basename "$(dirname "$c")")" "$(basename "$c")" stop 2>/dev/null; done) || true
