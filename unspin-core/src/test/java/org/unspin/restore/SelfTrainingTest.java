package org.unspin.restore;

import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Document self-training: a spinner's habit seen with confidence elsewhere tips a weak case. */
class SelfTrainingTest {
  static final CountingLm lm = RestorerTest.toyLm();
  static final ToyThesaurus thesaurus = RestorerTest.toyThesaurus();

  static final String DOC = "The inventory market fell sharply on Monday. Investors watched the inventory market "
      + "closely. The inventory market closed higher on Friday. Traders sold inventory on Monday.";

  @Test
  void aDocumentWithManyStrictEditsKeepsItsSelfTrainingRateAboveTheFloor() {
    ChannelWeights w = ChannelWeights.DEFAULTS.with("spunRateGate", 0.04).with("spunRateFactor", 4);
    // Under the gate the document's own estimate stands, however low.
    assertEquals(0.05, Restorer.selfTrainingRate(0.05, 0.039, w), 0.0);
    // From the gate on, not below 4 x the share of strict edits...
    assertEquals(0.2, Restorer.selfTrainingRate(0.05, 0.05, w), 1e-12);
    // ...nor above the prior (0.3) because of the floor; a higher estimate stands.
    assertEquals(0.3, Restorer.selfTrainingRate(0.05, 0.2, w), 0.0);
    assertEquals(0.45, Restorer.selfTrainingRate(0.45, 0.2, w), 0.0);
    // Off (the defaults): the estimate stands.
    assertEquals(0.05, Restorer.selfTrainingRate(0.05, 0.5, ChannelWeights.DEFAULTS), 0.0);
  }

  @Test
  void weakCaseIsLeftAloneWithoutSelfTraining() {
    Restorer r = Restorer.builder(lm).candidates(thesaurus)
        .weights(ChannelWeights.DEFAULTS.with("selfTrainingRounds", 0)).build();
    RestoredText out = r.restore(DOC);
    assertEquals(3, out.edits().size(), out.edits()::toString);
    assertTrue(out.text().endsWith("Traders sold inventory on Monday."), out.text());
  }

  @Test
  void weakCaseFollowsTheDocumentsHabitAfterSelfTraining() {
    Restorer r = Restorer.builder(lm).candidates(thesaurus)
        .weights(ChannelWeights.DEFAULTS.with("selfTrainingRounds", 1)).build();
    RestoredText out = r.restore(DOC);
    assertEquals(4, out.edits().size(), out.edits()::toString);
    assertTrue(out.text().endsWith("Traders sold stock on Monday."), out.text());
  }

  @Test
  void aLoneWeakCaseStaysWithoutEvidenceElsewhere() {
    Restorer r0 = Restorer.builder(lm).candidates(thesaurus)
        .weights(ChannelWeights.DEFAULTS.with("selfTrainingRounds", 0)).build();
    Restorer r2 = Restorer.builder(lm).candidates(thesaurus)
        .weights(ChannelWeights.DEFAULTS.with("selfTrainingRounds", 2)).build();
    String text = "Traders sold inventory on Monday. The stock market fell sharply.";
    assertEquals(text, r0.restore(text).text());
    assertEquals(text, r2.restore(text).text());
  }
}
