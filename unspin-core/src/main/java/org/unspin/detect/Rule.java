package org.unspin.detect;

import java.util.List;
import org.unspin.api.Finding;

/**
 * One detection signal (STYLE.md habit 5): it looks at a {@link RuleContext} and reports
 * {@link Finding}s carrying its {@link #id()}. Rules are lenient on content: they never throw
 * because of what the text says, only for programmer errors.
 *
 * <p>{@link #examples()} are part of the contract: a parameterized test runs every rule on its
 * examples; a spun example must make the rule fire, a clean one must not. Rules that read the
 * restoration or the language model are checked with the test fixture models (a toy LM trained on
 * a few dozen market-news sentences and a toy thesaurus), so their examples use that vocabulary.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Rule {

  /** Stable upper-case ID, used in reports, configuration and feature names. Never changes. */
  String id();

  /** One sentence saying what the rule looks for, for reports and {@code --help}. */
  String description();

  /** Example texts: at least one spun (must fire) and one clean (must not). */
  List<RuleExample> examples();

  /** Adds this rule's findings on {@code context} to {@code out}, in text order. */
  void check(RuleContext context, List<Finding> out);
}
