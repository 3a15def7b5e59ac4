#!/bin/sh
# Mixer benchmark: CPU per media second for rooms of 4, 9 and 16 VP8 inputs, beside the FFmpeg
# command line doing the same work. Needs ffmpeg on PATH; sends no network traffic. About 4 minutes
# (the first run also generates the 16 input files). Writes its section of docs/benchmarks.md.
set -eu
cd "$(dirname "$0")/../.."
# Builds the jars the harness runs from; the tests are the README test command's job, not this script's.
mvn -B -q -DskipTests install
cp=$(mktemp)
mvn -B -q -pl samples dependency:build-classpath -Dmdep.outputFile="$cp"
java --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -cp "samples/target/classes:$(cat "$cp")" io.chorus.samples.bench.MixerBenchmark \
    docs/benchmarks.md samples/target/bench-inputs
rm -f "$cp"
