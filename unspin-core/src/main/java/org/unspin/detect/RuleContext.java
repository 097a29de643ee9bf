package org.unspin.detect;

import java.util.List;
import java.util.Objects;
import org.unspin.lm.LanguageModel;
import org.unspin.restore.InputToken;
import org.unspin.restore.RestoredText;

/**
 * What a {@link Rule} sees of one document: the text, its restoration (tokens, edits, per-token
 * LM gain) and the language model.
 *
 * @param text the input text; every offset is a UTF-16 index into it
 * @param restoration the restorer's result for {@code text}
 * @param lm the language model the restorer used
 * @param config detector settings (finding thresholds)
 */
public record RuleContext(String text, RestoredText restoration, LanguageModel lm, DetectorConfig config) {
  public RuleContext {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(restoration, "restoration");
    Objects.requireNonNull(lm, "lm");
    Objects.requireNonNull(config, "config");
    if (!restoration.input().equals(text)) {
      throw new IllegalArgumentException("restoration is of a different text (" + restoration.input().length()
          + " chars) than the text given (" + text.length() + " chars)");
    }
  }

  /** The tokens of the restoration. */
  public List<InputToken> tokens() {
    return restoration.tokens();
  }
}
