package org.unspin.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.Unspin;
import org.unspin.index.SourceIndex;

/**
 * One {@link Unspin} per executor JVM and {@link ModelSpec}: built by the first task that needs it
 * (the language models memory-mapped, so every task of the executor shares the same pages), then
 * shared by all later tasks and task threads ({@link Unspin} is thread-safe); likewise one open
 * {@link SourceIndex} per shipped index. Both live as long as the JVM. Thread-safe.
 */
public final class ExecutorModels {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
  private static final Map<ModelSpec, Unspin> LOADED = new ConcurrentHashMap<>();
  private static final Map<String, SourceIndex> INDEXES = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /** The executor's facade for {@code spec}, loading it on first use (shipped files via {@code SparkFiles}). */
  public static Unspin get(ModelSpec spec) {
    return LOADED.computeIfAbsent(spec, s -> {
      long t0 = System.nanoTime();
      Unspin u = s.build(ExecutorModels::shipped);
      LOG.info("Unspin models loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
      return u;
    });
  }

  /** The executor's open copy of the source index shipped under {@code name}, opened on first use. */
  public static SourceIndex index(String name) {
    return INDEXES.computeIfAbsent(name, n -> SourceIndex.open(shipped(n)));
  }

  /** The local copy of a file the driver shipped with {@code SparkContext.addFile}. */
  static Path shipped(String name) {
    return Paths.get(SparkFiles.get(name));
  }
}
