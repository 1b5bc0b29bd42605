#!/usr/bin/env bash
# Media engine throughput: JMH benches of the codecs, DTMF detector, jitter buffer, resampler and
# mixer, with the reference C implementations in the same run where one exists on this machine
# (spandsp for G.711 and G.722, libopus for Opus against our pure-Java fallback), printed as
# channels per core (20 ms frames: frames/s / 50) and ratios.
#
# Usage: bench/media-codecs.sh [--quick]      (--quick: 1 s iterations, for a smoke run)
# Needs: JDK 25, Maven (offline is fine), libspandsp2 and libopus0 (scripts/install-peers.sh).
# Writes bench/results/media-codecs-DATE.txt (the JMH log and JSON go to a temporary folder). Runs on one thread:
# the machine's other core stays free for the OS; run it on a quiet machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
ITER="-wi 3 -w 2s -i 5 -r 2s"
[[ "${1:-}" == "--quick" ]] && ITER="-wi 1 -w 1s -i 2 -r 1s"

STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT="$ROOT/bench/results/media-codecs-$STAMP"
RAW=$(mktemp -d)
trap 'rm -rf "$RAW"' EXIT
mkdir -p "$ROOT/bench/results"
cd "$ROOT"
mvn -B -q -o install -DskipTests -pl sip,media >/dev/null
mvn -B -q -o test-compile -pl media >/dev/null
mvn -B -q -o dependency:build-classpath -pl media -Dmdep.includeScope=test -Dmdep.outputFile="$RAW/classpath" >/dev/null
CP="media/target/test-classes:media/target/classes:$(cat "$RAW/classpath")"

BENCHES='G711Bench|G722Bench|SpanDspBench|OpusBench|InbandDtmfDetectorBench|JitterBufferBench|ResamplerBench|MixerBench'
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main "$BENCHES" \
    -f 1 $ITER -t 1 -rf json -rff "$RAW/jmh.json" >"$RAW/jmh.log" 2>&1 || { tail -30 "$RAW/jmh.log"; exit 1; }

python3 - "$RAW/jmh.json" "$(git rev-parse --short HEAD)" "$ITER" >"$OUT.txt" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
score = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
    score[(name, params)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])

def get(name, params=""):
    return score.get((name, params), (float("nan"), 0))[0]

print(f"Media engine throughput, commit {sys.argv[2]}, JMH {sys.argv[3]}, 1 thread")
print("Channels per core = 20 ms frames per second / 50 (one direction of one call leg).")
print()
print(f"{'codec, 20 ms frame':32} {'Switchboard':>14} {'reference':>14} {'ratio S/R':>10}   reference")
rows = [
    ("G.711 u-law encode", get("G711Bench.encode", "law=PCMU"), get("SpanDspBench.pcmuEncode"), "spandsp (C)"),
    ("G.711 u-law decode", get("G711Bench.decode", "law=PCMU"), get("SpanDspBench.pcmuDecode"), "spandsp (C)"),
    ("G.722 encode", get("G722Bench.encode"), get("SpanDspBench.g722Encode"), "spandsp (C)"),
    ("G.722 decode", get("G722Bench.decode"), get("SpanDspBench.g722Decode"), "spandsp (C)"),
    ("Opus encode, complexity 5 (Java)", get("OpusBench.encode20ms", "complexity=5,implementation=JAVA"),
        get("OpusBench.encode20ms", "complexity=5,implementation=NATIVE"), "libopus (C, FFM)"),
    ("Opus decode (Java)", get("OpusBench.decode20ms", "complexity=5,implementation=JAVA"),
        get("OpusBench.decode20ms", "complexity=5,implementation=NATIVE"), "libopus (C, FFM)"),
]
for label, s, r, ref in rows:
    print(f"{label:32} {s/50:14,.0f} {r/50:14,.0f} {s/r:10.2f}   {ref}")
print()
print("Opus as shipped uses libopus through FFM when present: "
      f"{get('OpusBench.encode20ms', 'complexity=5,implementation=NATIVE')/50:,.0f} encode and "
      f"{get('OpusBench.decode20ms', 'complexity=5,implementation=NATIVE')/50:,.0f} decode channels per core.")
print()
print(f"{'other media work':40} {'channels per core':>18}")
for (name, params), (s, err) in sorted(score.items()):
    if name.split(".")[0] in ("ResamplerBench", "MixerBench", "InbandDtmfDetectorBench", "JitterBufferBench"):
        unit = "participants" if name.startswith("Mixer") else "channels"
        per_core = s / 50
        if name.startswith("Mixer"):
            n = int(dict(p.split("=") for p in params.split(","))["participants"])
            per_core = s / 50 * n
        print(f"{name + ' ' + params:60} {per_core:14,.0f} {unit}")
PY
cat "$OUT.txt"
echo "written to $OUT.txt"
