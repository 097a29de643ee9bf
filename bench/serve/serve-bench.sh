#!/usr/bin/env bash
# Reproduces the "Serve" section of BENCHMARKS.md: wrk against `unspin serve` on loopback.
# Needs wrk and python3 (apt-get install -y wrk python3) and the corpora-permissive folder (CORPORA_PERMISSIVE).
# Usage: bench/serve/serve-bench.sh [DURATION_SECONDS]   (default 30 s per run)
# BODIES_COUNT=N (default 16) sets how many different 2 KB texts are POSTed round-robin: with few, the restorer's
# span and LM caches answer most look-ups after the first round; 256 is closer to traffic of new texts, and 4000
# (about as many as the speeches give, 4,482) is new text throughout a run.
# SERVER_JAVA_OPTS sets the server JVM's options (default: what `./unspin serve` runs, "-Xmx4g
# -XX:PerMethodTrapLimit=5 -XX:-TieredCompilation" with the JVM's default collector, G1, plus
# -XX:+UseTransparentHugePages where the kernel's THP mode is "madvise"; bench/serve/server-java-opts.sh; the
# restorer's span cache is sized from the heap), e.g. "-Xmx4g -XX:+UseParallelGC" for the throughput collector.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dur="${1:-30}"
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed (apt-get install -y wrk python3 curl)" >&2; exit 2; }
done
work="${WORK:-/tmp/unspin-serve-bench}"
count="${BODIES_COUNT:-16}"
port="${PORT:-18080}"
corpus="${CORPORA_PERMISSIVE:-$root/../shared/corpora-permissive}"
mkdir -p "$work"
. "$here/server-java-opts.sh"

(cd "$root" && ./mvnw -q -B -o -DskipTests -pl unspin-cli,unspin-server -am package)
rm -rf "$work/docs"
python3 "$here/make-docs.py" "$corpus/presidential_speeches/speeches_1897-2020.txt.gz" "$work/docs" "$count"
java -Xmx2g -jar "$root/unspin-cli/target/unspin.jar" eval simulate --rate 0.3 --seed 7 --out "$work/spun.jsonl" \
  "$work/docs"
python3 "$here/make-bodies.py" "$work/spun.jsonl" "$work/bodies.txt"

rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$1/status"; }
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$1/stat"; } # user+system CPU of a process
completed() { curl -fs "http://127.0.0.1:$port/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["load"]["completed"])'; }
server_pid=""
start_server() { # extra serve options...
  java $SERVER_JAVA_OPTS -jar "$root/unspin-server/target/unspin-server.jar" --port "$port" "$@" \
    2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server did not start; see $work/server.log" >&2
  exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true' EXIT
run_wrk() { # threads connections seconds
  echo "--- wrk -t$1 -c$2 -d$3s  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd "$work" && BODIES="$work/bodies.txt" wrk -t"$1" -c"$2" -d"$3"s --timeout 15s --latency \
    -s "$here/post-texts.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Non-2xx|statuses|p50_ms|Socket")
}

echo "=== default limits (2 workers, queue 16, 10 s time limit), server JVM: $SERVER_JAVA_OPTS"
start_server --threads 2
echo "RSS after start: $(rss "$server_pid")"
run_wrk 1 2 10 >/dev/null # warm-up
echo "RSS after warm-up: $(rss "$server_pid")"
cpu0=$(cpu_ms "$server_pid"); done0=$(completed)
run_wrk 1 1 "$dur"
run_wrk 2 8 "$dur"
cpu1=$(cpu_ms "$server_pid"); done1=$(completed)
echo "server CPU per completed check (1 and 8 connections): $(( (cpu1 - cpu0) / (done1 - done0) )) ms over $(( done1 - done0 )) requests"
run_wrk 2 64 "$dur"
echo "--- HTTP layer alone: GET /api/health, wrk -t2 -c8 -d10s"
wrk -t2 -c8 -d10s --latency "http://127.0.0.1:$port/api/health" | grep -E "Requests/sec|99%"
echo "RSS after the runs: $(rss "$server_pid")"
stop_server

echo "=== the same check in-process, no HTTP (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
java -Xmx4g -XX:+UseParallelGC -cp "$root/unspin-server/target/unspin-server.jar" "$here/LibraryCheckCost.java" "$work/bodies.txt" 3 \
  2>/dev/null

echo "=== overload: 256 connections against the default limits (2 workers, queue 16, 10 s), $SERVER_JAVA_OPTS"
start_server --threads 2
run_wrk 1 2 10 >/dev/null
echo "RSS before: $(rss "$server_pid")"
(for _ in $(seq 1 $((dur / 5))); do sleep 5; printf '%s ' "$(rss "$server_pid")"; done; echo) > "$work/rss-samples.txt" &
sampler=$!
run_wrk 2 256 "$dur"
wait "$sampler" || true
echo "RSS every 5 s during the run: $(cat "$work/rss-samples.txt")"
echo "RSS after: $(rss "$server_pid")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary 'A colossal information set.' \
  "http://127.0.0.1:$port/api/check")
echo "a check right after the overload: HTTP $code"
curl -fs "http://127.0.0.1:$port/api/health"; echo
stop_server
