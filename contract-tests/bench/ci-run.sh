#!/usr/bin/env bash
# Wall time of the CI command (docs/contract-suite.md) against the kit's own mock on its defaults:
#   java -jar contract-tests/target/reels-contract-tests.jar --base-url <the mock's URL>
# with no budget flag, JVM start included, side by side with the same command against the mock
# enforcing the documented limits (--rate-limit) with its minute shrunk to 2 s (--time-scale 30),
# where the run must cause no 429 (read back from the mock's traffic record).
# Not part of `mvn verify`. Loopback only; every process it starts is stopped on exit.
# Usage: contract-tests/bench/ci-run.sh [ROUNDS]       (default 3 rounds of each)
#        KEEP=1 contract-tests/bench/ci-run.sh   keeps the runs' output and reports (path printed)
# Prints one line per run and the medians; the goal is <= 20 s on 2 cores for the first column.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
SUITE=contract-tests/target/reels-contract-tests.jar
MOCK=mock-server/target/reels-mock-server.jar
if [ ! -f "$SUITE" ] || [ ! -f "$MOCK" ]; then
  mvn -B -q -DskipTests -Dreels.typescript.skip -pl contract-tests,mock-server -am package
fi
WORK=$(mktemp -d)
MOCK_PID=""
stop_mock() {
  if [ -n "$MOCK_PID" ]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  MOCK_PID=""
}
trap 'stop_mock; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

# Starts the mock on a free port with the given flags; sets MOCK_URL.
start_mock() {
  stop_mock
  : > "$WORK/mock.log"
  java -jar "$MOCK" --port 0 "$@" > "$WORK/mock.log" 2>&1 &
  MOCK_PID=$!
  for _ in $(seq 1 300); do
    MOCK_URL=$(sed -n 's/^Reels API mock listening on \(http[^ ]*\).*/\1/p' "$WORK/mock.log")
    [ -n "$MOCK_URL" ] && return 0
    sleep 0.1
  done
  echo "the mock did not start:"; cat "$WORK/mock.log"; exit 1
}

# Runs the CI command once; prints "<millis> <exit code> <429s the mock sent> <budget line>".
run_suite() {
  local dir="$WORK/run-$1" start end code
  rm -rf "$dir"; mkdir -p "$dir"
  curl -s -X DELETE "$MOCK_URL/__admin/reels/client-report" > /dev/null
  start=$(date +%s%N)
  set +e
  (cd "$dir" && REELS_TOKEN=ist_benchToken00000000000000001 java -jar "$OLDPWD/$SUITE" \
      --base-url "$MOCK_URL" > out.txt 2>&1)
  code=$?
  set -e
  end=$(date +%s%N)
  local limited
  limited=$(curl -s "$MOCK_URL/__admin/reels/traffic" | { grep -o '"httpStatus" *: *429' || true; } | wc -l)
  echo "$(( (end - start) / 1000000 )) $code $limited $(sed -n 2p "$dir/out.txt" | cut -c1-150)"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

[ -z "${KEEP:-}" ] || echo "output kept in $WORK"
echo "== the CI command, JVM start included ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
for mode in defaults limited; do
  if [ "$mode" = defaults ]; then start_mock; else start_mock --rate-limit --time-scale 30; fi
  : > "$WORK/$mode.times"
  for i in $(seq 1 "$ROUNDS"); do
    read -r millis code limited budget < <(run_suite "$mode-$i")
    echo "$mode run $i: $millis ms, exit $code, 429s sent by the mock: $limited | $budget"
    echo "$millis" >> "$WORK/$mode.times"
  done
  stop_mock
done
printf '%-44s %12s\n' "mock" "median wall"
printf '%-44s %9s ms\n' "defaults (no limits)" "$(median < "$WORK/defaults.times")"
printf '%-44s %9s ms\n' "documented limits, minute = 2 s (time scale 30)" "$(median < "$WORK/limited.times")"
