package org.unspin.bench.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.api.Edit;
import org.unspin.detect.DetectorTrainer;
import org.unspin.text.LmText;

/**
 * The metric functions of the evaluation harness, each a pure function of its arguments (see
 * docs/evaluation.md for what each figure means). Thread-safe.
 */
public final class EvalMetrics {
  private EvalMetrics() {}

  /**
   * The words of {@code text} as the language model sees them ({@link LmText}: lower case, digits as
   * {@code 0}, clitics split), without punctuation: a form is a word when it holds a letter or digit.
   */
  public static String[] words(CharSequence text) {
    List<String> out = new ArrayList<>();
    LmText.forEachSentence(text, (forms, count) -> {
      for (int i = 0; i < count; i++) {
        if (isWord(forms[i])) {
          out.add(forms[i]);
        }
      }
    });
    return out.toArray(new String[0]);
  }

  private static boolean isWord(String form) {
    for (int i = 0; i < form.length(); i++) {
      if (Character.isLetterOrDigit(form.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Word-level Levenshtein distance: the fewest substitutions, insertions and deletions of whole
   * words that turn {@code reference} into {@code hypothesis}. Two rows of memory.
   */
  public static int editDistance(String[] reference, String[] hypothesis) {
    int m = hypothesis.length;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (String r : reference) {
      cur[0] = prev[0] + 1;
      for (int j = 1; j <= m; j++) {
        int sub = prev[j - 1] + (r.equals(hypothesis[j - 1]) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /**
   * Word error rate of {@code hypothesis} against {@code reference}: {@link #editDistance} over the
   * reference's word count ({@link #words}); 0 when both are empty.
   */
  public static double wordErrorRate(String reference, String hypothesis) {
    String[] ref = words(reference);
    int d = editDistance(ref, words(hypothesis));
    return ref.length == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) d / ref.length;
  }

  /**
   * Span matches by overlap: a predicted span is right when it shares at least one character with
   * some true span, and a true span is found when some predicted span shares a character with it.
   * Spans are {@code [start, end)} pairs, {@code int[]{start, end}}, in any order.
   *
   * @return {@code {predicted spans that are right, true spans that are found}}
   */
  public static int[] overlapMatches(List<int[]> predicted, List<int[]> truth) {
    int right = 0;
    for (int[] p : predicted) {
      for (int[] t : truth) {
        if (overlaps(p, t)) {
          right++;
          break;
        }
      }
    }
    int found = 0;
    for (int[] t : truth) {
      for (int[] p : predicted) {
        if (overlaps(p, t)) {
          found++;
          break;
        }
      }
    }
    return new int[] {right, found};
  }

  private static boolean overlaps(int[] a, int[] b) {
    return a[0] < b[1] && b[0] < a[1];
  }

  /**
   * Whether restoration reverted a substitution: some edit covers the substitution's span
   * {@code [start, end)} of {@code spun} and its suggestion equals, ignoring case (Locale.ROOT), the
   * edit's text with the substitution replaced by {@code original}.
   */
  public static boolean reverts(List<Edit> edits, String spun, int start, int end, String original) {
    for (Edit e : edits) {
      if (e.start() <= start && e.end() >= end) {
        String expected = spun.substring(e.start(), start) + original + spun.substring(end, e.end());
        if (expected.toLowerCase(Locale.ROOT).equals(e.suggestion().toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code num / den}, NaN when {@code den} is 0. */
  public static double ratio(double num, double den) {
    return den == 0 ? Double.NaN : num / den;
  }

  /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is NaN. */
  public static double f1(double precision, double recall) {
    if (Double.isNaN(precision) || Double.isNaN(recall)) {
      return Double.NaN;
    }
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /**
   * ROC area under the curve of scores {@code p} against labels {@code y} (1 = positive), ties
   * counted half; NaN without both classes. Same function as {@code detect eval} uses.
   */
  public static double auc(double[] p, int[] y) {
    if (p.length != y.length) {
      throw new IllegalArgumentException("p and y must have the same length (got " + p.length + " and " + y.length
          + ")");
    }
    return DetectorTrainer.auc(p, y);
  }
}
