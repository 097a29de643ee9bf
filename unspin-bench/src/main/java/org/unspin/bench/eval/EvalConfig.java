package org.unspin.bench.eval;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Split;

/**
 * What one evaluation run measures.
 *
 * @param corpora the corpora directory (see docs/eval-corpora.md)
 * @param sources the corpora used, not empty; read in enum order
 * @param split the split the documents come from (test for reported figures, dev while tuning)
 * @param documents how many documents of the split are sampled (seeded), {@code >= 2}
 * @param rates the spinner replacement rates, each in {@code (0, 1]}, not empty
 * @param settings known and/or unknown spinner, not empty
 * @param holdOut share of lexicon entries held out for the unknown spinner, in {@code (0, 1)}
 * @param seed seed of the sample, the held-out entries and every spinner
 * @param threads worker threads, {@code >= 1}
 */
public record EvalConfig(Path corpora, Set<CorpusSource> sources, Split split, int documents, List<Double> rates,
    List<EvalSetting> settings, double holdOut, long seed, int threads) {

  /** The rates of issue 4: 10%, 20%, 40%, 60%, 80%. */
  public static final List<Double> DEFAULT_RATES = List.of(0.1, 0.2, 0.4, 0.6, 0.8);
  /** Share of entries the unknown spinner draws from and the restorer does not know. */
  public static final double DEFAULT_HOLD_OUT = 0.25;

  public EvalConfig {
    Objects.requireNonNull(corpora, "corpora");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("sources must not be empty");
    }
    // enum order, not Set.copyOf: its iteration order changes from one JVM to the next, and the
    // sources' order decides which documents the seeded sample takes
    sources = Collections.unmodifiableSet(EnumSet.copyOf(sources));
    Objects.requireNonNull(split, "split");
    if (documents < 2) {
      throw new IllegalArgumentException("documents must be >= 2 (got " + documents + ")");
    }
    rates = List.copyOf(rates);
    if (rates.isEmpty()) {
      throw new IllegalArgumentException("rates must not be empty");
    }
    for (double r : rates) {
      if (!(r > 0 && r <= 1)) {
        throw new IllegalArgumentException("rates must be in (0, 1] (got " + r + ")");
      }
    }
    settings = List.copyOf(settings);
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("settings must not be empty");
    }
    if (!(holdOut > 0 && holdOut < 1)) {
      throw new IllegalArgumentException("holdOut must be in (0, 1) (got " + holdOut + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
  }
}
