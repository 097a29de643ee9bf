package org.unspin.channel;

import java.util.List;
import java.util.Objects;

/**
 * A spun text with its ground truth.
 *
 * @param id the document id
 * @param original the clean text
 * @param spun the spinner's output
 * @param substitutions every replacement, in text order; replacing each {@code original} span of the
 *     original text with its {@code spun} text gives exactly {@code spun}
 * @param eligible how many words and phrases the spinner could have replaced
 */
public record SpunText(String id, String original, String spun, List<Substitution> substitutions, int eligible) {
  public SpunText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(spun, "spun");
    substitutions = List.copyOf(substitutions);
    if (eligible < substitutions.size()) {
      throw new IllegalArgumentException("eligible must be >= the number of substitutions (got " + eligible + " < "
          + substitutions.size() + ")");
    }
  }

  /** Applies the substitutions to {@code original}; equals {@link #spun()} for a consistent record. */
  public String applySubstitutions() {
    StringBuilder sb = new StringBuilder(original.length());
    int pos = 0;
    for (Substitution s : substitutions) {
      sb.append(original, pos, s.originalStart()).append(s.spun());
      pos = s.originalEnd();
    }
    return sb.append(original, pos, original.length()).toString();
  }
}
