#!/usr/bin/env bash
# Reproduces the "Serve" section of BENCHMARKS.md: wrk against `unspin serve` on loopback.
# Needs wrk and python3 (apt-get install -y wrk python3) and the corpora-permissive folder (CORPORA_PERMISSIVE).
# Usage: bench/serve/serve-bench.sh [DURATION_SECONDS]   (default 30 s per run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dur="${1:-30}"
work="${WORK:-/tmp/unspin-serve-bench}"
port="${PORT:-18080}"
corpus="${CORPORA_PERMISSIVE:-$root/../shared/corpora-permissive}"
mkdir -p "$work"

(cd "$root" && ./mvnw -q -B -o -DskipTests -pl unspin-cli,unspin-server -am package)
python3 "$here/make-docs.py" "$corpus/presidential_speeches/speeches_1897-2020.txt.gz" "$work/docs" 16
java -Xmx2g -jar "$root/unspin-cli/target/unspin.jar" eval simulate --rate 0.3 --seed 7 --out "$work/spun.jsonl" \
  "$work/docs"
python3 "$here/make-bodies.py" "$work/spun.jsonl" "$work/bodies.txt"

rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$1/status"; }
server_pid=""
start_server() { # extra serve options...
  java -Xmx3g -jar "$root/unspin-server/target/unspin-server.jar" --port "$port" "$@" 2>"$work/server.log" &
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

echo "=== default limits (2 workers, queue 16, 10 s time limit)"
start_server --threads 2
echo "RSS after start: $(rss "$server_pid")"
run_wrk 1 2 10 >/dev/null # warm-up
echo "RSS after warm-up: $(rss "$server_pid")"
run_wrk 1 1 "$dur"
run_wrk 2 8 "$dur"
run_wrk 2 64 "$dur"
echo "RSS after the runs: $(rss "$server_pid")"
stop_server

echo "=== overload: 256 connections against 2 workers, queue 8, 2 s time limit"
start_server --threads 2 --queue 8 --timeout 2
run_wrk 1 2 10 >/dev/null
echo "RSS before: $(rss "$server_pid")"
run_wrk 2 256 "$dur"
echo "RSS after: $(rss "$server_pid")"
curl -fs "http://127.0.0.1:$port/api/health"; echo
stop_server
