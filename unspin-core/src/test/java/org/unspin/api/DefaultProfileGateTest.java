package org.unspin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unspin.restore.RestoredText;

/**
 * The shipped tortured-phrase profile takes part at full strength in the texts that show its
 * spinner's signature (a phrase of its list) and priced dearer in others, such as clean news, where
 * its habits ("fuel" for "gasoline") are wrong changes.
 */
class DefaultProfileGateTest {
  /** Clean news (written for this test) that the profile's "gasoline" -> "fuel" habit edits. */
  static final String NEWS = "Refiners made more gasoline than drivers bought this spring, traders said. Gasoline"
      + " stocks rose for a fifth week, and analysts expect gasoline prices to stay low until the summer driving"
      + " season.";
  /** The same with a phrase of the tortured-phrase list ("information mining"). */
  static final String LISTED = NEWS + " The forecast relies on information mining of shipping records.";

  static boolean fuel(RestoredText r) {
    return r.edits().stream().anyMatch(e -> e.suggestion().equalsIgnoreCase("fuel"));
  }

  @Test
  void theProfileIsWeakInCleanNewsAndFullWhereItsListMatches() {
    try (Unspin gated = Unspin.withDefaults();
        Unspin everywhere = Unspin.builder().defaultProfileEverywhere(true).build();
        Unspin none = Unspin.builder().defaultProfile(false).build()) {
      assertTrue(fuel(everywhere.restore(NEWS)), "the habit the gate keeps out: " + everywhere.restore(NEWS).edits());
      assertFalse(fuel(gated.restore(NEWS)), () -> gated.restore(NEWS).edits().toString());
      assertTrue(fuel(gated.restore(LISTED)), () -> gated.restore(LISTED).edits().toString());
      assertFalse(fuel(none.restore(LISTED)), () -> none.restore(LISTED).edits().toString());
    }
  }

  @Test
  void theListsOwnPhrasesAreRestoredToItsWordingWithTheShippedProfile() {
    // "bunch size" and "co2 emanation" are phrases of the shipped list; a model of general text finds "group
    // size" likelier than the listed "batch size", and the LM form of "CO2" is "co0" (the list's "CO2" keeps its
    // capitals, which are its own, not the sentence's)
    String text = "We set the bunch size to 64 and measured the co2 emanation of each run.";
    try (Unspin gated = Unspin.withDefaults(); Unspin everywhere = Unspin.builder().defaultProfileEverywhere(true)
        .build(); Unspin none = Unspin.builder().defaultProfile(false).build()) {
      String want = "We set the batch size to 64 and measured the CO2 emission of each run.";
      assertEquals(want, gated.restore(text).text());
      assertEquals(want, everywhere.restore(text).text());
      assertFalse(none.restore(text).text().contains("batch size"), () -> none.restore(text).text());
    }
  }

  /**
   * In a text with the list's signature the language model is interpolated with a model of the
   * list's wordings, the field's terms: "crude sign" is the spinner's "raw signal", which a model
   * of general text alone reads as "crude signal".
   */
  @Test
  void theListsWordingsAsTermsInTheTextsWithItsSignature() {
    String text = "We set the bunch size to 64. The crude sign was sampled at 1 kHz.";
    try (Unspin terms = Unspin.withDefaults(); Unspin none = Unspin.builder().termsWeight(0).build()) {
      assertEquals("We set the batch size to 64. The raw signal was sampled at 1 kHz.", terms.restore(text).text());
      assertEquals("We set the batch size to 64. The crude signal was sampled at 1 kHz.", none.restore(text).text());
      String clean = "The crude sign was sampled at 1 kHz.";
      assertEquals(none.restore(clean).text(), terms.restore(clean).text(), "no signature, no terms");
    }
    assertThrows(IllegalArgumentException.class, () -> Unspin.builder().termsWeight(1));
    assertThrows(IllegalArgumentException.class, () -> Unspin.builder().termsWeight(-0.1));
  }
}
