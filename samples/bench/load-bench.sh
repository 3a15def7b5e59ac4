#!/bin/sh
# End-to-end load benchmark: starts the Chorus server as its own process and drives it with
# synthetic participants over the real protocol (WebSocket, ICE, DTLS-SRTP, RTP) on 127.0.0.1 only:
# one room each of N = 2, 4, 9, 16, then 4-person rooms added until the server falls behind real
# time; then the FFmpeg command line doing the same media work per N. Needs ffmpeg on PATH.
# About 8 minutes on 2 cores (plus the first generation of the FFmpeg inputs). Writes the load
# section of docs/benchmarks.md, docs/benchmark-load.png and samples/target/load-bench.json.
# Optional flags, passed on: --adapt (cameras follow the server's constraints and REMB),
# --talkers=K (K talkers per room, the others Opus DTX listeners), --audio-rooms (adds audio-only
# rooms of 20 and 40 with 2 talkers).
set -eu
cd "$(dirname "$0")/../.."
# Builds the jars the harness runs from; the tests are the README test command's job, not this script's.
mvn -B -q -DskipTests install
cp=$(mktemp)
mvn -B -q -pl samples dependency:build-classpath -Dmdep.outputFile="$cp"
java --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -cp "samples/target/classes:$(cat "$cp")" io.chorus.samples.bench.LoadBenchmark \
    docs/benchmarks.md docs/benchmark-load.png samples/target/bench-inputs samples/target/load-bench.json "$@"
rm -f "$cp"
