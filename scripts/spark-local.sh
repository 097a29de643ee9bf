#!/usr/bin/env bash
# Runs the Spark scan job (unspin-spark/target/unspin-spark.jar) through Spark's own submit code
# (org.apache.spark.deploy.SparkSubmit) in local mode, with the Spark jars Maven resolved for the
# build: a way to try the job, or measure it, without installing a Spark distribution.
#
#   scripts/spark-local.sh [--master local[N]] INPUT... --out DIR [job options]
#
# JAVA_OPTS sets the driver JVM's options (default -Xmx3g). In local mode the executors run in
# that JVM. UNSPIN_SPARK_JAR runs another copy of the job jar (e.g. one set aside for a benchmark);
# by default the module's build output, built first when it is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${UNSPIN_SPARK_JAR:-$root/unspin-spark/target/unspin-spark.jar}"
cpfile="$root/unspin-spark/target/spark-classpath.txt"
master="local[2]"
if [ "${1:-}" = "--master" ]; then
  master="$2"
  shift 2
fi
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests -pl unspin-spark -am package)
fi
if [ ! -f "$cpfile" ] || [ "$root/unspin-spark/pom.xml" -nt "$cpfile" ] || [ "$root/pom.xml" -nt "$cpfile" ]; then
  tmp="$(mktemp -d)"
  (cd "$root" && ./mvnw -q -B -pl unspin-spark -am compile dependency:build-classpath \
      -Dmdep.outputFile="$tmp/test.txt" -DincludeScope=test >/dev/null \
    && ./mvnw -q -B -pl unspin-spark -am compile dependency:build-classpath \
      -Dmdep.outputFile="$tmp/runtime.txt" -DincludeScope=runtime >/dev/null)
  # Spark's class path = everything the tests see, less what the job jar bundles, less test tools.
  tr ':' '\n' <"$tmp/runtime.txt" | sort >"$tmp/runtime.sorted"
  tr ':' '\n' <"$tmp/test.txt" | sort | comm -23 - "$tmp/runtime.sorted" \
    | grep -v -e '/org/junit/' -e '/org/opentest4j/' -e '/org/apiguardian/' | paste -sd: >"$cpfile"
  rm -rf "$tmp"
fi
# Spark 3.5 on Java 17 needs these (spark-submit's launcher adds them itself; see docs/spark.md).
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false"
# Local mode talks to itself only: bind to the loopback address.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx3g} $opens -cp "$(cat "$cpfile")" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
  --conf spark.driver.bindAddress=127.0.0.1 --class org.unspin.spark.ScanJob "$jar" "$@"
