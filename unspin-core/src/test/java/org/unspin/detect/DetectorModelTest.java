package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

class DetectorModelTest {

  static DetectorModel sample() {
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("source", "hand-written test model");
    prov.put("note", "tabs\tand\nbreaks are flattened");
    return new DetectorModel(List.of(new DetectorModel.Feature("changed_share", 0.05, 0.02, 1.5),
        new DetectorModel.Feature("log_length", 4.1, 1.3, -0.25)), -0.7, new PlattCalibration(1.2, 0.1), 0.8, 0.2,
        prov);
  }

  static String text(DetectorModel m) throws Exception {
    StringWriter w = new StringWriter();
    m.write(w);
    return w.toString();
  }

  static ModelException malformed(String body) {
    return assertThrows(ModelException.class, () -> DetectorModel.read(new StringReader(body), "m.tsv"));
  }

  @Test
  void roundTripKeepsEveryNumberAndTheProvenance(@TempDir Path dir) throws Exception {
    DetectorModel m = sample();
    Path f = dir.resolve("d.tsv");
    m.save(f);
    DetectorModel back = DetectorModel.load(f);
    assertEquals(m, back);
    assertEquals("tabs and breaks are flattened", back.provenance().get("note"));
    DocumentFeatures x = new DocumentFeatures(List.of("changed_share", "log_length"), new double[] {0.09, 3.0});
    assertEquals(m.probability(x), back.probability(x));
    double z = -0.7 + 1.5 * (0.09 - 0.05) / 0.02 - 0.25 * (3.0 - 4.1) / 1.3;
    assertEquals(z, m.logit(x), 1e-12, "logit by hand");
    assertEquals(1 / (1 + Math.exp(-(1.2 * z + 0.1))), m.probability(x), 1e-12, "probability by hand");
    assertTrue(Files.readString(f).startsWith("# Unspin document detector"), "self-documenting header");
  }

