package org.unspin.detect;

import java.util.List;
import org.unspin.api.Edit;
import org.unspin.api.Finding;

/**
 * {@code RESTORATION_EDIT}: the restorer changed a span with a posterior of at least
 * {@link DetectorConfig#editConfidence()}. The finding carries the edit's suggestion and posterior.
 */
public final class RestorationEditRule implements Rule {
  public static final String ID = "RESTORATION_EDIT";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "The restorer confidently replaced a word or phrase with a likelier original.";
  }

  @Override
  public List<RuleExample> examples() {
    return List.of(
        RuleExample.spun("The inventory market fell sharply on Monday."),
        RuleExample.spun("The central financial institution raised interest rates."),
        RuleExample.clean("The stock market fell sharply on Monday."),
        RuleExample.clean("The central bank raised interest rates."));
  }

  @Override
  public void check(RuleContext context, List<Finding> out) {
    double min = context.config().editConfidence();
    for (Edit e : context.restoration().edits()) {
      if (e.confidence() >= min) {
        out.add(new Finding(e.start(), e.end(), e.surface(), e.suggestion(), e.confidence(), ID));
      }
    }
  }
}
