#!/usr/bin/env bash
# WRONG: sends no Authorization header (breaks CC-AUTH-001), then follows the docs' pattern.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
SEND_TOKEN=no

submit
wait_for_result
