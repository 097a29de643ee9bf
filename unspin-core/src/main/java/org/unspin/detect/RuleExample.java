package org.unspin.detect;

import java.util.Objects;

/**
 * An example text of a {@link Rule}.
 *
 * @param text the example
 * @param spun true when the rule must fire on it, false when it must stay silent
 */
public record RuleExample(String text, boolean spun) {
  public RuleExample {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank (got '" + text + "')");
    }
  }

  /** An example the rule must fire on. */
  public static RuleExample spun(String text) {
    return new RuleExample(text, true);
  }

  /** An example the rule must not fire on. */
  public static RuleExample clean(String text) {
    return new RuleExample(text, false);
  }
}
