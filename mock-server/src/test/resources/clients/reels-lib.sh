# Shared by the bash clients: configuration from the environment and one HTTP helper.
# Sourced, not run. Needs curl and jq.
#
#   REELS_BASE_URL    the API's base URL (the mock's), required
#   REELS_TOKEN       the Bearer token, required; never printed, never on a command line
#   POLL_INTERVAL_MS  pause between two polls of a job (default 7000, see below)
#   TIMEOUT_MS        give up on a job this long after submitting it (default 120000, the docs')
#   REEL_URL          the Reel to submit (default the docs' example)
#
# The docs say "poll every 5 s", but 5 s polls are 12 requests a minute, above the documented
# limit of 10; 7 s keeps one job within the limit, its submission included (6 s does not: the
# submission, the immediate first poll and nine more make 11 in the first minute). Tests shrink both times to milliseconds.

: "${REELS_BASE_URL:?REELS_BASE_URL is required}"
: "${REELS_TOKEN:?REELS_TOKEN is required}"
POLL_INTERVAL_MS="${POLL_INTERVAL_MS:-7000}"
TIMEOUT_MS="${TIMEOUT_MS:-120000}"
REEL_URL="${REEL_URL:-https://www.instagram.com/reel/DYa0IXPgnP5/}"
BASE="${REELS_BASE_URL%/}"

work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT
# The header goes through a private file so that the token never shows in `ps`.
(umask 077 && printf 'Authorization: Bearer %s\n' "$REELS_TOKEN" > "$work_dir/auth")
SEND_TOKEN=yes

now_ms() { date +%s%3N; }

sleep_ms() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }

# request METHOD PATH [JSON_BODY]: sets HTTP_STATUS, BODY and RETRY_AFTER_MS (empty when absent).
request() {
  local args=(-sS -o "$work_dir/body" -D "$work_dir/headers" -w '%{http_code}' -X "$1")
  if [ "$SEND_TOKEN" = yes ]; then
    args+=(-H @"$work_dir/auth")
  fi
  if [ $# -ge 3 ]; then
    args+=(-H 'Content-Type: application/json' --data "$3")
  fi
  HTTP_STATUS=$(curl "${args[@]}" "$BASE$2")
  BODY=$(cat "$work_dir/body")
  RETRY_AFTER_MS=$(awk 'tolower($1) == "retry-after:" { gsub("\r", ""); printf "%d", $2 * 1000 }' \
    "$work_dir/headers")
}

# wait_retry_after [AT_LEAST_MS]: sleeps the last 429's Retry-After (1 s when absent), or longer.
wait_retry_after() {
  local wait_ms="${RETRY_AFTER_MS:-1000}"
  if [ "${1:-0}" -gt "$wait_ms" ]; then
    wait_ms="$1"
  fi
  echo "429: waiting ${wait_ms} ms"
  sleep_ms "$wait_ms"
}

# submit: posts REEL_URL until it is accepted (honouring 429s); sets JOB_ID.
submit() {
  local body
  body=$(jq -cn --arg url "$REEL_URL" '{url: $url}')
  while :; do
    request POST /api/v1/reels/analyze "$body"
    [ "$HTTP_STATUS" = 429 ] || break
    wait_retry_after 0
  done
  if [ "$HTTP_STATUS" != 202 ]; then
    echo "submit failed: HTTP $HTTP_STATUS" >&2
    exit 3
  fi
  JOB_ID=$(jq -r '.id' <<<"$BODY")
  echo "submitted job $JOB_ID"
}

# poll_once: one read of JOB_ID, a 429 retried after max(Retry-After, poll interval); sets STATUS.
poll_once() {
  while :; do
    request GET "/api/v1/reels/$JOB_ID"
    [ "$HTTP_STATUS" = 429 ] || break
    wait_retry_after "$POLL_INTERVAL_MS"
  done
  if [ "$HTTP_STATUS" != 200 ]; then
    echo "poll of job $JOB_ID failed: HTTP $HTTP_STATUS" >&2
    exit 3
  fi
  STATUS=$(jq -r '.status' <<<"$BODY")
  echo "job $JOB_ID: $STATUS"
}

# wait_for_result: the docs' polling pattern, bounded by TIMEOUT_MS from now.
# Returns 0 on done, 1 on error; exits 2 when it gives up.
wait_for_result() {
  local deadline=$(( $(now_ms) + TIMEOUT_MS ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    poll_once
    case "$STATUS" in
      done) return 0 ;;
      error) echo "job $JOB_ID failed: $(jq -r '.error' <<<"$BODY")" >&2; return 1 ;;
    esac
    sleep_ms "$POLL_INTERVAL_MS"
  done
  echo "gave up on job $JOB_ID after $TIMEOUT_MS ms" >&2
  exit 2
}
