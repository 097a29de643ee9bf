package org.unspin.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

class TsvModelFileTest {

  @Test
  void skipsBlankAndCommentLinesAndNamesTheLineNumber() throws IOException {
    TsvModelFile lines = new TsvModelFile(new StringReader("# head\n\na\tb\t\n  \n#x\nc\n"), "m.tsv");
    assertTrue(lines.next());
    assertArrayEquals(new String[] {"a", "b", ""}, lines.fields());
    assertEquals("m.tsv:3: ", lines.where());
    assertTrue(lines.next());
    assertEquals("c", lines.line());
    assertEquals("m.tsv:6: ", lines.where());
    assertFalse(lines.next());
  }

  @Test
  void badUtf8IsAModelExceptionNamingTheFile() {
    byte[] bytes = {'a', '\n', 'b', (byte) 0xC3, '\n'};
    TsvModelFile lines = new TsvModelFile(
        new InputStreamReader(new ByteArrayInputStream(bytes), Utf8.strictDecoder()), "m.tsv");
    ModelException e = assertThrows(ModelException.class, () -> {
      while (lines.next()) {
        // read to the bad byte
      }
    });
    // the decoder reads ahead, so the line named is the last one read before the bad bytes were met
    assertTrue(e.getMessage().matches("m\\.tsv: invalid UTF-8 after line \\d+"), e.getMessage());
  }

  @Test
  void provenanceRoundTripsAndRejectsARepeatedKey() {
    Map<String, String> p = new LinkedHashMap<>();
    TsvModelFile.putProvenance(new String[] {"provenance", "source", "x y"}, "m:1: ", p);
    StringBuilder sb = new StringBuilder();
    TsvModelFile.appendProvenance(sb, p);
    assertEquals("provenance\tsource\tx y\n", sb.toString());
    ModelException e = assertThrows(ModelException.class,
        () -> TsvModelFile.putProvenance(new String[] {"provenance", "source", "z"}, "m:2: ", p));
    assertEquals("m:2: duplicate provenance key 'source'", e.getMessage());
    assertThrows(ModelException.class, () -> TsvModelFile.putProvenance(new String[] {"provenance", "k"}, "m:3: ", p));
  }

  @Test
  void loadNamesAMissingFileAndSaveWritesUtf8(@TempDir Path dir) {
    Path missing = dir.resolve("none.tsv");
    ModelException e = assertThrows(ModelException.class,
        () -> TsvModelFile.load(missing, "toy model", (in, origin) -> "unused"));
    assertEquals(missing + ": no such toy model file", e.getMessage());
    Path file = dir.resolve("m.tsv");
    TsvModelFile.save(file, "toy model", w -> w.write("é\n"));
    assertEquals("é\n", TsvModelFile.load(file, "toy model", (in, origin) -> new String(in.readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8)));
  }
}