  @Test
  void aCalibrationThatReadsTheLengthRoundTripsAndAddsItsTerm(@TempDir Path dir) throws Exception {
    DetectorModel plain = sample();
    DetectorModel m = new DetectorModel(plain.features(), plain.bias(), new PlattCalibration(1.2, 0.1, 0.5, 5.0),
        0.8, 0.2, plain.provenance());
    Path f = dir.resolve("d.tsv");
    m.save(f);
    assertTrue(Files.readString(f).contains("platt\t1.2\t0.1\t0.5\t5.0\n"), Files.readString(f));
    DetectorModel back = DetectorModel.load(f);
    assertEquals(m, back);
    DocumentFeatures x = new DocumentFeatures(List.of("changed_share", "log_length"), new double[] {0.09, 6.0});
    double z = m.logit(x);
    assertEquals(1 / (1 + Math.exp(-(1.2 * z + 0.1 + 0.5 * (6.0 - 5.0)))), back.probability(x), 1e-12);
    // The same text at the calibration's centre length scores as without the term.
    DocumentFeatures atCentre = new DocumentFeatures(List.of("changed_share", "log_length"),
        new double[] {0.09, 5.0});
    assertEquals(plain.probability(atCentre), m.probability(atCentre), 1e-12);
    // Without a log_length feature there is nothing to read: an error at construction and on reading.
    List<DetectorModel.Feature> noLength = List.of(new DetectorModel.Feature("changed_share", 0.05, 0.02, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new DetectorModel(noLength, 0, m.calibration(), 0.8, 0.2,
        Map.of()));
    String body = text(m).replaceAll("feature\tlog_length[^\n]*\n", "");
    assertTrue(malformed(body).getMessage().contains("needs the feature log_length"));
    assertTrue(malformed(text(m).replace("\t0.5\t5.0", "\t0.5")).getMessage().contains("platt A B [C M]"));
  }

  @Test
  void featuresOfAnotherRuleSetAreRejected() {
    DocumentFeatures x = new DocumentFeatures(List.of("log_length", "changed_share"), new double[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().logit(x));
    assertTrue(e.getMessage().contains("do not match"), e.getMessage());
  }

  @Test
  void malformedFilesFailWithFileAndLine() throws Exception {
    String good = text(sample());
    assertTrue(malformed("").getMessage().contains("no format line"));
    assertTrue(malformed("feature\tx\t0\t1\t1\n").getMessage().startsWith("m.tsv:1: not a detector model"));
    assertTrue(malformed(good.replace("unspin-detector\t1", "unspin-detector\t2")).getMessage()
        .contains("unsupported detector format version 2"));
    assertTrue(malformed(good.replace("bias\t", "bias\tx\t")).getMessage().contains("expected 2"));
    assertTrue(malformed(good.replace("bias\t-0.7", "bias\tabc")).getMessage().contains("not a number: 'abc'"));
    assertTrue(malformed(good.replace("bias\t-0.7", "bias\tNaN")).getMessage().contains("finite"));
    assertTrue(malformed(good.replace("\t0.02\t", "\t0.0\t")).getMessage().contains("scale of changed_share"));
    assertTrue(malformed(good.replace("log_length", "changed_share")).getMessage().contains("duplicate feature"));
    assertTrue(malformed(good.replace("platt\t1.2", "platt\t-1.2")).getMessage().contains("a must be"));
    assertTrue(malformed(good.replaceAll("bias\t[^\n]*\n", "")).getMessage().contains("missing 'bias'"));
    assertTrue(malformed(good.replaceAll("threshold\tclean[^\n]*\n", "")).getMessage()
        .contains("missing 'threshold clean'"));
    assertTrue(malformed(good.replace("clean\t0.2", "clean\t0.9")).getMessage().contains("above threshold spun"));
    assertTrue(malformed(good.replace("clean\t0.2", "dirty\t0.2")).getMessage().contains("'spun' or 'clean'"));
    assertTrue(malformed(good + "weights\t1\n").getMessage().contains("unknown line type 'weights'"));
    assertTrue(malformed(good + "bias\t1\n").getMessage().contains("bias given twice"));
    ModelException e = malformed(good + "provenance\tsource\tagain\n");
    assertTrue(e.getMessage().matches("m\\.tsv:\\d+: duplicate provenance key 'source'"), e.getMessage());
  }

  @Test
  void badUtf8AndMissingFilesNameTheFile(@TempDir Path dir) throws Exception {
    byte[] bytes = (text(sample()) + "provenance\tx\t").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    bad[bad.length - 1] = (byte) 0xFF;
    ModelException e = assertThrows(ModelException.class,
        () -> DetectorModel.read(new ByteArrayInputStream(bad), "bad.tsv"));
    assertTrue(e.getMessage().startsWith("bad.tsv: invalid UTF-8"), e.getMessage());
    Path missing = dir.resolve("none.tsv");
    e = assertThrows(ModelException.class, () -> DetectorModel.load(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void missingDefaultModelIsAModelExceptionThatSaysHowToTrainOne() {
    assumeTrue(DetectorModel.class.getResource(DetectorModel.DEFAULT_RESOURCE) == null, "a default model ships");
    ModelException e = assertThrows(ModelException.class, DetectorModel::loadDefault);
    assertTrue(e.getMessage().contains("unspin detect train"), e.getMessage());
  }

  @Test
  void shippedDefaultModelLoadsAndMatchesTheStandardRules() {
    assumeTrue(DetectorModel.class.getResource(DetectorModel.DEFAULT_RESOURCE) != null, "no default model yet");
    DetectorModel m = DetectorModel.loadDefault();
    assertEquals(DocumentFeatures.namesFor(DetectFixtures.RULES), m.featureNames());
    assertTrue(m.provenance().containsKey("source"), "the shipped model records its training data");
  }

  @Test
  void configValidationNamesTheParameterAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DetectorConfig(0.3, 0.5, 0.6, 2, 1));
    assertTrue(e.getMessage().contains("cleanThreshold=0.5") && e.getMessage().contains("spunThreshold=0.3"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new DetectorConfig(1.5, 0.2, 0.6, 2, 1));
    assertTrue(e.getMessage().contains("spunThreshold must be in [0, 1] (got 1.5)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new DetectorConfig(0.8, 0.2, 0.6, 0, 1));
    assertTrue(e.getMessage().contains("improbableGain"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new TrainerConfig(1, 1.0, 1, 0.8, 0.2, 5, 0.1, 0.8));
    assertTrue(e.getMessage().contains("devShare must be in (0, 1) (got 1.0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new TrainerConfig(1, 0.2, 1, 0.8, 0.2, 5, 0.5, 0.3));
    assertTrue(e.getMessage().contains("minRate=0.5, maxRate=0.3"), e.getMessage());
  }
}
