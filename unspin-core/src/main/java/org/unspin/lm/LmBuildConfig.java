package org.unspin.lm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Settings of one {@link LmBuilder} run.
 *
 * @param order n-gram order, 1 to {@link #MAX_ORDER}
 * @param memoryBytes budget of the n-gram counting buffer; when it fills, a sorted run is spilled
 *     to {@code tmpDir} and merged at the end. The finished model itself is held in memory and is
 *     not bounded by this figure.
 * @param minCount pruning cut-offs by order: {@code minCount[n - 1]} is the smallest raw count an
 *     n-gram of order n needs to be kept. Either empty (no pruning) or one value per order; the
 *     value for order 1 must be 0 or 1 (unigrams are never pruned) and values must not decrease with
 *     the order, which keeps the model consistent: every kept n-gram's context and suffix are kept
 *     too, since raw counts never grow with length. KenLM's {@code lmplz --prune 0 1 1} (drop
 *     counts up to 1) is {@code minCount = {0, 2, 2}} here.
 * @param maxVocab the most frequent {@code maxVocab} word forms form the vocabulary (ties broken
 *     in String order); 0 means no limit. Other words become {@code <unk>}.
 * @param minWordCount words seen fewer times than this become {@code <unk>}; at least 1
 * @param tmpDir where spilled runs go; created if missing, run files are deleted after the build
 */
public record LmBuildConfig(int order, long memoryBytes, int[] minCount, int maxVocab, long minWordCount,
    Path tmpDir) {

  /** Highest supported order: five 25-bit word ids fill a 128-bit n-gram key. */
  public static final int MAX_ORDER = 5;
  /** Smallest accepted counting budget. */
  public static final long MIN_MEMORY_BYTES = 1024;
  /** Default counting budget. */
  public static final long DEFAULT_MEMORY_BYTES = 256L << 20;

  public LmBuildConfig {
    if (order < 1 || order > MAX_ORDER) {
      throw new IllegalArgumentException("order must be in 1.." + MAX_ORDER + " (got " + order + ")");
    }
    if (memoryBytes < MIN_MEMORY_BYTES) {
      throw new IllegalArgumentException("memoryBytes must be >= " + MIN_MEMORY_BYTES + " (got " + memoryBytes + ")");
    }
    minCount = Objects.requireNonNull(minCount, "minCount").clone();
    if (minCount.length != 0 && minCount.length != order) {
      throw new IllegalArgumentException("minCount needs 0 or " + order + " values (got "
          + Arrays.toString(minCount) + ")");
    }
    if (minCount.length > 0 && (minCount[0] < 0 || minCount[0] > 1)) {
      throw new IllegalArgumentException("minCount[0] must be 0 or 1, unigrams are never pruned (got "
          + minCount[0] + ")");
    }
    for (int i = 1; i < minCount.length; i++) {
      if (minCount[i] < minCount[i - 1] || minCount[i] < 0) {
        throw new IllegalArgumentException("minCount must be >= 0 and non-decreasing by order (got "
            + Arrays.toString(minCount) + ")");
      }
    }
    if (maxVocab < 0) {
      throw new IllegalArgumentException("maxVocab must be >= 0, 0 = unlimited (got " + maxVocab + ")");
    }
    if (minWordCount < 1) {
      throw new IllegalArgumentException("minWordCount must be >= 1 (got " + minWordCount + ")");
    }
    Objects.requireNonNull(tmpDir, "tmpDir");
  }

  /** An unpruned build of {@code order} with the default memory budget and an unlimited vocabulary. */
  public static LmBuildConfig of(int order, Path tmpDir) {
    return new LmBuildConfig(order, DEFAULT_MEMORY_BYTES, new int[0], 0, 1, tmpDir);
  }

  public LmBuildConfig withMemoryBytes(long bytes) {
    return new LmBuildConfig(order, bytes, minCount, maxVocab, minWordCount, tmpDir);
  }

  public LmBuildConfig withMinCount(int... counts) {
    return new LmBuildConfig(order, memoryBytes, counts, maxVocab, minWordCount, tmpDir);
  }

  public LmBuildConfig withMaxVocab(int words) {
    return new LmBuildConfig(order, memoryBytes, minCount, words, minWordCount, tmpDir);
  }

  public LmBuildConfig withMinWordCount(long count) {
    return new LmBuildConfig(order, memoryBytes, minCount, maxVocab, count, tmpDir);
  }

  @Override
  public int[] minCount() {
    return minCount.clone();
  }

  /** The cut-off for order {@code n} (1-based); 0 when not pruning. */
  public int minCount(int n) {
    return minCount.length == 0 ? 0 : minCount[n - 1];
  }

  /** True when some order has a cut-off above 1. */
  public boolean prunes() {
    for (int c : minCount) {
      if (c > 1) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LmBuildConfig c && order == c.order && memoryBytes == c.memoryBytes
        && Arrays.equals(minCount, c.minCount) && maxVocab == c.maxVocab && minWordCount == c.minWordCount
        && tmpDir.equals(c.tmpDir);
  }

  @Override
  public int hashCode() {
    return Objects.hash(order, memoryBytes, Arrays.hashCode(minCount), maxVocab, minWordCount, tmpDir);
  }

  @Override
  public String toString() {
    return "LmBuildConfig[order=" + order + ", memoryBytes=" + memoryBytes + ", minCount="
        + Arrays.toString(minCount) + ", maxVocab=" + maxVocab + ", minWordCount=" + minWordCount
        + ", tmpDir=" + tmpDir + "]";
  }
}
