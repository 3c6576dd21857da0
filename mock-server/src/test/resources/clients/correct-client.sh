#!/usr/bin/env bash
# A correct client in bash (curl + jq): submit one Reel, poll it to done or error following the
# docs' pattern, give up after TIMEOUT_MS, honour Retry-After. Environment: see reels-lib.sh.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"

submit
wait_for_result
