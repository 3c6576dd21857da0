#!/usr/bin/env bash
# WRONG: submits JOBS Reels back to back (default 4, one more than the 3 allowed unfinished jobs)
# without waiting for any to finish (breaks CC-JOBS-001). It sends nothing after the last
# submission, so a 429 there breaks no Retry-After rule.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
JOBS="${JOBS:-4}"

body=$(jq -cn --arg url "$REEL_URL" '{url: $url}')
for n in $(seq "$JOBS"); do
  request POST /api/v1/reels/analyze "$body"
  echo "submission $n: HTTP $HTTP_STATUS"
done
