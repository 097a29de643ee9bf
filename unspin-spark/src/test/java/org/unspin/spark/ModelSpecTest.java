package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
  private static ModelSpec spec(double... weights) {
    return new ModelSpec(List.of("domain.ulm"), true, weights, List.of("site.tsv"), false, null, null, 0.7);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void specsWithEqualWeightsAreEqualAfterTravellingToAnExecutor() throws Exception {
    ModelSpec a = spec(0.3, 0.7);
    ModelSpec b = roundTrip(spec(0.3, 0.7));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, spec(0.5, 0.5));
    assertNotEquals(a, spec());
    assertEquals(ModelSpec.DEFAULTS, roundTrip(ModelSpec.DEFAULTS));
    ModelSpec everywhere = new ModelSpec(List.of(), true, null, List.of(), true, null, null, null, null, true, null,
        0.5, true);
    assertNotEquals(ModelSpec.DEFAULTS, everywhere);
    assertEquals(everywhere, roundTrip(everywhere));
    ModelSpec gated = new ModelSpec(List.of(), true, null, List.of("farm.tsv"), true, null, null, null, null, true,
        null, 0.5, false, null, 0.5);
    assertNotEquals(gated, new ModelSpec(List.of(), true, null, List.of("farm.tsv"), true, null, null, null, null,
        true, null, 0.5, false, null));
    assertEquals(gated, roundTrip(gated));
    assertEquals(gated.hashCode(), roundTrip(gated).hashCode());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(List.of(), true,
        null, List.of(), true, null, null, null, null, true, null, 0.5, false, null, 1.5));
    assertTrue(bad.getMessage().contains("profileGate"), bad.getMessage());
  }

  @Test
  void weightsAreCopiedInAndOut() {
    double[] w = {0.3, 0.7};
    ModelSpec s = spec(w);
    w[0] = 9;
    s.interpolationWeights()[1] = 9;
    assertEquals(spec(0.3, 0.7), s);
  }

  @Test
  void badSettingsAreRefusedNamingTheParameter() {
    IllegalArgumentException noLm = assertThrows(IllegalArgumentException.class,
        () -> new ModelSpec(List.of(), false, null, List.of(), true, null, null, null));
    assertTrue(noLm.getMessage().contains("languageModels"), noLm.getMessage());
    IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class,
        () -> new ModelSpec(List.of(), true, null, List.of(), true, null, null, 1.5));
    assertTrue(threshold.getMessage().contains("threshold") && threshold.getMessage().contains("1.5"),
        threshold.getMessage());
  }

  @Test
  void aChannelWeightsFileOverridesTheShippedWeightsAsTheCliDoes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("partial.properties");
    java.nio.file.Files.writeString(file, "beamWidth=5\n");
    ModelSpec s = new ModelSpec(List.of(), true, null, List.of(), true, "partial.properties", null, null);
    try (org.unspin.api.Unspin u = s.build(dir::resolve)) {
      org.unspin.restore.ChannelWeights expected = org.unspin.restore.ChannelWeights.load(file,
          org.unspin.restore.ChannelWeights.shipped());
      assertEquals(expected, u.restorer().weights(), "keys the file leaves out keep the shipped value");
      assertEquals(5, u.restorer().weights().beamWidth());
    }
  }

  @Test
  void aShippedFingerprintListReplacesTheShippedOneOnTheExecutor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("mine.csv"),
        "tortured_phrase,expected_phrase,num_papers\n\"\"\"lucid hallucination\"\"\",vivid dream,3\n");
    ModelSpec s = new ModelSpec(List.of(), true, null, List.of(), true, null, null, null, null, true, null, 0.5, false,
        "mine.csv");
    assertNotEquals(ModelSpec.DEFAULTS, s);
    assertEquals(s, roundTrip(s));
    try (org.unspin.api.Unspin u = s.build(dir::resolve)) {
      var r = u.check("In this study we describe a lucid hallucination of the patients, and the results were shared"
          + " with the other groups of the department.");
      assertEquals(1, r.signals().get(org.unspin.detect.KnownTorturedPhraseRule.ID), r.signals()::toString);
    }
  }

  @Test
  void anExecutorBuildsOneFacadePerSpec() throws Exception {
    assertSame(ExecutorModels.get(ModelSpec.DEFAULTS), ExecutorModels.get(roundTrip(ModelSpec.DEFAULTS)));
  }
}
