package org.unspin.detect;

import java.util.List;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.restore.InputToken;
import org.unspin.restore.RestoredText;

/**
 * {@code LM_IMPROBABLE_SPAN}: the language model finds the input far less probable around an edit
 * than the restored words: the summed per-token gain ({@link RestoredText#tokenGain(int)}) over the
 * edited tokens and the {@code order - 1} tokens after them (which gain through their history) is
 * at least {@link DetectorConfig#improbableGain()} log10 units. This fires on edits whose
 * posterior is modest but whose LM evidence is strong. Confidence is the logistic of the gain's
 * excess over the threshold in natural-log units, so 0.5 at the threshold.
 */
public final class LmImprobableSpanRule implements Rule {
  public static final String ID = "LM_IMPROBABLE_SPAN";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "The language model finds the words far less probable than the restored alternative.";
  }

  @Override
  public List<RuleExample> examples() {
    return List.of(
        RuleExample.spun("The inventory market fell sharply on Monday."),
        RuleExample.spun("The prime minister said the financial system is strong."),
        RuleExample.clean("The stock market fell sharply on Monday."),
        RuleExample.clean("The prime minister said the economy is strong."));
  }

  @Override
  public void check(RuleContext context, List<Finding> out) {
    RestoredText r = context.restoration();
    List<InputToken> tokens = r.tokens();
    int after = Math.max(0, context.lm().order() - 1);
    double threshold = context.config().improbableGain();
    int t = 0;
    for (Edit e : r.edits()) {
      while (t < tokens.size() && tokens.get(t).end() <= e.start()) {
        t++;
      }
      double gain = 0;
      int i = t;
      for (; i < tokens.size() && tokens.get(i).start() < e.end(); i++) {
        gain += r.tokenGain(i);
      }
      for (int k = 0; k < after && i < tokens.size() && !tokens.get(i).sentenceStart(); k++, i++) {
        gain += r.tokenGain(i);
      }
      if (gain >= threshold) {
        double confidence = 1 / (1 + Math.exp(-Math.log(10) * (gain - threshold)));
        out.add(new Finding(e.start(), e.end(), e.surface(), e.suggestion(), confidence, ID));
      }
    }
  }
}
