package org.unspin.detect;

import java.util.List;
import java.util.Objects;
import org.unspin.api.Finding;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintMatch;
import org.unspin.channel.fingerprint.FingerprintMatcher;

/**
 * {@code KNOWN_TORTURED_PHRASE}: the text contains a phrase of a tortured-phrase list (by default
 * the Problematic Paper Screener's, CC BY 4.0), such as "counterfeit consciousness" for "artificial
 * intelligence". The suggestion is the list's expected wording without its notes and {@code ?} marks
 * ({@link PpsPairs#cleanExpected}); the confidence is {@link Fingerprint#confidence()}.
 */
public final class KnownTorturedPhraseRule implements Rule {
  public static final String ID = "KNOWN_TORTURED_PHRASE";

  private final FingerprintMatcher matcher;

  /** A rule matching the fingerprints of {@code matcher}. */
  public KnownTorturedPhraseRule(FingerprintMatcher matcher) {
    this.matcher = Objects.requireNonNull(matcher, "matcher");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "A phrase from a list of known tortured phrases (e.g. 'counterfeit consciousness' for 'artificial"
        + " intelligence').";
  }

  @Override
  public List<RuleExample> examples() {
    return List.of(
        RuleExample.spun("We trained a model of counterfeit consciousness on the data."),
        RuleExample.spun("Results of profound learning beat deep learning baselines."),
        RuleExample.clean("We trained an artificial intelligence model on the data."),
        RuleExample.clean("The stock market fell sharply on Monday."));
  }

  @Override
  public void check(RuleContext context, List<Finding> out) {
    for (FingerprintMatch m : matcher.match(context.text())) {
      String expected = PpsPairs.cleanExpected(m.expected());
      if (expected.isEmpty()) {
        expected = m.expected().trim();
      }
      out.add(new Finding(m.start(), m.end(), m.text(), expected, m.fingerprint().confidence(), ID));
    }
  }
}
