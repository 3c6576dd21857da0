#!/usr/bin/env bash
# WRONG: retries a refused (429) submission at once, ignoring Retry-After, up to MAX_RETRIES times
# (default 3), then follows the docs' pattern (breaks CC-RETRY-001). The test makes the mock refuse
# the first submission; the client itself stays within every limit.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"
MAX_RETRIES="${MAX_RETRIES:-3}"

body=$(jq -cn --arg url "$REEL_URL" '{url: $url}')
for _ in $(seq 0 "$MAX_RETRIES"); do
  request POST /api/v1/reels/analyze "$body"
  [ "$HTTP_STATUS" = 429 ] || break
  echo "429: retrying at once"
done
if [ "$HTTP_STATUS" != 202 ]; then
  echo "submit failed: HTTP $HTTP_STATUS" >&2
  exit 3
fi
JOB_ID=$(jq -r '.id' <<<"$BODY")
echo "submitted job $JOB_ID"
wait_for_result
