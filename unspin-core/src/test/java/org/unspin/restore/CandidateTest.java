package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTest {
  private static final CandidateFeatures F = new CandidateFeatures(1, 12, -1.5f, 0.5f, 1f, Float.NaN);

  @Test
  void movedCandidateKeepsEverythingButItsStart() {
    Candidate c = new Candidate(2, 2, List.of("interest", "rates"), "interest rates", CandidateSource.THESAURUS, F);
    assertSame(c, c.at(2));
    Candidate moved = c.at(7);
    assertEquals(7, moved.from());
    assertEquals(new Candidate(7, 2, List.of("interest", "rates"), "interest rates", CandidateSource.THESAURUS, F),
        moved);
    assertEquals(moved.hashCode(), new Candidate(7, 2, List.of("interest", "rates"), "interest rates",
        CandidateSource.THESAURUS, F).hashCode());
    assertNotEquals(c, moved);
    assertSame(c.words(), moved.words());
    assertEquals("interest rates", moved.phrase());
    assertThrows(IllegalArgumentException.class, () -> c.at(-1));
  }

  @Test
  void constructorChecksAndCopiesItsWords() {
    List<String> words = new ArrayList<>(List.of("bank"));
    Candidate c = new Candidate(0, 3, words, "bank", CandidateSource.PROFILE, CandidateFeatures.NONE);
    words.set(0, "lender");
    assertEquals(List.of("bank"), c.words());
    assertThrows(UnsupportedOperationException.class, () -> c.words().add("x"));
    assertThrows(IllegalArgumentException.class,
        () -> new Candidate(0, Candidate.MAX_SPAN + 1, List.of("a"), "a", CandidateSource.PROFILE,
            CandidateFeatures.NONE));
    assertThrows(IllegalArgumentException.class, () -> new Candidate(0, 1, List.of("a", "b", "c", "d", "e", "f", "g"),
        "a b c d e f g", CandidateSource.PROFILE, CandidateFeatures.NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new Candidate(0, 1, List.of("a b"), "a b", CandidateSource.PROFILE, CandidateFeatures.NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new Candidate(0, 1, List.of(), "", CandidateSource.PROFILE, CandidateFeatures.NONE));
    assertThrows(NullPointerException.class, () -> new Candidate(0, 1, List.of("a"), null, CandidateSource.PROFILE,
        CandidateFeatures.NONE));
    assertEquals("Candidate[from=0, length=3, words=[bank], display=bank, source=PROFILE, features="
        + CandidateFeatures.NONE + "]", c.toString());
  }
}
