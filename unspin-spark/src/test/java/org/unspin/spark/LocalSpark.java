package org.unspin.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The test harness: one {@code local[2]} Spark session per test JVM, started on first use and
 * stopped when the JVM exits (starting Spark takes seconds, so test classes share it). Bound to
 * the loopback address, no web UI.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("unspin-spark-test")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .getOrCreate();
      SparkSession s = session;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-local-spark"));
    }
    return session;
  }
}
