#!/bin/sh
# What a recording and a broadcast cost: the server (its own process) runs one room of 4 synthetic
# participants three times for 20 s each: plain, while recording it to WebM (the room's own VP8
# packets: nothing re-encoded), to MP4 (its own H.264 and AAC encoders), and while broadcasting it
# to a local nginx-rtmp (H.264 + AAC over RTMP). Loopback only; needs ffmpeg, nginx and
# libnginx-mod-rtmp. Prints the server's CPU per media second for each run (after one unmeasured
# warm-up run, so that JIT compilation is not counted against the first).
set -eu
cd "$(dirname "$0")/../.."
# Builds the jars the measurement runs from; the tests are the README test command's job, not this script's.
mvn -B -q -DskipTests install
cp=$(mktemp)
mvn -B -q -pl samples dependency:build-classpath -Dmdep.outputFile="$cp"
classpath="samples/target/classes:$(cat "$cp")"
rm -f "$cp"
work=$(mktemp -d)
http=18180
api="http://127.0.0.1:$http/api/rooms"

# nginx-rtmp of our own, on 127.0.0.1:19350, stopped by PID at the end.
module=$(ls /usr/lib/nginx/modules/ngx_rtmp_module.so)
cat > "$work/nginx.conf" <<CONF
load_module $module;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 64; }
rtmp { server { listen 127.0.0.1:19350; application live { live on; } } }
CONF
nginx -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!

java --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -Dice4j.harvest.mapping.aws.enabled=false -cp "$classpath" io.chorus.signalling.server.ChorusServer \
    --http.port=$http --media.port=18100 --recording.directory="$work/recordings" > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid $nginx_pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$http/api/health" > /dev/null; do sleep 0.5; done

run() { # run NAME SETUP: a fresh room "cost-0", SETUP's REST call on it, 20 s of 4 participants
    curl -fs -X POST -H 'Content-Type: application/json' -d '{"id":"cost-0"}' "$api" > /dev/null
    [ -n "$2" ] && curl -fs -X POST -H 'Content-Type: application/json' -d "$2" "$api/cost-0/$3" > /dev/null
    java --add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED -cp "$classpath" io.chorus.samples.load.LoadClient --server=http://127.0.0.1:$http --rooms=1 \
        --participants=4 --seconds=20 --decode=first --server-pid=$server_pid --room-prefix=cost \
        --json="$work/$1.json" > "$work/$1.out" 2>&1
    curl -fs -X DELETE "$api/cost-0" > /dev/null
    printf '%-10s %s\n' "$1" "$(grep -o '"serverCpuCores" *: *[0-9.]*' "$work/$1.json" | grep -o '[0-9.]*$')"
}
run warm-up "" "" > /dev/null  # the server's JIT compiles during its first room: not measured
echo "server CPU, cores per media second (1 room x 4, 720p30 composite):"
run plain "" ""
run webm '{"format":"webm"}' recordings
run mp4 '{"format":"mp4"}' recordings
run rtmp '{"url":"rtmp://127.0.0.1:19350/live/cost"}' broadcasts
ls -l "$work/recordings"
