#!/usr/bin/env bash
# Paired in-process comparison of two builds on this noisy VM: runs LibraryCheckCost of JAR_A and JAR_B at the same
# time, one per core, ROUNDS times, so that both see the same phase of the machine (BENCHMARKS.md §4f).
# Usage: bench/serve/paired-check.sh JAR_A JAR_B BODIES [ROUNDS] [PASSES]
#   JAR_A, JAR_B  unspin-server.jar files of the two builds (the server jar holds the library)
#   BODIES        a bodies file from make-bodies.py (e.g. /tmp/unspin-serve-bench/bodies.txt after serve-bench.sh)
# Prints each pair's CPU milliseconds per check; compare within a line, not across lines.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 3 ] || { echo "usage: $0 JAR_A JAR_B BODIES [ROUNDS] [PASSES]" >&2; exit 2; }
a="$1"; b="$2"; bodies="$3"; rounds="${4:-3}"; passes="${5:-3}"
for f in "$a" "$b" "$bodies"; do [ -f "$f" ] || { echo "$0: no such file: $f" >&2; exit 2; }; done
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
run() { # jar out
  java -Xmx4g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -cp "$1" "$here/LibraryCheckCost.java" "$bodies" "$passes" \
    2>/dev/null | grep -o "[0-9.]* ms CPU each" > "$2" || echo "failed" > "$2"
}
for i in $(seq 1 "$rounds"); do
  run "$a" "$tmp/a" & run "$b" "$tmp/b" & wait
  echo "round $i: A $(cat "$tmp/a") | B $(cat "$tmp/b")"
done
