#!/usr/bin/env bash
# The main job, start to finish: fleet up, the sample grant disbursed, the receipt and the
# delivered notices printed, fleet down. Uses a fresh state dir so every run pays for real.
set -euo pipefail
cd "$(dirname "$0")/.."
export HMSOPS_STATE_DIR="${HMSOPS_STATE_DIR:-$(mktemp -d /tmp/hmsops-demo.XXXXXX)}"
hmsops() { node bin/hmsops "$@"; }
trap 'hmsops down >/dev/null 2>&1 || true' EXIT

echo "== hmsops up (state dir $HMSOPS_STATE_DIR)"
hmsops up
echo
echo "== hmsops registry ls"
hmsops registry ls
echo
echo "== hmsops disburse --grant fixtures/grants/dol-training.yaml"
hmsops disburse --grant fixtures/grants/dol-training.yaml
echo
echo "== the same grant again: nobody is paid twice"
hmsops disburse --grant fixtures/grants/dol-training.yaml | tail -n 4
echo
sleep 1
echo "== hmsops mail ls (notices delivered to the mail sink)"
hmsops mail ls
echo
echo "== hmsops down"
hmsops down
trap - EXIT
