package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.unspin.api.ModelException;

class LexiconIoTest {
  static byte[] bytes(Lexicon lex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lex.write(out);
    return out.toByteArray();
  }

  @Test
  void writeThenReadGivesTheSameLexicon() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Lexicon a = ToyLexicons.random(new Random(seed), 300, 1500);
    Lexicon b = Lexicon.read(new ByteArrayInputStream(bytes(a)), "mem");
    assertEquals(a.info(), b.info());
    assertEquals(a.phraseCount(), b.phraseCount(), "seed=" + seed);
    assertEquals(a.edgeCount(), b.edgeCount(), "seed=" + seed);
    for (int p = 0; p < a.phraseCount(); p++) {
      assertEquals(a.phrase(p), b.phrase(p));
      assertEquals(a.pos(p), b.pos(p));
      assertEquals(a.freqClass(p), b.freqClass(p));
      assertEquals(a.dictionary().synonyms(a.phrase(p)), b.dictionary().synonyms(b.phrase(p)), "seed=" + seed);
    }
    for (int e = 0; e < a.edgeCount(); e++) {
      assertEquals(a.info(e), b.info(e), "seed=" + seed);
    }
    assertArrayEquals(bytes(a), bytes(b), "seed=" + seed + ": writing is deterministic");
  }

  @Test
  void rejectsBadMagicWithTheFileName() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("not a lexicon at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    ModelException e = assertThrows(ModelException.class,
        () -> Lexicon.read(new ByteArrayInputStream(out.toByteArray()), "broken.lex"));
    assertTrue(e.getMessage().startsWith("broken.lex: not an Unspin lexicon"), e.getMessage());
  }

  @Test
  void rejectsTruncatedData() throws IOException {
    byte[] raw = new GZIPInputStream(new ByteArrayInputStream(bytes(ToyLexicons.random(new Random(3), 50, 100))))
        .readAllBytes();
    for (int cut : new int[] {raw.length - 1, raw.length / 2, 9}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(Arrays.copyOf(raw, cut));
      }
      ModelException e = assertThrows(ModelException.class,
          () -> Lexicon.read(new ByteArrayInputStream(out.toByteArray()), "cut.lex"), "cut at " + cut);
      assertTrue(e.getMessage().startsWith("cut.lex: "), e.getMessage());
    }
  }

  @Test
  void rejectsAnotherFormatVersion() throws IOException {
    byte[] raw = new GZIPInputStream(new ByteArrayInputStream(bytes(ToyLexicons.random(new Random(4), 20, 20))))
        .readAllBytes();
    raw[7] = 99;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    ModelException e = assertThrows(ModelException.class,
        () -> Lexicon.read(new ByteArrayInputStream(out.toByteArray()), "v.lex"));
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
  }

  @Test
  void rejectsNonGzipInput() {
    ModelException e = assertThrows(ModelException.class,
        () -> Lexicon.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "plain.lex"));
    assertTrue(e.getMessage().startsWith("plain.lex: "), e.getMessage());
  }
}
