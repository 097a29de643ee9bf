package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileLearnerTest {

  @Test
  void countsSubstitutionsAndSmoothsWithWittenBell() {
    // area -> region twice, area -> zone once, bank -> financial institution once (2:1), huge<-big and
    // information<-data from one 2:2 gap that is split
    List<TextPair> pairs = List.of(
        new TextPair("1", "The surface region is large.", "The surface area is large."),
        new TextPair("2", "A region of the financial institution.", "An area of the bank."),
        new TextPair("3", "huge information in the zone", "big data in the area"));
    SpinnerProfile p = ProfileLearner.fromPairs(pairs, "hand", "test", "CC0");
    SpinnerProfile.Entry region = p.entry("region", "area");
    // c(region, area) = 2, c(area) = 3, T(area) = 2: p = 2 / 5
    assertEquals(2, region.count(), 1e-12);
    assertEquals(0.4, region.pSurfaceGivenOriginal(), 1e-12);
    // c(region) = 2, T(region) = 1: p(area | region) = 2 / 3
    assertEquals(2.0 / 3, region.pOriginalGivenSurface(), 1e-12);
    assertEquals(0.2, p.entry("zone", "area").pSurfaceGivenOriginal(), 1e-12);
    assertEquals(0.5, p.entry("financial institution", "bank").pSurfaceGivenOriginal(), 1e-12);
    assertEquals(0.5, p.entry("huge", "big").pSurfaceGivenOriginal(), 1e-12);
    assertEquals(0.5, p.entry("information", "data").pSurfaceGivenOriginal(), 1e-12);
    assertEquals(1, p.entry("a", "an").count(), 1e-12);
    assertNull(p.entry("huge information", "big data"));
    assertEquals(6, p.size());
    // original word tokens: 5 + 5 + 5 = 15 (punctuation excluded); changed: area, an, area, bank, big, data, area = 7
    assertEquals(3, p.info().pairs());
    assertEquals(15, p.info().tokens());
    assertEquals(15, p.info().eligible());
    assertEquals(7, p.info().changed());
    assertEquals(7.0 / 15, p.replacementRate(), 1e-12);
  }

  @Test
  void weightsScaleCountsAndLongGapsAreSkipped() {
    ProfileLearner l = new ProfileLearner(new LearnerConfig(2, true));
    l.add(new TextPair("1", "surface region", "surface area", 0.5));
    l.add(new TextPair("2", "one two three four", "five six"));
    SpinnerProfile p = l.build("w", "test", "CC0", "unknown");
    assertEquals(0.5, p.entry("region", "area").count(), 1e-12);
    assertEquals(1, l.unalignedGaps());
    assertEquals(1, p.size());
  }

  @Test
  void learnsFromTheShippedPpsListSensibly() {
    List<TextPair> pairs = PpsPairs.pairs(org.unspin.channel.fingerprint.FingerprintList.loadDefault(), 0.5);
    SpinnerProfile p = ProfileLearner.fromPairs(pairs, "pps", "pps", "CC BY 4.0");
    assertEquals("area", p.bySurface("region").get(0).original());
    assertEquals("feature", p.bySurface("highlight").get(0).original());
  }

  /** Greedy longest-match lookup of the most probable original: a floor for what a restorer does with a profile. */
  private static String greedyRestore(SpinnerProfile p, String spun) {
    String[] f = WordTokens.of(spun).forms();
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < f.length; ) {
      int took = 0;
      for (int k = Math.min(3, f.length - i); k >= 1 && took == 0; k--) {
        List<SpinnerProfile.Entry> es = p.bySurface(String.join(" ", java.util.Arrays.copyOfRange(f, i, i + k)));
        if (!es.isEmpty()) {
          out.add(es.get(0).original());
          took = k;
        }
      }
      if (took == 0) {
        out.add(f[i]);
        took = 1;
      }
      i += took;
    }
    return String.join(" ", out);
  }

  @Test
  void profileLearnedFromEightyPercentOfPpsGeneralizesToTheHeldOutFifth() {
    List<TextPair> pairs = PpsPairs.pairs(org.unspin.channel.fingerprint.FingerprintList.loadDefault(), 0.5);
    PpsPairs.Split split = PpsPairs.split(pairs, 0.2, 1);
    SpinnerProfile p = ProfileLearner.fromPairs(split.train(), "pps80", "pps", "CC BY 4.0");
    int exact = 0;
    for (TextPair t : split.heldOut()) {
      if (greedyRestore(p, t.spun()).equals(String.join(" ", WordTokens.of(t.original()).forms()))) {
        exact++;
      }
    }
    double share = (double) exact / split.heldOut().size();
    // measured 23.9% (353 of 1475) with seed 1; without a profile nothing is restored
    assertTrue(share > 0.15, "held-out exact restorations by greedy lookup: " + exact + " of " + split.heldOut().size());
  }
}
