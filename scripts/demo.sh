#!/usr/bin/env bash
# The main job, start to finish: fleet up, the sample grant disbursed, the receipt and the
# delivered notices printed, fleet down. Uses a fresh state dir so every run pays for real.
set -euo pipefail
cd "$(dirname "$0")/.."
# A state dir the demo made is removed at the end; one given in HMSOPS_STATE_DIR is kept (the
# ledger, the NACHA file and the logs are in it).
made_state_dir=""
if [ -z "${HMSOPS_STATE_DIR:-}" ]; then
  HMSOPS_STATE_DIR="$(mktemp -d /tmp/hmsops-demo.XXXXXX)"
  made_state_dir="$HMSOPS_STATE_DIR"
fi
export HMSOPS_STATE_DIR
hmsops() { node bin/hmsops "$@"; }
cleanup() {
  hmsops down >/dev/null 2>&1 || true
  if [ -n "$made_state_dir" ]; then rm -rf "$made_state_dir"; fi
}
trap cleanup EXIT

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
if [ -n "$made_state_dir" ]; then echo "(to keep the ledger, the NACHA file and the logs: HMSOPS_STATE_DIR=DIR npm run demo)"; fi
