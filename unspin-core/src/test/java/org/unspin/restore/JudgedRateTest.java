package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

/** The judge after self-training: a document it calls spun is decoded again at a rate nearer the prior. */
class JudgedRateTest {
  static final CountingLm lm = RestorerTest.toyLm();
  static final ToyThesaurus thesaurus = RestorerTest.toyThesaurus();

  /**
   * Mostly clean, so its own spin rate is under the prior; "financial institution" is a confident
   * edit, "inventory" a weak one.
   */
  static final String DOC = "The central financial institution kept interest rates unchanged. The company said profits"
      + " rose in the first quarter. The government said the economy would grow. Workers at the factory said wages"
      + " rose. The rock band played for two hours. The prime minister visited the factory on Monday. Traders sold"
      + " inventory on Monday.";

  /** A judge that always answers {@code p} and remembers what it was shown. */
  static final class FixedJudge implements SpunJudge {
    final double p;
    final List<RestoredText> seen = new ArrayList<>();

    FixedJudge(double p) {
      this.p = p;
    }

    @Override
    public synchronized double spunProbability(String text, RestoredText restoration) {
      seen.add(restoration);
      return p;
    }
  }

  static Restorer restorer(ChannelWeights w, SpunJudge judge) {
    return Restorer.builder(lm).candidates(thesaurus).weights(w).judge(judge).build();
  }

  /** A high prior (the toy lexicon makes few tokens eligible) that a judged document's rate all but keeps. */
  static final ChannelWeights JUDGING = ChannelWeights.DEFAULTS.with("replacementRate", 0.9)
      .with("judgedSpunGate", 0.5).with("judgedRateSmoothing", 1e6);

  @Test
  void underTheGateTheResultIsTheOneWithoutAJudgeAndItIsWhatTheJudgeSaw() {
    RestoredText plain = restorer(JUDGING, null).restore(DOC);
    FixedJudge judge = new FixedJudge(0.49);
    RestoredText judged = restorer(JUDGING, judge).restore(DOC);
    assertEquals(plain.text(), judged.text());
    assertEquals(plain.edits(), judged.edits());
    assertNull(judged.judgedFrom());
    assertTrue(judged == judged.forScoring());
    assertEquals(1, judge.seen.size());
    assertTrue(judged == judge.seen.get(0), "the judge and the caller share the instance (the detector's memo)");
  }

  @Test
  void aDocumentJudgedSpunKeepsARateNearerThePriorAndCarriesTheOneAtItsOwnRate() {
    RestoredText plain = restorer(JUDGING, null).restore(DOC);
    FixedJudge judge = new FixedJudge(0.5);
    RestoredText judged = restorer(JUDGING, judge).restore(DOC);
    assertEquals(1, judge.seen.size());
    RestoredText own = judged.judgedFrom();
    assertTrue(own != null && own == judged.forScoring(), "judged spun: the own-rate restoration is scored");
    assertTrue(own == judge.seen.get(0), "the judge saw the own-rate restoration");
    assertEquals(plain.text(), own.text(), "the restoration at the document's own rate is the one without a judge");
    assertEquals(plain.edits(), own.edits());
    // The same changes, each more probable at the higher rate.
    assertEquals(own.edits().size(), judged.edits().size(), () -> own.text() + " vs " + judged.text());
    assertEquals(2, own.edits().size(), own::text);
    for (int i = 0; i < own.edits().size(); i++) {
      assertEquals(own.edits().get(i).suggestion(), judged.edits().get(i).suggestion());
      assertTrue(judged.edits().get(i).confidence() >= own.edits().get(i).confidence());
    }
    assertTrue(judged.edits().get(1).confidence() > own.edits().get(1).confidence() + 1e-3,
        () -> own.edits() + " vs " + judged.edits());
  }

  @Test
  void aDocumentTheJudgeDoesNotThinkSpunKeepsOnlyTheEditsTheRerankerIsSureOf() {
    // Every edit gets reranker probability 0.5: kept at the reranker's own 0.5, not at 0.7.
    ChannelWeights w = JUDGING.with("judgedSpunGate", 0).with("judgedCleanGate", 0.5)
        .with("judgedCleanThreshold", 0.7);
    java.util.function.Function<SpunJudge, Restorer> build = j -> Restorer.builder(lm).candidates(thesaurus)
        .weights(w).reranker(EditRerankerTest.constant(0, 0.5)).judge(j).build();
    RestoredText plain = build.apply(null).restore(DOC);
    assertEquals(2, plain.edits().size(), plain::text);

    FixedJudge clean = new FixedJudge(0.49);
    RestoredText strict = build.apply(clean).restore(DOC);
    assertTrue(strict.edits().isEmpty(), strict::text);
    assertEquals(DOC, strict.text());
    RestoredText read = strict.judgedFrom();
    assertTrue(read != null && read == clean.seen.get(0) && read == strict.forScoring());
    assertEquals(plain.edits(), read.edits());

    FixedJudge unsure = new FixedJudge(0.5);
    RestoredText kept = build.apply(unsure).restore(DOC);
    assertEquals(plain.edits(), kept.edits());
    assertNull(kept.judgedFrom());

    // An edit the reranker is sure of (0.8) stays, and then the restoration is the one the judge read.
    RestoredText sure = Restorer.builder(lm).candidates(thesaurus).weights(w)
        .reranker(EditRerankerTest.constant(Math.log(4), 0.5)).judge(new FixedJudge(0.1)).build().restore(DOC);
    assertEquals(2, sure.edits().size(), sure::text);
    assertNull(sure.judgedFrom());
  }

  @Test
  void theRestorationToScoreMustBeOfTheSameInputAndNotNested() {
    Restorer r = restorer(JUDGING, null);
    RestoredText a = r.restore(DOC);
    RestoredText b = r.restore("Traders sold inventory on Monday.");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> a.withJudgedFrom(b));
    RestoredText nested = a.withJudgedFrom(a);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> a.withJudgedFrom(nested));
    assertTrue(nested.forScoring() == a);
  }

  @Test
  void noJudgeWithoutSelfTrainingOrWithTheGateAtZero() {
    FixedJudge judge = new FixedJudge(1.0);
    restorer(JUDGING.with("selfTrainingRounds", 0), judge).restore(DOC);
    restorer(JUDGING.with("judgedSpunGate", 0), judge).restore(DOC);
    assertTrue(judge.seen.isEmpty());
  }
}
