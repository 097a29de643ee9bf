# Sourced by serve-bench.sh and warmup-windows.sh: unless SERVER_JAVA_OPTS is set, the JVM options that
# `./unspin serve` gives the server (see the launcher and docs/serve.md "JVM flags"): a 4 GB heap with the JVM's
# default collector (G1), a trap limit of 5, the optimizing compiler alone (no tiered compilation), and
# transparent huge pages where the kernel gives them only on request.
if [ -z "${SERVER_JAVA_OPTS:-}" ]; then
  SERVER_JAVA_OPTS="-Xmx4g -XX:PerMethodTrapLimit=5 -XX:-TieredCompilation"
  if grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
    SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -XX:+UseTransparentHugePages"
  fi
fi
