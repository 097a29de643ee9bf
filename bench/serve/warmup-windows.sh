#!/usr/bin/env bash
# How a cold `unspin serve` warms up under load (BENCHMARKS.md §4n / 8l): starts the server jar, then runs wrk at
# 8 connections in WINDOWS windows of W seconds each and prints, per window, the requests per second, the latency
# percentiles, the server's CPU per completed check, how many methods HotSpot compiled meanwhile and the CPU its
# compiler threads took.
# Needs wrk, curl and python3, and a bodies file from serve-bench.sh (run it once first; by default it reads
# /tmp/unspin-serve-bench/bodies.txt).
# Usage: bench/serve/warmup-windows.sh [SERVER_JAR]   (default: unspin-server/target/unspin-server.jar)
# Environment: WORK (the serve-bench folder), W (seconds per window, default 20), WINDOWS (default 6),
# PORT (default 18081), SERVER_JAVA_OPTS (default: what `./unspin serve` runs, bench/serve/server-java-opts.sh).
# Compare two builds by running this for each in turn, more than once: the machine's phase moves the figures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${1:-$root/unspin-server/target/unspin-server.jar}"
work="${WORK:-/tmp/unspin-serve-bench}"
port="${PORT:-18081}"
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed (apt-get install -y wrk python3 curl)" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "$0: no such server jar: $jar (./mvnw -q -B -DskipTests -pl unspin-server -am package)" >&2; exit 2; }
[ -f "$work/bodies.txt" ] || { echo "$0: no bodies file $work/bodies.txt (run bench/serve/serve-bench.sh first)" >&2; exit 2; }
. "$here/server-java-opts.sh"
log="$(mktemp -d)"
java $SERVER_JAVA_OPTS -XX:+PrintCompilation -jar "$jar" --port "$port" --threads 2 >"$log/compilations.txt" \
  2>"$log/server.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/api/health" >/dev/null || { echo "$0: the server did not start:" >&2; cat "$log/server.err" >&2; exit 1; }
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$pid/stat"; }
jit_ms() { # CPU of the JIT's compiler threads so far
  python3 -c 'import glob,sys
t = 0
for f in glob.glob("/proc/%s/task/*/stat" % sys.argv[1]):
    try:
        st = open(f).read()
    except OSError:
        continue
    if "CompilerThre" in st[st.index("(") + 1:st.rindex(")")]:
        rest = st[st.rindex(")") + 2:].split()
        t += int(rest[11]) + int(rest[12])
print(t * 1000 // int(sys.argv[2]))' "$pid" "$ticks"
}
completed() { curl -fs "http://127.0.0.1:$port/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["load"]["completed"])'; }
echo "server: $jar, $SERVER_JAVA_OPTS; ${WINDOWS:-6} windows of ${W:-20} s at 8 connections"
for w in $(seq 1 "${WINDOWS:-6}"); do
  c0=$(cpu_ms); j0=$(jit_ms); d0=$(completed); n0=$(wc -l <"$log/compilations.txt")
  r=$(cd "$work" && BODIES="$work/bodies.txt" wrk -t2 -c8 -d"${W:-20}"s --timeout 15s --latency \
    -s "$here/post-texts.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|p50_ms" | tr -s ' ' | tr '\n' ' ')
  c1=$(cpu_ms); j1=$(jit_ms); d1=$(completed); n1=$(wc -l <"$log/compilations.txt")
  checks=$((d1 - d0))
  echo "window $w: ${r}server CPU per check $(( (c1 - c0) / (checks > 0 ? checks : 1) )) ms over $checks checks," \
    "$((n1 - n0)) compilations, compiler threads $(( (j1 - j0) * 10 / (checks > 0 ? checks : 1) )) ms per 10 checks"
done
