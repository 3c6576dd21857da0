#!/usr/bin/env bash
# WRONG: first asks for a list of its jobs, GET /api/v1/reels, an operation the API does not have
# (breaks CC-SPEC-001), then follows the docs' pattern.
set -euo pipefail
source "$(dirname "$0")/reels-lib.sh"

request GET /api/v1/reels
echo "GET /api/v1/reels: HTTP $HTTP_STATUS"
submit
wait_for_result
