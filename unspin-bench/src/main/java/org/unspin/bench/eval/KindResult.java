package org.unspin.bench.eval;

import java.util.List;
import java.util.Objects;

/**
 * How many of the simulator's substitutions of one kind the restorer reverted, in one cell.
 * Reverted: some restoration edit covers the substitution and its suggestion equals, ignoring case,
 * the covered text with the substitution put back to its original ({@link EvalMetrics#reverts}).
 *
 * @param setting the spinner setting (known, unknown, consistent, protected or sparing)
 * @param rate the spinner's replacement rate
 * @param kind the {@link org.unspin.channel.Substitution#kind()} ({@link #KINDS}, or {@code other})
 * @param substitutions how many substitutions of the kind the spun documents hold
 * @param reverted how many of them were reverted
 */
public record KindResult(EvalSetting setting, double rate, String kind, int substitutions, int reverted) {
  /** The simulator's kinds, in table order; anything else is counted as {@code other}. */
  public static final List<String> KINDS = List.of("word", "phrase", "inflected", "morphology", "name", "other");

  public KindResult {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(kind, "kind");
    if (reverted < 0 || reverted > substitutions) {
      throw new IllegalArgumentException("need 0 <= reverted <= substitutions (got " + reverted + ", "
          + substitutions + ")");
    }
  }

  /** Index of {@code kind} in {@link #KINDS}; unknown kinds map to {@code other}. */
  public static int index(String kind) {
    int i = KINDS.indexOf(kind);
    return i < 0 ? KINDS.size() - 1 : i;
  }

  /** reverted / substitutions, NaN without substitutions. */
  public double share() {
    return EvalMetrics.ratio(reverted, substitutions);
  }
}
