#!/usr/bin/env bash
# Scan thread scaling: `unspin scan --threads 1` against `--threads 2` on the same WARC.
#
#   bench/scan/scaling.sh [WARC] [WARMUP_DOCS]        # defaults: /tmp/scanbench/crawl-8M.warc.gz, 2000
#   PIN=1 bench/scan/scaling.sh ...                   # 1 thread under `taskset -c 0`, 2 under `taskset -c 0,1`
#   JAR=... JAVA_FLAGS="-Xmx3g ..." OUT=dir bench/scan/scaling.sh ...   # default flags: the launcher's for scan
#
# Make the WARC with `./unspin eval warc --out crawl-8M.warc.gz --size 8M` (research data: never commit it).
# For each thread count it prints: wall clock of the whole process, user+sys CPU, the scan's own in-run rate
# (model loading excluded), and the steady rate: documents per second between the first progress line past
# WARMUP_DOCS documents and the last progress line (the same records in both runs, JIT warm-up excluded).
# It ends with the ratios and checks that the two reports are byte-identical. Load averages are printed next
# to each run: figures taken while other jobs run are not the machine's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
warc="${1:-/tmp/scanbench/crawl-8M.warc.gz}"
warmup="${2:-2000}"
jar="${JAR:-$root/unspin-cli/target/unspin.jar}"
flags="${JAVA_FLAGS:--Xmx3g -XX:+UseParallelGC}"
out="${OUT:-$(mktemp -d /tmp/scan-scaling.XXXXXX)}"
mkdir -p "$out"
[ -f "$warc" ] || { echo "no $warc: make it with ./unspin eval warc --out $warc --size 8M" >&2; exit 2; }
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl unspin-cli -am package)

run() { # threads cpus
  local t=$1 cpus=$2 pin=() tag="t$1"
  if [ -n "$cpus" ]; then pin=(taskset -c "$cpus"); tag="t$1-cpu$cpus"; fi
  rm -f "$out/$tag.jsonl" "$out/$tag.jsonl.checkpoint"
  local l0; l0=$(cut -d' ' -f1-3 /proc/loadavg)
  # stderr lines get a timestamp (seconds since the epoch) so the steady rate can be computed
  "${pin[@]}" /usr/bin/time -f "TIME wall %e user %U sys %S rss %M" java $flags -jar "$jar" scan "$warc" \
      --out "$out/$tag.jsonl" --threads "$t" --progress lines --progress-interval 1 2>&1 >/dev/null \
    | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$out/$tag.err"
  local l1; l1=$(cut -d' ' -f1-3 /proc/loadavg)
  awk -v tag="$tag" -v warm="$warmup" -v l0="$l0" -v l1="$l1" '
    / scan: .* docs, / { for (i = 3; i < NF; i++) if ($(i + 1) == "docs,") d = $i + 0
                         if (!s && d >= warm) { s = 1; t0 = $1; d0 = d } t1 = $1; d1 = d }
    /  cpu: / { sub(/^[0-9.]+ +/, ""); cpuline = $0 }
    /this run:/ { sub(/.*records in /, ""); inrun = $0 }
    /^[0-9.]+ TIME/ { wall = $4; cpu = $6 + $8; rss = $10 }
    END {
      steady = (s && t1 > t0) ? (d1 - d0) / (t1 - t0) : 0
      printf "%-10s wall %7.1f s  cpu %7.1f s  rss %5.0f MB  steady %6.1f docs/s (docs %d..%d)  load %s -> %s\n",
        tag, wall, cpu, rss / 1024, steady, d0, d1, l0, l1
      printf "%-10s in-run: %s\n", tag, inrun
      printf "%-10s %s\n", tag, cpuline
      printf "%s %s %s\n", tag, wall, steady > "/dev/stderr"
    }' "$out/$tag.err" 2>>"$out/figures"
}

: > "$out/figures"
echo "scan scaling on $warc (warm-up $warmup docs), jar $jar, JVM flags: $flags; results in $out"
if [ -n "${PIN:-}" ]; then
  run 1 0
  run 2 0,1
else
  run 1 ""
  run 2 ""
fi
awk 'NR == 1 { w = $2; s = $3 } NR == 2 {
  printf "1 -> 2 threads: wall %.2fx, steady %.2fx\n", w / $2, (s > 0 ? $3 / s : 0) }' "$out/figures"
a=$(ls "$out"/t1*.jsonl) b=$(ls "$out"/t2*.jsonl)
cmp "$a" "$b" && echo "reports identical ($(wc -l < "$a") lines)"
