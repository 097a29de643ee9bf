package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.api.ModelException;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

class EditRerankerTest {
  static final int N = EditReranker.FEATURES.size();

  static EditReranker constant(double bias, double threshold) {
    double[] zero = new double[N];
    double[] one = new double[N];
    Arrays.fill(one, 1);
    return new EditReranker(zero, one, zero, bias, threshold, Map.of("source", "test"));
  }

  @Test
  void probabilityIsTheLogisticOfTheStandardizedLinearScore() {
    double[] mean = new double[N];
    double[] scale = new double[N];
    double[] weight = new double[N];
    Arrays.fill(scale, 1);
    mean[0] = 0.5;
    scale[0] = 0.25;
    weight[0] = 2;
    weight[1] = -1;
    EditReranker r = new EditReranker(mean, scale, weight, 0.3, 0.5, Map.of());
    double[] x = new double[N];
    x[0] = 0.75; // standardized: 1
    x[1] = 0.5;
    double z = 0.3 + 2 * 1 - 0.5;
    assertEquals(1 / (1 + Math.exp(-z)), r.probability(x), 1e-12);
    x[1] = 1000; // far negative logit stays finite
    assertTrue(r.probability(x) >= 0 && r.probability(x) < 1e-300 + 1e-12);
  }

  @Test
  void survivesTheFileRoundTripWithProvenance() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] mean = new double[N];
    double[] scale = new double[N];
    double[] weight = new double[N];
    for (int j = 0; j < N; j++) {
      mean[j] = rnd.nextDouble() * 10 - 5;
      scale[j] = 0.01 + rnd.nextDouble();
      weight[j] = rnd.nextDouble() * 4 - 2;
    }
    EditReranker r = new EditReranker(mean, scale, weight, rnd.nextDouble(), 0.6, Map.of("source", "a\tb"));
    StringWriter w = new StringWriter();
    r.write(w);
    EditReranker back = EditReranker.read(new StringReader(w.toString()), "mem");
    double[] x = new double[N];
    for (int j = 0; j < N; j++) {
      x[j] = rnd.nextDouble() * 6 - 3;
    }
    assertEquals(r.probability(x), back.probability(x), 0, "seed=" + seed);
    assertEquals(0.6, back.threshold());
    assertEquals("a b", back.provenance().get("source"));
  }

  @Test
  void readerRejectsBrokenFilesNamingTheLine() throws Exception {
    StringWriter w = new StringWriter();
    constant(0, 0.5).write(w);
    String good = w.toString();
    String[] broken = {
        good.replace("feature\tlocal_gain", "feature\tlocal_gains"),
        good.replace("bias\t0.0\n", ""),
        good.replace("threshold\t0.5", "threshold\t1.5"),
        good.replace("format\tunspin-edit-reranker\t2", "format\tunspin-edit-reranker\t3"),
        good.replace("format\tunspin-edit-reranker\t2", "format\tunspin-edit-reranker\t1"), // v2 features in v1
        good.replace("bias\t0.0", "bias\tNaN"),
        good.replaceFirst("\t1.0\t0.0\n", "\t0.0\t0.0\n"),
        good + "bias\t1.0\n",
        good + "weight\t1.0\n",
        "",
    };
    for (String b : broken) {
      ModelException e = assertThrows(ModelException.class, () -> EditReranker.read(new StringReader(b), "rr.tsv"),
          b);
      assertTrue(e.getMessage().startsWith("rr.tsv"), e.getMessage());
    }
  }

  @Test
  void readsFormatOneFilesWithTheLaterFeaturesWeightedZero() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder v1 = new StringBuilder("# old model\nformat\tunspin-edit-reranker\t1\n");
    double[] weight = new double[EditReranker.FEATURES_V1];
    for (int j = 0; j < EditReranker.FEATURES_V1; j++) {
      weight[j] = rnd.nextDouble() * 2 - 1;
      v1.append("feature\t").append(EditReranker.FEATURES.get(j)).append("\t0.0\t1.0\t").append(weight[j])
          .append('\n');
    }
    v1.append("bias\t0.25\nthreshold\t0.5\n");
    EditReranker r = EditReranker.read(new StringReader(v1.toString()), "v1.tsv");
    double[] x = new double[N];
    double z = 0.25;
    for (int j = 0; j < N; j++) {
      x[j] = rnd.nextDouble() * 4 - 2;
      z += j < EditReranker.FEATURES_V1 ? weight[j] * x[j] : 0;
    }
    assertEquals(1 / (1 + Math.exp(-z)), r.probability(x), 1e-12, "seed=" + seed);
    assertEquals(0, r.weight("repeats_without_orig"));
    String missing = v1.toString().replace("feature\tlog_orig_count\t", "feature\tlog_orig_counts\t");
    assertThrows(ModelException.class, () -> EditReranker.read(new StringReader(missing), "v1.tsv"));
  }

  @Test
  void documentCountFeaturesSayHowOftenTheOriginalIsWrittenAndTheSurfaceRepeats() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    Restorer r = Restorer.builder(lm).candidates(th).build();
    int written = EditReranker.FEATURES.indexOf("log_orig_written");
    int repeats = EditReranker.FEATURES.indexOf("log_surface_repeats");
    int without = EditReranker.FEATURES.indexOf("repeats_without_orig");
    List<ProposedEdit> alone = r.proposals("the inventory market fell");
    assertFalse(alone.isEmpty());
    for (ProposedEdit p : alone) {
      assertEquals(0, p.features()[written], p.edit().toString());
      assertEquals(0, p.features()[repeats], p.edit().toString());
      assertEquals(0, p.features()[without], p.edit().toString());
    }
    // The same surface twice more and its original ("stock") written once as it is.
    String text = "the inventory market fell . the inventory market rose . the stock market fell . "
        + "the inventory market fell";
    List<ProposedEdit> ps = r.proposals(text);
    ProposedEdit first = ps.stream().filter(p -> p.edit().start() == 4).findFirst().orElseThrow(
        () -> new AssertionError("no edit of the first 'inventory': " + ps));
    assertEquals("stock", first.edit().suggestion().toLowerCase(java.util.Locale.ROOT).split(" ")[0]);
    assertEquals(Math.log10(2), first.features()[written], 1e-12);
    assertEquals(Math.log10(3), first.features()[repeats], 1e-12);
    assertEquals(0, first.features()[without]);
  }

  @Test
  void restorerDropsEditsTheRerankerRejectsAndReportsItsProbability() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    String spun = "the inventory market fell";
    Restorer plain = Restorer.builder(lm).candidates(th).build();
    List<Edit> edits = plain.restore(spun).edits();
    assertFalse(edits.isEmpty(), "the toy fixture restores 'inventory market'");
    RestoredText none = Restorer.builder(lm).candidates(th).reranker(constant(-5, 0.5)).build().restore(spun);
    assertEquals(spun, none.text());
    assertTrue(none.edits().isEmpty());
    RestoredText all = Restorer.builder(lm).candidates(th).reranker(constant(5, 0.5)).build().restore(spun);
    assertEquals(plain.restore(spun).text(), all.text());
    double p = 1 / (1 + Math.exp(-5));
    for (Edit e : all.edits()) {
      assertEquals(p, e.confidence(), 1e-12);
    }
  }

  @Test
  void aDocumentWithManyEditsAtTheRerankersThresholdIsJudgedByTheSpunDocumentThreshold() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    String spun = "the inventory market fell";
    double logit6 = Math.log(0.6 / 0.4);
    double logit3 = Math.log(0.3 / 0.7);
    ChannelWeights gate = ChannelWeights.DEFAULTS.with("spunDocumentEditRate", 0.01);
    // Every edit has p = 0.6 >= 0.5: the document passes a gate of 1% and is judged at 0.7, so none stays;
    Restorer strictInSpun = Restorer.builder(lm).candidates(th).reranker(constant(logit6, 0.5))
        .weights(gate.with("spunDocumentThreshold", 0.7)).build();
    assertTrue(strictInSpun.restore(spun).edits().isEmpty());
    // without the gate (the default), the reranker's 0.5 keeps them.
    Restorer noGate = Restorer.builder(lm).candidates(th).reranker(constant(logit6, 0.5))
        .weights(gate.with("spunDocumentEditRate", 0).with("spunDocumentThreshold", 0.7)).build();
    assertFalse(noGate.restore(spun).edits().isEmpty());
    // Edits of p = 0.3 under 0.5: none passes the reranker, so the document never looks spun and the
    // spun-document threshold of 0.2 does not apply.
    Restorer noneStrict = Restorer.builder(lm).candidates(th).reranker(constant(logit3, 0.5))
        .weights(gate.with("spunDocumentThreshold", 0.2)).build();
    assertTrue(noneStrict.restore(spun).edits().isEmpty());
  }

  /**
   * In a text restored again with judged candidates (a user's profile behind the gate), a profile
   * entry's restoration (kept by its posterior, not judged by the reranker) is evidence that the
   * text is spun as much as a thesaurus pair: a profile learned from a batch holds that batch's
   * most frequent right restorations, and with them left out a spun text lost its low-threshold
   * edits. A profile given to every text is not counted (the shipped one in a paper's text).
   */
  @Test
  void aJudgedProfilesRestorationCountsAsEvidenceThatTheTextIsSpun() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    String spun = "The inventory market fell. The central financial institution raised interest rates.";
    double logit3 = Math.log(0.3 / 0.7);
    ChannelWeights w = ChannelWeights.DEFAULTS.with("spunDocumentEditRate", 0.01).with("spunDocumentThreshold", 0.2)
        .with("spunDocumentEvidence", 1).with("spunDocumentMinEdits", 1.0).with("judgedSpunGate", 0.99);
    org.unspin.channel.ProfileInfo info = new org.unspin.channel.ProfileInfo("farm", "hand", "test", "CC0",
        "2026-12-02", 1, 1, 1, 1, 0.5, "none");
    ProfileCandidates profile = new ProfileCandidates(List.of(new org.unspin.channel.SpinnerProfile(info,
        List.of(new org.unspin.channel.SpinnerProfile.Entry("financial institution", "bank", 9, 0.9, 0.9)))));
    Restorer judged = Restorer.builder(lm).candidates(th).judgedCandidates(profile, 0.5)
        .judge(new JudgedRateTest.FixedJudge(0.9)).reranker(constant(logit3, 0.5)).weights(w).build();
    RestoredText out = judged.restore(spun);
    // the profile's "bank" (its posterior) and the thesaurus's "stock" (0.3) make more than one
    // expected right edit: the text looks spun, and "stock" passes its threshold of 0.2
    assertEquals("The stock market fell. The central bank raised interest rates.", out.text(),
        () -> out.edits().toString());
    // the same profile given to every text: "bank" is restored, but 0.3 alone is too little
    // evidence, and the reranker's 0.5 drops "stock"
    Restorer everywhere = Restorer.builder(lm).candidates(CandidateGenerator.union(List.of(th, profile)))
        .judge(new JudgedRateTest.FixedJudge(0.9)).reranker(constant(logit3, 0.5)).weights(w).build();
    RestoredText plain = everywhere.restore(spun);
    assertEquals("The inventory market fell. The central bank raised interest rates.", plain.text(),
        () -> plain.edits().toString());
  }

  /** A batch learns the restorations the restoration keeps: the reranker's veto applies to it too. */
  @Test
  void aBatchLearnsOnlyTheRestorationsTheRerankerKeeps() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    List<String> batch = List.of("The inventory market fell sharply on Monday.",
        "Investors watched the inventory market closely.", "The inventory market closed higher on Friday.");
    SubstitutionCounts vetoed = Restorer.builder(lm).candidates(th).reranker(constant(-5, 0.5)).build()
        .learnFromBatch(batch);
    assertTrue(vetoed.entries().isEmpty(), vetoed::toTsv);
    assertEquals(3, vetoed.documents());
    SubstitutionCounts kept = Restorer.builder(lm).candidates(th).reranker(constant(5, 0.5)).build()
        .learnFromBatch(batch);
    assertTrue(kept.count("inventory", "stock") > 2, kept::toTsv);
  }

  @Test
  void withTheExpectedEditsAsEvidenceEditsUnderTheRerankersThresholdCanMakeADocumentLookSpun() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    String spun = "the inventory market fell";
    double logit3 = Math.log(0.3 / 0.7);
    ChannelWeights expected = ChannelWeights.DEFAULTS.with("spunDocumentEditRate", 0.01)
        .with("spunDocumentThreshold", 0.2).with("spunDocumentEvidence", 1);
    // p = 0.3 each: no edit passes the reranker's 0.5, but their sum passes a gate of 1% of the
    // eligible tokens, so the document is judged at 0.2 and they stay;
    Restorer sum = Restorer.builder(lm).candidates(th).reranker(constant(logit3, 0.5)).weights(expected).build();
    RestoredText kept = sum.restore(spun);
    assertFalse(kept.edits().isEmpty());
    assertEquals("the stock market fell", kept.text());
    // with at least one expected right edit asked for, 0.3 is too little evidence, and none stays.
    Restorer atLeastOne = Restorer.builder(lm).candidates(th).reranker(constant(logit3, 0.5))
        .weights(expected.with("spunDocumentMinEdits", 1.0)).build();
    assertTrue(atLeastOne.restore(spun).edits().isEmpty());
  }

  @Test
  void proposalsCarryOneFeatureVectorPerPathChange() {
    CountingLm lm = RestorerTest.toyLm();
    ToyThesaurus th = RestorerTest.toyThesaurus();
    Restorer r = Restorer.builder(lm).candidates(th).build();
    String spun = "the inventory market fell";
    List<ProposedEdit> ps = r.proposals(spun);
    assertFalse(ps.isEmpty());
    for (ProposedEdit p : ps) {
      double[] x = p.features();
      assertEquals(N, x.length);
      for (double v : x) {
        assertTrue(Double.isFinite(v), Arrays.toString(x));
      }
      assertEquals(p.edit().confidence(), x[EditReranker.FEATURES.indexOf("posterior")], 1e-9);
      assertEquals(1.0, x[EditReranker.FEATURES.indexOf("src_thesaurus")]);
      assertEquals(spun.substring(p.edit().start(), p.edit().end()), p.edit().surface());
    }
  }
}
