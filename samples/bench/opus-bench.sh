#!/bin/sh
# Opus benchmark: what one stream costs to encode and decode on the system's libopus and on FFmpeg's
# bundled one, beside Debian's ffmpeg command line on the same signal. Needs ffmpeg and libopus0;
# sends no network traffic. About a minute. Writes its section of docs/benchmarks.md.
set -eu
cd "$(dirname "$0")/../.."
# Builds the jars the harness runs from; the tests are the README test command's job, not this script's.
mvn -B -q -DskipTests install
cp=$(mktemp)
mvn -B -q -pl samples dependency:build-classpath -Dmdep.outputFile="$cp"
java --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -cp "samples/target/classes:$(cat "$cp")" \
    io.chorus.samples.bench.OpusBenchmark docs/benchmarks.md samples/target/bench-inputs
rm -f "$cp"
