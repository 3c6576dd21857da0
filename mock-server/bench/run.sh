#!/usr/bin/env bash
# Benchmark of the Reels API mock (not part of `mvn verify`). Loopback only, bounded loops.
# Usage: mock-server/bench/run.sh            (builds the jar first if it is missing)
# Tunables: BENCH_OPTS="-Dbench.threads=4 -Dbench.requests=30000 -Dbench.jobs=100000"
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/reels-mock-server.jar
if [ ! -f "$JAR" ]; then
  (cd .. && mvn -B -q -DskipTests -pl mock-server -am package)
fi
# Single-file source launch: the shaded jar holds WireMock, the mock and the spec.
exec java -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_OPTS:-} -cp "$JAR" bench/Bench.java "$JAR"
