package org.unspin.lm;

import java.util.Locale;

/**
 * The three modified Kneser-Ney discounts of one order (Chen and Goodman 1998, eq. 26): with
 * {@code Y = n1 / (n1 + 2 n2)}, {@code D1 = 1 - 2Y n2/n1}, {@code D2 = 2 - 3Y n3/n2},
 * {@code D3+ = 3 - 4Y n4/n3}, where {@code nk} is the number of n-grams of the order whose adjusted
 * count is exactly k.
 *
 * <p>Fallback, exactly as KenLM's {@code lmplz --discount_fallback}: the estimates are undefined
 * when {@code n1}, {@code n2} or {@code n3} is 0 ({@code n4 = 0} is fine and gives {@code D3+ = 3})
 * and unusable outside {@code 0 <= Dk <= k}; both happen on small or unusual data. Then the whole
 * order uses {@link #FALLBACK} = (0.5, 1.0, 1.5), KenLM's default fallback, and {@link #fallback()}
 * is true.
 *
 * @param d1 discount of n-grams seen once
 * @param d2 discount of n-grams seen twice
 * @param d3 discount of n-grams seen three times or more
 * @param fallback true when the fallback values replaced the estimates
 */
public record KnDiscounts(double d1, double d2, double d3, boolean fallback) {

  /** The fallback discounts (0.5, 1.0, 1.5). */
  public static final KnDiscounts FALLBACK = new KnDiscounts(0.5, 1.0, 1.5, true);

  public KnDiscounts {
    if (!valid(d1, d2, d3)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "discounts must satisfy 0 <= Dk <= k (got %f, %f, %f)", d1, d2, d3));
    }
  }

  /** Estimates the discounts from count-of-counts {@code n[1..4]} ({@code n[0]} is ignored). */
  public static KnDiscounts estimate(long[] n) {
    if (n.length < 5) {
      throw new IllegalArgumentException("n needs indexes 1..4 (got length " + n.length + ")");
    }
    if (n[1] == 0 || n[2] == 0 || n[3] == 0) {
      return FALLBACK;
    }
    double y = n[1] / (n[1] + 2.0 * n[2]);
    double d1 = 1 - 2 * y * n[2] / n[1];
    double d2 = 2 - 3 * y * n[3] / n[2];
    double d3 = 3 - 4 * y * n[4] / n[3];
    return valid(d1, d2, d3) ? new KnDiscounts(d1, d2, d3, false) : FALLBACK;
  }

  private static boolean valid(double d1, double d2, double d3) {
    return d1 >= 0 && d1 <= 1 && d2 >= 0 && d2 <= 2 && d3 >= 0 && d3 <= 3;
  }

  /** The discount for an adjusted count: 0 for 0, else D1, D2 or D3+. */
  public double of(long count) {
    return count <= 0 ? 0 : count == 1 ? d1 : count == 2 ? d2 : d3;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.6f %.6f %.6f%s", d1, d2, d3, fallback ? " (fallback)" : "");
  }
}
