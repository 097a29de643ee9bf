package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

class ChannelWeightsTest {

  @Test
  void storedWeightsLoadBackEqual() throws IOException {
    ChannelWeights w = ChannelWeights.DEFAULTS.with("fanoutWeight", 0.75).with("beamWidth", 8);
    String text = w.toPropertiesText("fitted on toy pairs");
    assertTrue(text.startsWith("# Unspin channel weights"), text);
    ChannelWeights back = ChannelWeights.parse(new StringReader(text), "mem", ChannelWeights.DEFAULTS);
    for (String name : ChannelWeights.names()) {
      assertEquals(w.get(name), back.get(name), 1e-5 * Math.max(1, Math.abs(w.get(name))), name);
    }
  }

  @Test
  void missingKeysKeepTheirDefaults(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("w.properties");
    Files.writeString(f, "# comment\nnameCost = 7.5\n", StandardCharsets.UTF_8);
    ChannelWeights w = ChannelWeights.load(f);
    assertEquals(7.5, w.nameCost());
    assertEquals(ChannelWeights.DEFAULTS.fanoutWeight(), w.fanoutWeight());
  }

  @Test
  void unknownKeysAreRejectedNamingTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("typo.properties");
    Files.writeString(f, "fanoutWieght=1\n", StandardCharsets.UTF_8);
    ModelException e = assertThrows(ModelException.class, () -> ChannelWeights.load(f));
    assertTrue(e.getMessage().contains("typo.properties") && e.getMessage().contains("fanoutWieght"),
        e.getMessage());
  }

  @Test
  void badValuesAreRejectedWithParameterAndValue(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.properties");
    Files.writeString(f, "replacementRate=1.5\n", StandardCharsets.UTF_8);
    ModelException e = assertThrows(ModelException.class, () -> ChannelWeights.load(f));
    assertTrue(e.getMessage().contains("replacementRate") && e.getMessage().contains("1.5"), e.getMessage());
    Files.writeString(f, "beamWidth=abc\n", StandardCharsets.UTF_8);
    e = assertThrows(ModelException.class, () -> ChannelWeights.load(f));
    assertTrue(e.getMessage().contains("beamWidth") && e.getMessage().contains("abc"), e.getMessage());
  }

  @Test
  void invalidUtf8IsRejected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.properties");
    Files.write(f, new byte[] {'n', 'a', 'm', 'e', 'C', 'o', 's', 't', '=', '1', (byte) 0xE9, '\n'});
    ModelException e = assertThrows(ModelException.class, () -> ChannelWeights.load(f));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void integerParametersRejectFractions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("beamWidth", 2.5));
    assertTrue(e.getMessage().contains("beamWidth") && e.getMessage().contains("2.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChannelWeights.DEFAULTS.with("noSuchParameter", 1));
  }
}
