package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.channel.SpinnerProfile;

class SubstitutionCountsTest {
  private static SubstitutionCounts batch() {
    List<SubstitutionCounts.Entry> entries = List.of(
        new SubstitutionCounts.Entry("angstrom", "a", 9.0, 9, 4),
        new SubstitutionCounts.Entry("about", "of", 6.0, 6, 3),
        new SubstitutionCounts.Entry("about", "with", 2.0, 2, 2),
        new SubstitutionCounts.Entry("inventory", "stock", 1.5, 2, 2),
        new SubstitutionCounts.Entry("convertible", "such", 4.0, 4, 1), // one story's word, four times
        new SubstitutionCounts.Entry("a b c d", "e f g h i", 5.0, 5, 5));
    // "angstrom" was restored each time it occurs, "about" at 8 of its 32 occurrences
    return new SubstitutionCounts(entries, 1000, 23.5, 4, Map.of("angstrom", 9, "about", 32));
  }

  @Test
  void aProfileKeepsTheCountsFromTheLeastCountAndPhrasesItCanHold() {
    SpinnerProfile p = batch().toProfile("farm", "pages, 4 documents", "unknown", "2026-12-02", 2.0, 2);
    assertEquals(3, p.size());
    assertNull(p.entry("inventory", "stock")); // 1.5 < 2
    assertNull(p.entry("convertible", "such")); // one document
    assertNotNull(batch().toProfile("farm", "pages", "unknown", "unknown", 2.0, 1).entry("convertible", "such"));
    assertNull(p.entry("a b c d", "e f g h i")); // five words cannot be a profile's phrase
    assertEquals("batch-self-training", p.info().method());
    assertEquals(4, p.info().pairs());
    assertEquals(1000, p.info().eligible());
    assertEquals(24, p.info().changed());
    assertEquals(0.0235, p.info().replacementRate(), 1e-12);
    assertTrue(p.info().smoothing().contains(">= 2.0 in >= 2 documents"), p.info().smoothing());
  }

  @Test
  void aPhraseAProfileCannotHoldIsLeftOutWhateverTheWhitespace() {
    // the profile's own rule decides (SpinnerProfile.holdsPhrase): a line break or a carriage return is
    // left out of the profile, not a failure of the whole batch
    List<SubstitutionCounts.Entry> entries = List.of(
        new SubstitutionCounts.Entry("angstrom", "a", 9.0, 9, 4),
        new SubstitutionCounts.Entry("per\ncent", "percent", 3.0, 3, 3),
        new SubstitutionCounts.Entry("grand\rtotal", "total", 3.0, 3, 3),
        new SubstitutionCounts.Entry("Upper", "upper case", 3.0, 3, 3));
    SpinnerProfile p = new SubstitutionCounts(entries, 100, 18, 4, Map.of()).toProfile("farm", "pages", "unknown",
        "unknown", 2.0, 2);
    assertEquals(1, p.size());
    assertNotNull(p.entry("angstrom", "a"));
    assertTrue(SpinnerProfile.holdsPhrase("per cent"));
    assertTrue(!SpinnerProfile.holdsPhrase("per\ncent") && !SpinnerProfile.holdsPhrase("a  b")
        && !SpinnerProfile.holdsPhrase("Upper") && !SpinnerProfile.holdsPhrase("a b c d e")
        && !SpinnerProfile.holdsPhrase("") && !SpinnerProfile.holdsPhrase(null));
  }

  @Test
  void aSurfaceMostlyLeftAsItIsIsWorthLessThanOneAlwaysRestored() {
    SpinnerProfile p = batch().toProfile("farm", "pages", "unknown", "unknown", 1.0, 2);
    // Witten-Bell as from aligned pairs: p(s|o) = c / (c(o) + types(o))
    SpinnerProfile.Entry angstrom = p.entry("angstrom", "a");
    assertEquals(9.0 / 10.0, angstrom.pSurfaceGivenOriginal(), 1e-12);
    // p(o|s) = c / (c(s) + types(s)), times the share of the surface's occurrences restored (9 of 9)
    assertEquals(9.0 / 10.0, angstrom.pOriginalGivenSurface(), 1e-12);
    SpinnerProfile.Entry of = p.entry("about", "of");
    assertEquals(6.0 / 7.0, of.pSurfaceGivenOriginal(), 1e-12);
    assertEquals(6.0 / 10.0 * (8.0 / 32.0), of.pOriginalGivenSurface(), 1e-12);
    // occurrences not counted: no share
    SpinnerProfile.Entry stock = p.entry("inventory", "stock");
    assertNotNull(stock);
    assertEquals(1.5 / 2.5, stock.pOriginalGivenSurface(), 1e-12);
  }

  @Test
  void aLeastCountAndDocumentCountMustBePositive() {
    SubstitutionCounts c = batch();
    assertThrows(IllegalArgumentException.class, () -> c.toProfile("n", "s", "unknown", "unknown", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> c.toProfile("n", "s", "unknown", "unknown", Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> c.toProfile("n", "s", "unknown", "unknown", 1, 0));
    assertEquals(0, c.toProfile("n", "s", "unknown", "unknown", 100, 1).size());
    assertThrows(IllegalArgumentException.class, () -> new SubstitutionCounts.Entry("a", "b", 1, 1, 2));
  }
}
