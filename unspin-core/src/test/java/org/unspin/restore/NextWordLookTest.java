package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

/**
 * {@link ChannelWeights#firstLookNextWord()}: the cut after the first look ranks a one-word
 * candidate by the input word after it too, not by its left context alone.
 */
class NextWordLookTest {
  static final CountingLm lm = RestorerTest.toyLm();
  /** Both "company" and "stock" list "inventory"; only one candidate a token goes past the first look. */
  static final ToyThesaurus thesaurus = ToyThesaurus.of(Map.of("company", List.of("inventory"),
      "stock", List.of("inventory")));

  static Restorer restorer(int nextWord) {
    return Restorer.builder(lm).candidates(thesaurus).weights(ChannelWeights.DEFAULTS
        .with("firstLookPerPosition", 1).with("firstLookNextWord", nextWord).with("selfTrainingRounds", 0)).build();
  }

  /** After "of the" the toy corpus has "company", never "stock"; before "market" it has only "stock". */
  static final String SPUN = "Shares of the inventory market rose.";

  @Test
  void theLeftContextAloneLetsTheWrongCandidateThrough() {
    assertEquals("Shares of the company market rose.", restorer(0).restore(SPUN).text());
  }

  @Test
  void theNextWordLetsTheRightOneThrough() {
    assertEquals("Shares of the stock market rose.", restorer(1).restore(SPUN).text());
  }
}
