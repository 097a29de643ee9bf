/**
 * The scan as an Apache Spark job ({@link org.unspin.spark.ScanJob}, docs/spark.md): WARC and JSONL
 * files from any Hadoop file system, one task per file ({@link org.unspin.spark.InputFiles},
 * {@link org.unspin.spark.FileRecords}), one memory-mapped Unspin model per executor
 * ({@link org.unspin.spark.ExecutorModels}, {@link org.unspin.spark.ModelSpec}), and the report
 * lines of {@code unspin scan} ({@link org.unspin.records.RecordChecker}) as JSONL or Parquet.
 *
 * <p>Spark, Hadoop and Scala are {@code provided}: the cluster supplies them. This module depends
 * on unspin-core only, never on the CLI or the server.
 */
package org.unspin.spark;
