package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.api.Verdict;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;

/** The trainer end to end on the toy LM and thesaurus. */
class DetectorTrainerTest {
  static final TrainerConfig CONFIG = new TrainerConfig(7, 0.3, 1.0, 0.8, 0.2, 10, 0.05, 0.8);
  static List<String> docs;
  static DetectorTrainer.Result result;
  static List<Integer> progress = new ArrayList<>();

  @BeforeAll
  static void train() {
    docs = DetectFixtures.documents(60, 4, 11);
    DetectorTrainer t = new DetectorTrainer(DetectFixtures.RESTORER, DetectFixtures.ANALYZER,
        DetectFixtures.THESAURUS, CONFIG);
    result = t.train(docs, Map.of("source", "toy corpus (test)"), (done, total) -> progress.add(done));
  }

  @Test
  void separatesSimulatedSpinsFromCleanTextOnTheDevSplit() {
    DetectorTrainer.Evaluation dev = result.dev();
    assertTrue(dev.auc() > 0.9, "dev " + dev);
    assertTrue(dev.examples() > 20 && dev.positives() > 5, "dev " + dev);
    for (String k : List.of("source", "dev_auc", "examples_train", "simulator", "trainer")) {
      assertTrue(result.model().provenance().containsKey(k), k + " in " + result.model().provenance());
    }
    assertEquals("toy corpus (test)", result.model().provenance().get("source"));
    assertEquals(DetectFixtures.ANALYZER.featureNames(), result.model().featureNames());
  }

  @Test
  void reportsProgressForEveryUsableDocument() {
    assertEquals(docs.size(), progress.size());
    assertEquals(docs.size(), progress.get(progress.size() - 1));
  }

  @Test
  void trainedModelScoresAHeavySpinAboveItsOriginal() {
    Detector d = new Detector(DetectFixtures.ANALYZER, result.model());
    String clean = DetectFixtures.documents(1, 6, 99).get(0);
    String spun = new SpinSimulator(DetectFixtures.THESAURUS, SimulatorConfig.of(0.8, SimulatorConfig.Choice.FIRST))
        .spin("t", clean, 3).spun();
    CheckReport c = d.check(clean, DetectFixtures.RESTORER.restore(clean));
    CheckReport s = d.check(spun, DetectFixtures.RESTORER.restore(spun));
    assertTrue(s.spunProbability() > c.spunProbability(), "spun " + s.spunProbability() + " vs clean "
        + c.spunProbability() + "\n" + spun);
    assertEquals(Verdict.SPUN, s.verdict(), spun);
  }

  @Test
  void isDeterministicAndSurvivesTheFileRoundTrip() throws Exception {
    DetectorTrainer t = new DetectorTrainer(DetectFixtures.RESTORER, DetectFixtures.ANALYZER,
        DetectFixtures.THESAURUS, CONFIG);
    DetectorModel again = t.train(docs, Map.of("source", "toy corpus (test)"), DetectorTrainer.Progress.NONE).model();
    assertEquals(result.model(), again);
    StringWriter w = new StringWriter();
    result.model().write(w);
    assertEquals(result.model(), DetectorModel.read(new StringReader(w.toString()), "mem"));
  }

  @Test
  void recalibrationKeepsTheWeightsAndFitsALengthTerm() {
    DetectorTrainer t = new DetectorTrainer(DetectFixtures.RESTORER, DetectFixtures.ANALYZER,
        DetectFixtures.THESAURUS, CONFIG);
    // Documents of 1 to 8 sentences, so that the calibration sees lengths to read.
    List<String> mixed = new ArrayList<>();
    for (int k = 1; k <= 8; k++) {
      mixed.addAll(DetectFixtures.documents(10, k, 40 + k));
    }
    List<Integer> seen = new ArrayList<>();
    DetectorTrainer.Result r = t.recalibrate(result.model(), mixed, Map.of("calibration_source", "toy (test)"),
        (done, total) -> seen.add(done));
    DetectorModel m = r.model();
    assertEquals(result.model().features(), m.features());
    assertEquals(result.model().bias(), m.bias());
    assertEquals(result.model().spunThreshold(), m.spunThreshold());
    assertTrue(m.calibration().readsLength(), m.calibration().toString());
    assertTrue(m.calibration().a() > 0);
    assertEquals(mixed.size(), seen.get(seen.size() - 1));
    for (String k : List.of("source", "dev_auc", "calibration_source", "calibration_fit", "calibration_in_sample",
        "calibration_examples")) {
      assertTrue(m.provenance().containsKey(k), k + " in " + m.provenance());
    }
    assertTrue(r.dev().examples() > mixed.size(), r.dev().toString());
    assertEquals(m, t.recalibrate(result.model(), mixed, Map.of("calibration_source", "toy (test)"),
        DetectorTrainer.Progress.NONE).model(), "deterministic");
  }

  @Test
  void tooFewDocumentsIsAClearError() {
    DetectorTrainer t = new DetectorTrainer(DetectFixtures.RESTORER, DetectFixtures.ANALYZER,
        DetectFixtures.THESAURUS, CONFIG);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.train(List.of("The stock market fell.", "Too short."), Map.of(), DetectorTrainer.Progress.NONE));
    assertTrue(e.getMessage().contains("usable"), e.getMessage());
  }

  @Test
  void simulatedSpinnersSpreadOverTheRateRange() {
    DetectorTrainer t = new DetectorTrainer(DetectFixtures.RESTORER, DetectFixtures.ANALYZER,
        DetectFixtures.THESAURUS, CONFIG);
    double min = 1;
    double max = 0;
    for (int i = 0; i < 40; i++) {
      double r = t.spinnerFor(i).rate();
      assertTrue(r >= 0.05 && r <= 0.8, "rate " + r);
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    // regression: consecutive java.util.Random seeds gave every document the same rate
    assertTrue(max - min > 0.5, "rates from " + min + " to " + max);
  }

  @Test
  void aucCountsTiesHalf() {
    assertEquals(1.0, DetectorTrainer.auc(new double[] {0.1, 0.2, 0.9}, new int[] {0, 0, 1}));
    assertEquals(0.5, DetectorTrainer.auc(new double[] {0.5, 0.5}, new int[] {0, 1}));
    assertEquals(0.0, DetectorTrainer.auc(new double[] {0.9, 0.1}, new int[] {0, 1}));
  }
}
