#!/usr/bin/env bash
# WRONG: keeps polling after the job was shown done or error, EXTRA_POLLS times (default 2) at
# the poll interval (breaks CC-POLL-002).
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
EXTRA_POLLS="${EXTRA_POLLS:-2}"

submit
wait_for_result || true
for _ in $(seq "$EXTRA_POLLS"); do
  sleep_ms "$POLL_INTERVAL_MS"
  poll_once
done
