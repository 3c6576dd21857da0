#!/usr/bin/env bash
# Benchmark of the Reels API mock (not part of `mvn verify`). Loopback only, bounded loops.
# Usage: mock-server/bench/run.sh          throughput, latency, heap (Bench.java), then start time
#        mock-server/bench/run.sh start    only the start time: java -jar of the mock vs plain
#                                          WireMock standalone, spawn to first answered request
#        mock-server/bench/run.sh tenants  only the GET path with and without per-tenant clocks
# Tunables: BENCH_OPTS="-Dbench.threads=4 -Dbench.requests=30000 -Dbench.jobs=100000"
#           START_ROUNDS=7 (alternating spawns of each; medians)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/reels-mock-server.jar
if [ ! -f "$JAR" ]; then
  (cd .. && mvn -B -q -DskipTests -pl mock-server -am package)
fi
if [ "${1:-all}" = "tenants" ]; then
  exec java -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml -Dbench.only=tenants \
    ${BENCH_OPTS:-} -cp "$JAR" bench/Bench.java "$JAR"
fi
# Plain WireMock: the standalone jar of the version the mock embeds (pom.xml's wiremock.version).
WIREMOCK_VERSION=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' ../pom.xml)
WIREMOCK_JAR=target/bench/wiremock-standalone-$WIREMOCK_VERSION.jar
if [ ! -f "$WIREMOCK_JAR" ]; then
  mvn -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
    -DoutputDirectory=target/bench
fi

if [ "${1:-all}" != "start" ]; then
  # Single-file source launch: the shaded jar holds WireMock, the mock and the spec.
  java -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_OPTS:-} -cp "$JAR" bench/Bench.java "$JAR"
fi
echo "== start: java -jar, spawn to first answered request (this machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
exec java bench/StartBench.java "$JAR" "$WIREMOCK_JAR" "${START_ROUNDS:-7}"
