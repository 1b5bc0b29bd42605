#!/usr/bin/env bash
# RTP relay benchmark: bridged calls on loopback, 20 ms-paced G.711 packets both ways.
# Usage: bench/rtp-relay/run.sh [calls=1100] [seconds=20] [warmup=5] [relayThreads=1] [phoneThreads=1] [ports=12000-21999]
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-XX:+UseZGC.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -o install -pl media -DskipTests
mvn -B -q -o test-compile -pl net
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o dependency:build-classpath -pl net -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
mkdir -p bench/results
out="bench/results/rtp-relay-$(date +%Y%m%d-%H%M%S).txt"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} \
  -cp "net/target/test-classes:net/target/classes:$(cat "$cp_file")" \
  org.switchboard.net.rtp.RelayBench "$@" 2>&1 | grep -v '^WARNING' | tee "$out"
echo "saved $out"
