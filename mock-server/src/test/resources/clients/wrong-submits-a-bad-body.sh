#!/usr/bin/env bash
# WRONG: first submits a body the API refuses (breaks CC-SPEC-002), then follows the docs' pattern.
#   MISTAKE=number     {"url": 42}: the url is not a string (the default)
#   MISTAKE=too-large  a JSON body of 17 KB: far more than any Reel URL needs
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"

case "${MISTAKE:-number}" in
  number) bad='{"url": 42}' ;;
  too-large) bad=$(jq -cn --arg pad "$(head -c 17408 /dev/zero | tr '\0' a)" --arg url "$REEL_URL" \
    '{url: $url, note: $pad}') ;;
  *) echo "unknown MISTAKE: $MISTAKE" >&2; exit 64 ;;
esac
request POST /api/v1/reels/analyze "$bad"
echo "bad submission: HTTP $HTTP_STATUS"
submit
wait_for_result
