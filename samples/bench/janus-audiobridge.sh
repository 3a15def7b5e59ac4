#!/bin/sh
# Side-by-side anchor for audio rooms: Janus's AudioBridge (the packaged janus, e.g. Debian's 1.1.2,
# with its configs in /etc/janus) with one room of N plain-RTP participants per N on 127.0.0.1 only,
# two of them talking. Prints Janus's CPU per N; extra arguments go to JanusAudioBridgeBench
# (e.g. --participants=20,40 --settle=10 --seconds=30). About 45 s per N with the defaults.
# Writes samples/target/janus-audiobridge.json.
set -eu
cd "$(dirname "$0")/../.."
cp=$(mktemp)
# compile in the same run resolves the sibling modules to their target/classes: no install needed.
mvn -B -q -pl samples -am compile dependency:build-classpath -Dmdep.outputFile="$cp"
java --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -cp "samples/target/classes:$(cat "$cp")" io.chorus.samples.bench.JanusAudioBridgeBench \
    --json=samples/target/janus-audiobridge.json "$@"
rm -f "$cp"
