package org.unspin.lm;

import java.util.Arrays;

/**
 * Per-order codebooks for log10 probabilities and back-off weights.
 *
 * <p>Method (equal-population binning, as in KenLM's quantizer): the values to encode are sorted and
 * cut into {@code levels} bins that each hold the same number of values; a bin's centre is the
 * mean of its values. When there are no more distinct values than levels, the distinct values
 * themselves are the codebook, so small models are stored exactly. A value is encoded as the
 * nearest centre. Back-off codebooks always hold an exact {@code 0.0} (no back-off penalty), used
 * by the many n-grams that have no back-off and by blank entries; zeros do not take part in the
 * binning.
 *
 * @lucene.internal
 */
final class Quantizer {
  private Quantizer() {}

  /**
   * A sorted codebook of at most {@code levels} floats for {@code values[0, count)}.
   *
   * @param withZero whether exact {@code 0.0} must be one of the centres
   */
  static float[] codebook(float[] values, int count, int levels, boolean withZero) {
    float[] v = new float[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (!(withZero && values[i] == 0f)) {
        v[n++] = values[i];
      }
    }
    Arrays.sort(v, 0, n);
    int bins = withZero ? levels - 1 : levels;
    float[] centres;
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || v[i] != v[i - 1]) {
        distinct++;
      }
    }
    if (distinct <= bins) {
      centres = new float[distinct];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || v[i] != v[i - 1]) {
          centres[k++] = v[i];
        }
      }
    } else {
      centres = new float[bins];
      int k = 0;
      for (int b = 0; b < bins; b++) {
        int lo = (int) ((long) b * n / bins);
        int hi = (int) ((long) (b + 1) * n / bins);
        if (hi <= lo) {
          continue;
        }
        double sum = 0;
        for (int i = lo; i < hi; i++) {
          sum += v[i];
        }
        float c = (float) (sum / (hi - lo));
        if (k == 0 || c != centres[k - 1]) {
          centres[k++] = c;
        }
      }
      centres = Arrays.copyOf(centres, k);
    }
    if (withZero) {
      float[] z = Arrays.copyOf(centres, centres.length + 1);
      z[centres.length] = 0f;
      Arrays.sort(z);
      centres = dedupe(z);
    }
    return centres;
  }

  private static float[] dedupe(float[] sorted) {
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (k == 0 || sorted[i] != sorted[k - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, k);
  }

  /** The index of the centre nearest to {@code value} in the sorted {@code codebook}. */
  static int encode(float[] codebook, float value) {
    int i = Arrays.binarySearch(codebook, value);
    if (i >= 0) {
      return i;
    }
    int ins = -i - 1;
    if (ins == 0) {
      return 0;
    }
    if (ins == codebook.length) {
      return codebook.length - 1;
    }
    return value - codebook[ins - 1] <= codebook[ins] - value ? ins - 1 : ins;
  }
}
