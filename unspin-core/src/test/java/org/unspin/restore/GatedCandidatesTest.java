package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

/**
 * Candidates used instead of the others in the documents that pass a gate, or that the judge finds
 * likely spun with the others (the facade's shipped tortured-phrase profile at full strength).
 */
class GatedCandidatesTest {
  static final CountingLm lm = RestorerTest.toyLm();
  static final ToyThesaurus thesaurus = RestorerTest.toyThesaurus();
  /** "dropped" is the edit only the gated candidates make; "financial institution" one every document gets. */
  static final String DOC = JudgedRateTest.DOC + " The stock market dropped sharply again.";
  /** The gate of these tests: a text that names its marker. */
  static final String MARKER = "Monday";

  /** Judges that answer p: asked only with self-training and a judge's gate on. */
  static final ChannelWeights JUDGED = ChannelWeights.DEFAULTS.with("judgedSpunGate", 0.99);

  /** The toy thesaurus without "fell", the candidates of the documents that do not pass the gate. */
  static final ToyThesaurus withoutFell;

  static {
    java.util.Map<String, List<String>> rest = new java.util.LinkedHashMap<>();
    for (String h : thesaurus.headwords()) {
      if (!h.equals("fell")) {
        rest.put(h, thesaurus.synonyms(h));
      }
    }
    withoutFell = ToyThesaurus.of(rest);
  }

  static Restorer gated(ChannelWeights w, SpunJudge judge) {
    return Restorer.builder(lm).candidates(withoutFell).gatedCandidates(thesaurus, text -> text.contains(MARKER))
        .weights(w).judge(judge).build();
  }

  static boolean restoresFell(RestoredText r) {
    return r.text().contains("market fell sharply");
  }

  static Restorer everywhere(ChannelWeights w, SpunJudge judge) {
    return Restorer.builder(lm).candidates(thesaurus).weights(w).judge(judge).build();
  }

  @Test
  void aTextThatPassesTheGateGetsTheCandidatesAndOneThatDoesNotGetsNone() {
    RestoredText with = everywhere(ChannelWeights.DEFAULTS, null).restore(DOC);
    assertTrue(restoresFell(with), with::text);
    Restorer r = gated(ChannelWeights.DEFAULTS, null);
    RestoredText passed = r.restore(DOC);
    assertEquals(with.text(), passed.text());
    assertEquals(with.edits(), passed.edits());
    String unmarked = DOC.replace(MARKER, "Friday");
    RestoredText shut = r.restore(unmarked);
    assertFalse(restoresFell(shut), () -> "no gated candidate without the gate: " + shut.edits());
    // the candidates the gated text left in its span cache are not the other texts'
    assertFalse(restoresFell(r.restore(unmarked)));
    assertEquals(with.edits(), r.restore(DOC).edits());
    assertTrue(r.proposals(DOC).stream().anyMatch(p -> p.edit().suggestion().equals("fell")));
    assertTrue(r.proposals(unmarked).stream().noneMatch(p -> p.edit().suggestion().equals("fell")));
  }

  @Test
  void aTextTheJudgeFindsLikelySpunWithoutThemGetsThemToo() {
    String unmarked = DOC.replace(MARKER, "Friday");
    ChannelWeights w = JUDGED.with("gatedJudgedGate", 0.3);
    RestoredText with = everywhere(w, new JudgedRateTest.FixedJudge(0.3)).restore(unmarked);
    assertTrue(restoresFell(with), with::text);
    JudgedRateTest.FixedJudge judge = new JudgedRateTest.FixedJudge(0.3);
    RestoredText judged = gated(w, judge).restore(unmarked);
    assertEquals(with.text(), judged.text());
    assertEquals(2, judge.seen.size(), "asked without the candidates, then with them");
    assertFalse(restoresFell(judge.seen.get(0)));
    assertFalse(judge.seen.get(0).edits().isEmpty(), "a text with no confident change is not judged");
    // under the gate, or with the gate at 0 (off), the text stays without them
    assertFalse(restoresFell(gated(w, new JudgedRateTest.FixedJudge(0.29)).restore(unmarked)));
    assertFalse(restoresFell(gated(JUDGED, new JudgedRateTest.FixedJudge(1.0)).restore(unmarked)));
    // without a judge the gate alone decides
    assertFalse(restoresFell(gated(w, null).restore(unmarked)));
  }

  @Test
  void aGeneratorNeedsItsGate() {
    assertThrows(IllegalArgumentException.class,
        () -> Restorer.builder(lm).gatedCandidates(thesaurus, null));
    assertThrows(IllegalArgumentException.class,
        () -> Restorer.builder(lm).gatedCandidates(null, text -> true));
    assertThrows(IllegalArgumentException.class, () -> ChannelWeights.DEFAULTS.with("gatedJudgedGate", 1.5));
    assertThrows(IllegalArgumentException.class, () -> ChannelWeights.DEFAULTS.with("defaultProfileDiscount", -1));
    assertThrows(IllegalArgumentException.class, () -> new ProfileCandidates(List.of(), -0.5));
  }

  /** The toy thesaurus's "fell" alone: the judged candidates of these tests. */
  static ToyThesaurus fellOnly() {
    return ToyThesaurus.of(java.util.Map.of("fell", thesaurus.synonyms("fell")));
  }

  static Restorer judged(SpunJudge judge, double gate) {
    return Restorer.builder(lm).candidates(withoutFell).judgedCandidates(fellOnly(), gate).weights(JUDGED)
        .judge(judge).build();
  }

  @Test
  void judgedCandidatesGoOnlyToTextsTheJudgeFindsLikelySpunWithoutThem() {
    RestoredText with = everywhere(JUDGED, new JudgedRateTest.FixedJudge(0.6)).restore(DOC);
    assertTrue(restoresFell(with), with::text);
    RestoredText spun = judged(new JudgedRateTest.FixedJudge(0.6), 0.5).restore(DOC);
    assertEquals(with.text(), spun.text());
    assertEquals(with.edits(), spun.edits());
    RestoredText clean = judged(new JudgedRateTest.FixedJudge(0.4), 0.5).restore(DOC);
    assertFalse(restoresFell(clean), () -> "judged clean: no judged candidate: " + clean.edits());
    // without a judge nothing is judged, and no text gets them
    Restorer noJudge = Restorer.builder(lm).candidates(withoutFell).judgedCandidates(fellOnly(), 0.5).weights(JUDGED)
        .build();
    assertFalse(restoresFell(noJudge.restore(DOC)));
    assertThrows(IllegalArgumentException.class, () -> Restorer.builder(lm).judgedCandidates(fellOnly(), 0));
    assertThrows(IllegalArgumentException.class, () -> Restorer.builder(lm).judgedCandidates(fellOnly(), 1.5));
  }
}
