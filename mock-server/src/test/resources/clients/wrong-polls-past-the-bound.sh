#!/usr/bin/env bash
# WRONG: checks its job like a cron task, once at once and again only LATE_MS later (150 s by
# default), so its second poll comes after the 120 s the docs' clients give up at (breaks CC-POLL-003).
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
LATE_MS="${LATE_MS:-150000}"

submit
poll_once
sleep_ms "$LATE_MS"
poll_once
