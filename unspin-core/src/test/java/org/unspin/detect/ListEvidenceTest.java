package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.channel.fingerprint.CleanCounts;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;

class ListEvidenceTest {
  private static final FingerprintMatcher SHIPPED = new FingerprintMatcher(FingerprintList.loadDefault());

  /** 1,000,000 clean words in which "heart ailments" matched 3 documents and "neural organization" 1. */
  private static final CleanCounts COUNTS = new CleanCounts(1_000_000, 500,
      Map.of("\"heart ailments\"", 3, "\"neural organization\"", 1), Map.of());

  @Test
  void poissonTailMatchesTheClosedFormsAndKeepsTinyValues() {
    assertEquals(1.0, ListEvidence.poissonTail(0, 0.3));
    assertEquals(0.0, ListEvidence.poissonTail(1, 0));
    for (double lambda : new double[] {1e-9, 1e-4, 0.05, 0.7, 3, 40}) {
      assertEquals(-Math.expm1(-lambda), ListEvidence.poissonTail(1, lambda), 1e-12 * Math.max(1, 1 / lambda) * lambda);
      double two = 1 - Math.exp(-lambda) * (1 + lambda);
      assertEquals(two, ListEvidence.poissonTail(2, lambda), Math.max(1e-15, Math.abs(two) * 1e-6));
    }
    assertEquals(1e-18 / 2, ListEvidence.poissonTail(2, 1e-9), 1e-24, "not lost to cancellation");
    assertTrue(ListEvidence.poissonTail(3, 0.01) < ListEvidence.poissonTail(2, 0.01));
  }

  @Test
  void twoSeldomEntriesAreTooManyForCleanTextOfTheirLength() {
    ListEvidence e = new ListEvidence(SHIPPED, COUNTS);
    assertEquals(2.0 / 1_000_000, e.seldomRate(), 1e-15, "the seldom entry's document and one more");
    String two = "We trained a neural organization for counterfeit consciousness on the data.";
    ListEvidence.Assessment a = e.assess(two, 12);
    assertEquals(2, a.matches());
    assertEquals(2, a.seldomEntries());
    assertEquals(ListEvidence.poissonTail(2, 12 * 2e-6), a.chance(), 1e-20);
    assertTrue(a.spun(), a::toString);
    ListEvidence.Assessment book = e.assess(two, 40_000);
    assertTrue(book.chance() > ListEvidence.MAX_CHANCE && !book.spun(), "in a long text two are chance: " + book);
  }

  @Test
  void oneEntryOrEntriesThatCleanTextAlsoUsesAreNotEnough() {
    ListEvidence e = new ListEvidence(SHIPPED, COUNTS);
    ListEvidence.Assessment one = e.assess("Models of counterfeit consciousness were trained on it.", 8);
    assertEquals(1, one.seldomEntries());
    assertTrue(one.chance() < 1e-4 && !one.spun(), "one entry alone never makes a text spun: " + one);
    ListEvidence.Assessment common = e.assess(
        "Heart ailments and a neural organization of counterfeit consciousness, and heart ailments again.", 14);
    assertEquals(4, common.matches());
    assertEquals(2, common.seldomEntries(), "'heart ailments' matched 3 clean documents: common");
    assertTrue(common.spun());
    assertFalse(e.assess("Heart ailments are common, and so are heart ailments.", 9).spun());
    ListEvidence.Assessment nested = e.assess("We trained a counterfeit neural organization on the data.", 9);
    assertEquals(3, nested.matches(), "'counterfeit neural organization', 'counterfeit neural', 'neural organization'");
    assertEquals(1, nested.seldomEntries(), "one stretch of text counts once");
    assertFalse(nested.spun());
    assertThrows(IllegalArgumentException.class, () -> e.assess("x", -1));
  }
}
