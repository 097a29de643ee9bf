package org.unspin.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits {@link ChannelWeights} by coordinate ascent on (spun, original) pairs, such as the channel
 * simulator's output: each named parameter in turn is moved up and down by 1, 2, 4 and 8 times its
 * step (the objective is piecewise constant), the best improving move is kept, and the steps halve
 * after a sweep without improvement.
 *
 * <p>Objective: the share of the spun texts' word errors that restoration removes, i.e.
 * {@code (sum d(spun, original) - sum d(restored, original)) / sum d(spun, original)} over the
 * spun pairs, with {@code d} the word-level edit distance on LM forms, minus
 * {@code overEditWeight} times the over-edit rate (errors added per word) on the clean pairs
 * ({@code spun == original}). Without clean pairs a fit drifts towards changing too much.
 *
 * <p>Not thread-safe; cost is one restoration of all pairs per trial.
 */
public final class ChannelFitter {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelFitter.class);

  /** A spun text and the original it was made from. */
  public record Pair(String spun, String original) {
    public Pair {
      Objects.requireNonNull(spun, "spun");
      Objects.requireNonNull(original, "original");
    }
  }

  /** A parameter to fit and its initial step. */
  public record Dimension(String name, double step) {
    public Dimension {
      ChannelWeights.DEFAULTS.get(name); // validates the name
      if (!(step > 0)) {
        throw new IllegalArgumentException("step must be > 0 (got " + step + " for " + name + ")");
      }
    }
  }

  /** The result: the best weights and their objective, with the starting objective for comparison. */
  public record Result(ChannelWeights weights, double objective, double startObjective, int trials) {}

  /** The parameters that matter most, with steps in log10 units. */
  public static final List<Dimension> DEFAULT_DIMENSIONS = List.of(
      new Dimension("thesaurusBase", 0.5),
      new Dimension("fanoutWeight", 0.25),
      new Dimension("senseRankCost", 0.1),
      new Dimension("replacementRate", 0.1),
      new Dimension("lengthChangeCost", 0.2),
      new Dimension("capitalizedCost", 0.5),
      new Dimension("contextBase", 0.5));

  private final Function<ChannelWeights, Restorer> factory;
  private final List<Pair> pairs;
  private final int maxSweeps;
  private final double overEditWeight;
  private int threads = 1;

  /** Default weight of the clean-text over-edit rate: 0.5% over-edits cost 10 points. */
  public static final double DEFAULT_OVER_EDIT_WEIGHT = 20;

  /** A fitter with {@link #DEFAULT_OVER_EDIT_WEIGHT}. */
  public ChannelFitter(Function<ChannelWeights, Restorer> factory, List<Pair> pairs, int maxSweeps) {
    this(factory, pairs, maxSweeps, DEFAULT_OVER_EDIT_WEIGHT);
  }

  /**
   * @param factory builds a restorer (with its LM and candidate sources) for given weights
   * @param pairs training pairs; include clean ones ({@code spun == original})
   * @param maxSweeps upper bound on sweeps over all dimensions
   * @param overEditWeight penalty per unit of over-edit rate on the clean pairs
   */
  public ChannelFitter(Function<ChannelWeights, Restorer> factory, List<Pair> pairs, int maxSweeps,
      double overEditWeight) {
    if (!(overEditWeight >= 0)) {
      throw new IllegalArgumentException("overEditWeight must be >= 0 (got " + overEditWeight + ")");
    }
    this.overEditWeight = overEditWeight;
    this.factory = Objects.requireNonNull(factory, "factory");
    this.pairs = List.copyOf(pairs);
    if (this.pairs.isEmpty()) {
      throw new IllegalArgumentException("pairs must not be empty");
    }
    if (maxSweeps < 1) {
      throw new IllegalArgumentException("maxSweeps must be >= 1 (got " + maxSweeps + ")");
    }
    this.maxSweeps = maxSweeps;
  }

  /** Restores the pairs of one trial on {@code n} threads (default 1); the objective does not depend on it. */
  public ChannelFitter threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + n + ")");
    }
    this.threads = n;
    return this;
  }

  /** Fits {@code dimensions} starting from {@code start}. */
  public Result fit(ChannelWeights start, List<Dimension> dimensions) {
    double[] steps = dimensions.stream().mapToDouble(Dimension::step).toArray();
    ChannelWeights best = start;
    double bestScore = objective(start);
    double startScore = bestScore;
    int trials = 1;
    for (int sweep = 0; sweep < maxSweeps; sweep++) {
      boolean improved = false;
      for (int d = 0; d < dimensions.size(); d++) {
        String name = dimensions.get(d).name();
        // Line search: the objective is piecewise constant, so try 1, 2, 4 and 8 steps each way.
        ChannelWeights bestTrial = null;
        double bestTrialScore = bestScore;
        for (int sign = -1; sign <= 1; sign += 2) {
          for (int mult = 1; mult <= 8; mult *= 2) {
            ChannelWeights trial;
            try {
              trial = best.with(name, best.get(name) + sign * mult * steps[d]);
            } catch (IllegalArgumentException outOfRange) {
              break;
            }
            double score = objective(trial);
            trials++;
            if (score > bestTrialScore + 1e-9) {
              bestTrialScore = score;
              bestTrial = trial;
            }
          }
        }
        if (bestTrial != null) {
          best = bestTrial;
          bestScore = bestTrialScore;
          improved = true;
          LOG.debug("sweep {}: {}={} objective {}", sweep, name, best.get(name), bestScore);
        }
      }
      if (!improved) {
        boolean anyLeft = false;
        for (int d = 0; d < steps.length; d++) {
          steps[d] /= 2;
          anyLeft |= steps[d] >= dimensions.get(d).step() / 16;
        }
        if (!anyLeft) {
          break;
        }
      }
    }
    LOG.info(String.format(Locale.ROOT, "channel fit: objective %.4f -> %.4f in %d trials", startScore,
        bestScore, trials));
    return new Result(best, bestScore, startScore, trials);
  }

  /** The objective (see the class javadoc) of restoring the pairs with {@code weights}. */
  public double objective(ChannelWeights weights) {
    Restorer r = factory.apply(weights);
    long[][] per = new long[pairs.size()][];
    java.util.function.IntConsumer one = i -> {
      Pair p = pairs.get(i);
      String[] orig = words(p.original());
      int d = distance(words(r.restore(p.spun()).text()), orig);
      per[i] = p.spun().equals(p.original()) ? new long[] {0, 0, orig.length, d}
          : new long[] {distance(words(p.spun()), orig), d, 0, 0};
    };
    if (threads == 1) {
      for (int i = 0; i < per.length; i++) {
        one.accept(i);
      }
    } else {
      java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
      try {
        pool.submit(() -> java.util.stream.IntStream.range(0, per.length).parallel().forEach(one)).join();
      } finally {
        pool.shutdown();
      }
    }
    long before = 0;
    long after = 0;
    long cleanWords = 0;
    long cleanErrors = 0;
    for (long[] v : per) {
      before += v[0];
      after += v[1];
      cleanWords += v[2];
      cleanErrors += v[3];
    }
    double removed = before == 0 ? 0 : (double) (before - after) / before;
    double overEdits = cleanWords == 0 ? 0 : (double) cleanErrors / cleanWords;
    return removed - overEditWeight * overEdits;
  }

  static String[] words(String text) {
    List<String> out = new ArrayList<>();
    for (InputToken t : AnalyzedTokens.of(text)) {
      if (t.kind() != TokenKind.PUNCT) {
        out.add(t.lmForm());
      }
    }
    return out.toArray(new String[0]);
  }

  /** Word-level Levenshtein distance. */
  static int distance(String[] a, String[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int sub = prev[j - 1] + (a[i - 1].equals(b[j - 1]) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }
}
