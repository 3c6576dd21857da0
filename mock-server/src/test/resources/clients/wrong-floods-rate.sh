#!/usr/bin/env bash
# WRONG: runs JOBS jobs (default 6) one after another, each polled to done or error as the docs
# say, but with no pause between jobs: more requests a minute than the limit (breaks CC-RATE-001).
# It never has more than one job open and honours every Retry-After.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
JOBS="${JOBS:-6}"

for _ in $(seq "$JOBS"); do
  submit
  wait_for_result || true
done
