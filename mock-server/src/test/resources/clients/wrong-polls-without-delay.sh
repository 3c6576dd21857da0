#!/usr/bin/env bash
# WRONG: polls in a tight loop, no pause between polls (breaks CC-POLL-001).
# Stops after MAX_POLLS polls (default 8) so that it breaks nothing else, the rate limit included.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
MAX_POLLS="${MAX_POLLS:-8}"

submit
for _ in $(seq "$MAX_POLLS"); do
  poll_once
  case "$STATUS" in done|error) exit 0 ;; esac
done
echo "job $JOB_ID not finished after $MAX_POLLS polls" >&2
exit 2
