#!/usr/bin/env bash
# WRONG: checks its job like a cron task, once at once and again only TIMEOUT_MS x 1.25 later
# (150 s by default), so its second poll comes after the bound the docs' clients give up at
# (breaks CC-POLL-003).
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"

submit
poll_once
sleep_ms $(( TIMEOUT_MS * 5 / 4 ))
poll_once
