package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

/**
 * {@link ChannelWeights#writtenOriginalBonus()}: a candidate whose original is written as it is
 * elsewhere in the document costs less to put in.
 */
class WrittenOriginalTest {
  static final CountingLm lm = RestorerTest.toyLm();
  static final ToyThesaurus thesaurus = RestorerTest.toyThesaurus();

  static Restorer restorer(double bonus) {
    return Restorer.builder(lm).candidates(thesaurus).weights(ChannelWeights.DEFAULTS
        .with("writtenOriginalBonus", bonus).with("selfTrainingRounds", 0)).build();
  }

  /** "company" is written in the second sentence: "business" in the first is put back to it. */
  static final String WRITTEN = "The business reported strong earnings. Analysts praised the company.";

  @Test
  void offTheSurfaceStays() {
    assertEquals(WRITTEN, restorer(0).restore(WRITTEN).text());
  }

  @Test
  void anOriginalWrittenElsewhereIsPutBack() {
    assertEquals("The company reported strong earnings. Analysts praised the company.",
        restorer(1.0).restore(WRITTEN).text());
  }

  @Test
  void withoutTheOriginalWrittenNothingChanges() {
    String text = "The business reported strong earnings. Analysts praised the results.";
    assertEquals(text, restorer(1.0).restore(text).text());
  }

  @Test
  void aSurfaceWrittenElsewhereTooGetsLess() {
    // "company" once. "firm" once: the whole bonus, and the last sentence is put back. "business"
    // twice (one other occurrence for each): half of it, and the last one stays.
    String tail = " reported strong earnings. Analysts praised the company. Analysts praised the ";
    assertEquals("The company" + tail + "company.", restorer(1.0).restore("The business" + tail + "firm.").text());
    assertEquals("The company" + tail + "business.",
        restorer(1.0).restore("The business" + tail + "business.").text());
  }

  @Test
  void aRepeatedSurfaceWithoutTheOriginalStays() {
    // "enterprise" twice and "company" never: no bonus at all.
    String text = "The enterprise reported strong earnings. Analysts praised the enterprise.";
    assertEquals(text, restorer(4.0).restore(text).text());
  }

  @Test
  void theBonusStaysWithItsDocument() {
    // One restorer (one span cache) for both: the bonus the first document gave "company" at
    // "business" must not reach the second, where "company" is not written.
    Restorer r = restorer(1.0);
    assertEquals("The company reported strong earnings. Analysts praised the company.", r.restore(WRITTEN).text());
    String other = "The business reported strong earnings. Analysts praised the results.";
    assertEquals(other, r.restore(other).text());
  }
}
