package org.unspin.channel;

import java.util.Objects;
import java.util.Random;

/**
 * The habits of one simulated spinner (see {@link SpinSimulator}).
 *
 * @param rate the share of eligible words and phrases replaced, in {@code [0, 1]} (real spinners:
 *     0.1 to 0.8)
 * @param choice which synonym is used
 * @param morphologyErrorRate how often an irregular participle is re-inflected as a past tense, in
 *     {@code [0, 1]}
 * @param mangleNames whether capitalized words inside a sentence (names) are replaced too
 * @param maxPhraseWords the longest dictionary phrase looked up, 1..3 (longest match first)
 * @param consistent whether the spinner decides once per dictionary entry and text (replace or
 *     keep, and which synonym) and repeats that at every occurrence, as a spinner with a fixed
 *     dictionary does; otherwise every occurrence is decided anew
 * @param protectClosedClasses whether words and phrases made only of closed-class words ({@link
 *     ClosedClassWords}: prepositions, articles, conjunctions, forms of "be" and "have", modals)
 *     are left alone, as spinners with a stop list do; otherwise they are spun like any entry
 */
public record SimulatorConfig(double rate, Choice choice, double morphologyErrorRate, boolean mangleNames,
    int maxPhraseWords, boolean consistent, boolean protectClosedClasses) {

  /** Which of the listed synonyms the spinner writes. */
  public enum Choice {
    /** Always the first (most common sense): the habit of the simplest spinners. */
    FIRST,
    /** A random one for each occurrence. */
    RANDOM
  }

  public SimulatorConfig {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1] (got " + rate + ")");
    }
    Objects.requireNonNull(choice, "choice");
    if (!(morphologyErrorRate >= 0 && morphologyErrorRate <= 1)) {
      throw new IllegalArgumentException("morphologyErrorRate must be in [0, 1] (got " + morphologyErrorRate + ")");
    }
    if (maxPhraseWords < 1 || maxPhraseWords > 3) {
      throw new IllegalArgumentException("maxPhraseWords must be in [1, 3] (got " + maxPhraseWords + ")");
    }
  }

  /** A spinner that decides every occurrence anew and spins closed-class words too. */
  public SimulatorConfig(double rate, Choice choice, double morphologyErrorRate, boolean mangleNames,
      int maxPhraseWords) {
    this(rate, choice, morphologyErrorRate, mangleNames, maxPhraseWords, false, false);
  }

  /** The same spinner, deciding once per dictionary entry and text when {@code consistent}. */
  public SimulatorConfig withConsistent(boolean consistent) {
    return new SimulatorConfig(rate, choice, morphologyErrorRate, mangleNames, maxPhraseWords, consistent,
        protectClosedClasses);
  }

  /** The same spinner, replacing capitalized words inside a sentence (names) too when {@code mangle}. */
  public SimulatorConfig withMangleNames(boolean mangle) {
    return new SimulatorConfig(rate, choice, morphologyErrorRate, mangle, maxPhraseWords, consistent,
        protectClosedClasses);
  }

  /** The same spinner, leaving closed-class words alone when {@code protect}. */
  public SimulatorConfig withProtectClosedClasses(boolean protect) {
    return new SimulatorConfig(rate, choice, morphologyErrorRate, mangleNames, maxPhraseWords, consistent, protect);
  }

  /**
   * The same spinner, leaving closed-class words alone for a seeded share of texts: when a coin
   * drawn from {@code seed} (a text's spin seed) falls below {@code share}, as the trainers' {@code
   * --protect-share} does; otherwise this spinner unchanged.
   */
  public SimulatorConfig withProtectClosedClasses(double share, long seed) {
    boolean protect = share > 0 && new java.util.SplittableRandom(seed ^ 0x6A09E667F3BCC909L).nextDouble() < share;
    return protect ? withProtectClosedClasses(true) : this;
  }

  /** A spinner with the given rate and choice, half its irregular participles wrong, names mangled. */
  public static SimulatorConfig of(double rate, Choice choice) {
    return new SimulatorConfig(rate, choice, 0.5, true, 3);
  }

  /**
   * A randomized spinner: rate uniform in [0.1, 0.8], first or random synonym, a morphology error
   * rate uniform in [0, 1], names mangled or not.
   */
  public static SimulatorConfig random(long seed) {
    // java.util.Random's first double barely moves between consecutive seeds (0.6754, 0.6756, ...),
    // which gave every document of a seeded batch the same rate; SplittableRandom mixes the seed.
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    return new SimulatorConfig(0.1 + 0.7 * r.nextDouble(), r.nextBoolean() ? Choice.FIRST : Choice.RANDOM,
        r.nextDouble(), r.nextBoolean(), 3);
  }
}
