package org.unspin.api;

import java.util.Objects;

/**
 * A span of the input that looks spun, with its likely original and the rule that flagged it.
 *
 * @param start UTF-16 offset into the input, inclusive
 * @param end UTF-16 offset into the input, exclusive
 * @param text the input text at that range
 * @param suggestion the likely original wording
 * @param confidence probability in {@code [0, 1]} that this span was spun
 * @param ruleId stable ID of the rule that produced the finding (see the rule catalogue in docs/)
 */
public record Finding(int start, int end, String text, String suggestion, double confidence, String ruleId) {
  public Finding {
    new TextSpan(start, end);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(suggestion, "suggestion");
    Objects.requireNonNull(ruleId, "ruleId");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] (got " + confidence + ")");
    }
  }
}
