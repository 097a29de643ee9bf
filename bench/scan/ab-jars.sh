#!/usr/bin/env bash
# Two CLI jars in turn on the same crawl (e.g. before and after a change to the scan): wall time and the CPU
# split the scan prints, ROUNDS times each, then a check that the reports are byte-identical. Run it on an idle
# machine; the crawl is research-only data (./unspin eval warc --size 20M --out crawl-20M.warc.gz).
#   bench/scan/ab-jars.sh OLD.jar NEW.jar CRAWL [THREADS] [ROUNDS]
set -euo pipefail
old="$1"; new="$2"; crawl="$3"; threads="${4:-2}"; rounds="${5:-2}"
work="${WORK:-/tmp/unspin-scan-ab}"
mkdir -p "$work"
for round in $(seq 1 "$rounds"); do
  for v in old new; do
    jar="$old"; [ "$v" = new ] && jar="$new"
    rm -f "$work/$v.jsonl" "$work/$v.jsonl.checkpoint"
    echo "== $v ($jar), round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java ${JAVA_FLAGS:--Xmx3g -XX:+UseParallelGC} -jar "$jar" scan "$crawl" --out "$work/$v.jsonl" \
      --threads "$threads" --progress off 2>&1 | grep -E "this run|cpu:"
  done
done
cmp "$work/old.jsonl" "$work/new.jsonl" && echo "reports identical"
