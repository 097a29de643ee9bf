package org.unspin.channel;

import java.util.Objects;

/**
 * A spun text and the original it was made from, for learning and evaluation.
 *
 * @param id a name for messages and output records (non-null, may be empty)
 * @param spun the spinner's output
 * @param original the text before spinning
 * @param weight how much the pair counts when learning, in {@code (0, 1]} (below 1 for uncertain pairs)
 */
public record TextPair(String id, String spun, String original, double weight) {
  public TextPair {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spun, "spun");
    Objects.requireNonNull(original, "original");
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight must be in (0, 1] (got " + weight + ")");
    }
  }

  public TextPair(String id, String spun, String original) {
    this(id, spun, original, 1.0);
  }
}
