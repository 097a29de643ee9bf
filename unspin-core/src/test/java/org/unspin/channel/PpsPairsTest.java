package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpsPairsTest {

  @Test
  void cleansNotesFromExpectedPhrases() {
    assertEquals("back propagation", PpsPairs.cleanExpected("back propagation (BP)"));
    assertEquals("rythm pattern", PpsPairs.cleanExpected("rythm pattern (?)"));
    assertEquals("Crow search algorithm", PpsPairs.cleanExpected("Crow search algorithm ?"));
    assertEquals("social influence", PpsPairs.cleanExpected(
        "social influence, see https://en.wikipedia.org/wiki/Unified_theory_of_acceptance_and_use_of_technology"));
    assertEquals("single-stranded", PpsPairs.cleanExpected("single-stranded [virus]"));
    assertEquals("", PpsPairs.cleanExpected("???"));
  }

  @Test
  void splitIsSeededDisjointAndComplete() {
    List<TextPair> pairs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pairs.add(new TextPair("p" + i, "s" + i, "o" + i));
    }
    PpsPairs.Split a = PpsPairs.split(pairs, 0.2, 42);
    PpsPairs.Split b = PpsPairs.split(pairs, 0.2, 42);
    PpsPairs.Split c = PpsPairs.split(pairs, 0.2, 43);
    assertEquals(a, b);
    assertNotEquals(a.heldOut(), c.heldOut());
    assertEquals(20, a.heldOut().size());
    assertEquals(80, a.train().size());
    HashSet<TextPair> all = new HashSet<>(a.train());
    all.addAll(a.heldOut());
    assertEquals(100, all.size());
  }

  @Test
  void shippedListGivesPairsWithUncertainOnesWeighted() {
    List<TextPair> pairs = PpsPairs.pairs(org.unspin.channel.fingerprint.FingerprintList.loadDefault(), 0.5);
    assertTrue(pairs.size() > 7000, "pairs " + pairs.size());
    assertEquals(new TextPair("line2", "surface region", "surface area"), pairs.get(0));
    assertTrue(pairs.stream().anyMatch(p -> p.weight() == 0.5));
    int skipped = PpsPairs.pairs(org.unspin.channel.fingerprint.FingerprintList.loadDefault(), 0).size();
    assertTrue(skipped < pairs.size());
  }
}
