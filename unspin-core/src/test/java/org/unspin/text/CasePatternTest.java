package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CasePatternTest {
  @Test
  void detectsPatterns() {
    assertEquals(CasePattern.LOWER, CasePattern.of("bank"));
    assertEquals(CasePattern.TITLE, CasePattern.of("Bank"));
    assertEquals(CasePattern.UPPER, CasePattern.of("BANK"));
    assertEquals(CasePattern.MIXED, CasePattern.of("McDonald"));
    assertEquals(CasePattern.NONE, CasePattern.of("1999"));
    assertEquals(CasePattern.TITLE, CasePattern.of("A"));
    assertEquals(CasePattern.UPPER, CasePattern.of("U.S."));
    assertEquals(CasePattern.TITLE, CasePattern.of("\u01C5ungla")); // title-case digraph first
    assertEquals(CasePattern.UPPER, CasePattern.of("\u00C9T\u00C9"));
  }

  @Test
  void appliesPatternToAnotherWord() {
    assertEquals("Financial institution", CasePattern.TITLE.apply("financial institution"));
    assertEquals("FINANCIAL", CasePattern.UPPER.apply("financial"));
    assertEquals("bank", CasePattern.LOWER.apply("Bank"));
    assertEquals("iPhone", CasePattern.MIXED.apply("iPhone"));
    assertEquals("'Twas", CasePattern.TITLE.apply("'twas"));
    assertEquals("\u00C9cole", CasePattern.TITLE.apply("\u00E9cole"));
    assertEquals("42", CasePattern.TITLE.apply("42"));
  }

  @Test
  void applyingOwnPatternToLowerFormRestoresSimpleCases() {
    for (String w : new String[] {"bank", "Bank", "BANK", "I", "Zürich", "ÉCOLE"}) {
      CasePattern p = CasePattern.of(w);
      assertEquals(w, p.apply(w.toLowerCase(java.util.Locale.ROOT)), w);
    }
  }
}
