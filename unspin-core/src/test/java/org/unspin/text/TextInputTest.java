package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.InputException;

class TextInputTest {
  private static final TextInput INPUT = TextInput.withDefaults();

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String message(byte[] data) {
    return assertThrows(InputException.class, () -> INPUT.decode(data, "in.txt")).getMessage();
  }

  @Test
  void decodesUtf8AndKeepsLineEndings() {
    String s = "caf\u00E9 \uD83D\uDE00\r\nnext\rlast\n";
    assertEquals(s, INPUT.decode(s.getBytes(StandardCharsets.UTF_8), "in.txt"));
  }

  @Test
  void stripsUtf8ByteOrderMark() {
    byte[] data = concat(bytes(0xEF, 0xBB, 0xBF), "Hello".getBytes(StandardCharsets.UTF_8));
    assertEquals("Hello", INPUT.decode(data, "in.txt"));
  }

  @Test
  void reportsExactByteOffsetOfInvalidUtf8() {
    byte[] prefix = "ab\u00E9c".getBytes(StandardCharsets.UTF_8); // 5 bytes
    assertEquals("in.txt: invalid UTF-8 at byte offset 5", message(concat(prefix, bytes(0xC3, 0x28), prefix)));
    assertEquals("in.txt: invalid UTF-8 at byte offset 8",
        message(concat(bytes(0xEF, 0xBB, 0xBF), prefix, bytes(0xFF), prefix)));
    // truncated sequence at the very end
    assertEquals("in.txt: invalid UTF-8 at byte offset 5", message(concat(prefix, bytes(0xE2, 0x82))));
    // an encoded surrogate is not UTF-8
    assertEquals("in.txt: invalid UTF-8 at byte offset 5", message(concat(prefix, bytes(0xED, 0xA0, 0x80))));
  }

  @Test
  void invalidByteOffsetMatchesRandomPosition() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int iter = 0; iter < 200; iter++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(50);
      for (int i = 0; i < n; i++) {
        sb.append(r.nextBoolean() ? (char) ('a' + r.nextInt(26)) : (char) (0xA0 + r.nextInt(0x2000)));
      }
      sb.append('x');
      byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
      int cut = r.nextInt(good.length + 1);
      // only cut at a character boundary so the prefix stays valid
      while (cut < good.length && (good[cut] & 0xC0) == 0x80) {
        cut++;
      }
      byte[] data = concat(java.util.Arrays.copyOf(good, cut), bytes(0x80), good);
      assertEquals("in.txt: invalid UTF-8 at byte offset " + cut, message(data), "seed=" + seed);
    }
  }

  @Test
  void anHtmlPageThatIsNotUtf8IsReadInTheCharsetItDeclares() {
    byte[] latin1 = ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9</title></head><body>"
        + "<p>The caf\u00e9 raised its prices.</p></body></html>").getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(INPUT.decode(latin1, "page.html").contains("The caf\u00e9 raised"));
    // http-equiv, and windows-1252's curly quotes (0x93, 0x94; ISO-8859-1 means windows-1252, as in browsers)
    byte[] cp1252 = concat(("<html><head><META HTTP-EQUIV='Content-Type' "
        + "CONTENT='text/html; charset=Windows-1252'></head><body><p>").getBytes(StandardCharsets.US_ASCII),
        bytes(0x93), "Quoted".getBytes(StandardCharsets.US_ASCII), bytes(0x94),
        " text.</p></body></html>".getBytes(StandardCharsets.US_ASCII));
    assertTrue(INPUT.decode(cp1252, "page.html").contains("\u201cQuoted\u201d text."));
  }

  @Test
  void aCharsetKnownFromElsewhereIsReadStrictly() {
    java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
    assertEquals("\u201cQuoted\u201d", INPUT.decode(bytes(0x93, 'Q', 'u', 'o', 't', 'e', 'd', 0x94), cp1252, "body"));
    assertEquals("body: invalid windows-1252 at byte offset 1",
        assertThrows(InputException.class, () -> INPUT.decode(bytes('a', 0x81, 'b'), cp1252, "body")).getMessage());
    // UTF-16 has NUL bytes and is not binary for that
    assertEquals("caf\u00e9", INPUT.decode("caf\u00e9".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE,
        "body"));
    assertTrue(assertThrows(InputException.class, () -> INPUT.decode(bytes('a', 0, 'b'), cp1252, "body"))
        .getMessage().contains("binary"));
    assertEquals("caf\u00e9", INPUT.decode("caf\u00e9".getBytes(StandardCharsets.UTF_8), null, "body"));
  }

  @Test
  void aPageThatIsUtf8StaysUtf8WhateverItDeclares() {
    String page = "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\u00e9 \u2014 ok</p></body></html>";
    assertEquals(page, INPUT.decode(page.getBytes(StandardCharsets.UTF_8), "page.html"));
  }

  @Test
  void withoutADeclaredCharsetOrWithABadOneTheUtf8ErrorStands() {
    byte[] plain = "The caf\u00e9 raised its prices.".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("in.txt: invalid UTF-8 at byte offset 7", message(plain));
    byte[] unknown = "<html><head><meta charset=\"x-no-such-thing\"></head><body>caf\u00e9</body></html>"
        .getBytes(StandardCharsets.ISO_8859_1);
    String m = message(unknown);
    assertTrue(m.startsWith("in.txt: invalid UTF-8 at byte offset ") && m.contains("x-no-such-thing")
        && m.contains("not supported"), m);
    // declared, but the bytes are not that charset either (0x81 is unassigned in windows-1252)
    byte[] wrong = concat("<meta charset=windows-1252><p>a".getBytes(StandardCharsets.US_ASCII), bytes(0x81),
        "b</p>".getBytes(StandardCharsets.US_ASCII));
    String w = message(wrong);
    assertTrue(w.startsWith("in.txt: invalid windows-1252 at byte offset 31") && w.contains("declares"), w);
  }

  @Test
  void rejectsUtf16ByteOrderMarks() {
    assertTrue(message(concat(bytes(0xFF, 0xFE), "h\0i\0".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("in.txt: UTF-16 text (byte order mark FF FE) is not supported"));
    assertTrue(message(bytes(0xFE, 0xFF, 0, 'h')).startsWith("in.txt: UTF-16 text (byte order mark FE FF)"));
  }

  @Test
  void refusesBinaryData() {
    assertEquals("in.txt: looks like binary data (NUL byte at byte offset 3)", message(bytes('a', 'b', 'c', 0, 'd')));
    assertEquals("in.txt: looks like binary data (gzip signature)", message(bytes(0x1F, 0x8B, 8, 0, 1, 2)));
    assertEquals("in.txt: looks like binary data (PDF signature)", message("%PDF-1.7 xx".getBytes(StandardCharsets.US_ASCII)));
    byte[] controls = new byte[100];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 3 == 0 ? 1 : 'a');
    }
    assertTrue(message(controls).startsWith("in.txt: looks like binary data (34% control characters"), message(controls));
    byte[] noise = new byte[200];
    new Random(1).nextBytes(noise);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (byte) (noise[i] | 0x80); // high bytes only, no NUL
    }
    noise[0] = 'x';
    assertEquals("in.txt: looks like binary data (mostly invalid UTF-8)", message(noise));
  }

  @Test
  void refusesEmptyAndWhitespaceOnlyInput() {
    assertEquals("in.txt: empty input", message(new byte[0]));
    assertEquals("in.txt: empty input", message(bytes(0xEF, 0xBB, 0xBF)));
    assertEquals("in.txt: empty input", message(" \r\n\t\u00A0\u200B\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void enforcesSizeLimit() {
    TextInput small = new TextInput(10);
    var e = assertThrows(InputException.class,
        () -> small.read(new ByteArrayInputStream(new byte[11]), "big.txt"));
    assertEquals("big.txt: input is larger than the limit of 10 bytes", e.getMessage());
    assertEquals("0123456789", small.read(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)), "ok"));
    assertThrows(IllegalArgumentException.class, () -> new TextInput(0));
  }

  @Test
  void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.txt");
    Files.write(f, "Hi there".getBytes(StandardCharsets.UTF_8));
    assertEquals("Hi there", INPUT.read(f));
    Path missing = dir.resolve("missing.txt");
    assertEquals(missing + ": no such file",
        assertThrows(InputException.class, () -> INPUT.read(missing)).getMessage());
    assertEquals(dir + ": is a directory, not a text file",
        assertThrows(InputException.class, () -> INPUT.read(dir)).getMessage());
    assertEquals(f + ": input is larger than the limit of 3 bytes",
        assertThrows(InputException.class, () -> new TextInput(3).read(f)).getMessage());
  }

  @Test
  void decompressesGzipFilesByName(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("doc.txt.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("line one\nline two\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("line one\nline two\n", INPUT.read(gz));
    try (TextLines lines = TextInput.lines(gz, 100)) {
      assertEquals("line one", lines.next().text());
      assertEquals(new TextLines.Line(2, 9, "line two"), lines.next());
      assertEquals(null, lines.next());
    }
    Path fake = dir.resolve("fake.gz");
    Files.write(fake, "not gzip".getBytes(StandardCharsets.UTF_8));
    assertTrue(assertThrows(InputException.class, () -> INPUT.read(fake)).getMessage()
        .startsWith(fake + ": not in gzip format"));
    assertTrue(assertThrows(InputException.class, () -> new TextInput(5).read(gz)).getMessage()
        .endsWith("input is larger than the limit of 5 bytes"));
  }

  // ---------------------------------------------------------------- streaming

  private static List<TextLines.Line> lines(byte[] data, int maxLine) throws IOException {
    List<TextLines.Line> out = new ArrayList<>();
    try (TextLines t = new TextLines(new ByteArrayInputStream(data), "c.txt", maxLine)) {
      for (TextLines.Line l = t.next(); l != null; l = t.next()) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void streamsLinesWithAllLineEndings() throws IOException {
    byte[] data = concat(bytes(0xEF, 0xBB, 0xBF), "a\u00E9\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8));
    List<TextLines.Line> l = lines(data, 100);
    assertEquals(List.of(new TextLines.Line(1, 3, "a\u00E9"), new TextLines.Line(2, 8, "b"),
        new TextLines.Line(3, 10, "c"), new TextLines.Line(4, 12, ""), new TextLines.Line(5, 13, "d")), l);
  }

  @Test
  void streamedLinesMatchWholeDecodeAcrossBufferBoundaries() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    String[] ends = {"\n", "\r\n", "\r"};
    List<String> expected = new ArrayList<>();
    while (sb.length() < 200_000) {
      StringBuilder line = new StringBuilder();
      int n = 1 + r.nextInt(300); // non-empty: "\r" + "" + "\n" would read as one CRLF
      for (int i = 0; i < n; i++) {
        line.appendCodePoint(r.nextInt(4) == 0 ? 0x1F600 + r.nextInt(50) : 'a' + r.nextInt(26));
      }
      expected.add(line.toString());
      sb.append(line).append(ends[r.nextInt(ends.length)]);
    }
    byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
    List<TextLines.Line> got = lines(data, 10_000);
    List<String> texts = new ArrayList<>();
    for (TextLines.Line l : got) {
      texts.add(l.text());
      String rest = new String(data, (int) l.byteOffset(), data.length - (int) l.byteOffset(), StandardCharsets.UTF_8);
      assertTrue(rest.startsWith(l.text()), "seed=" + seed + " line " + l.number());
    }
    assertEquals(expected.size(), texts.size(), "seed=" + seed);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(expected.get(i), texts.get(i), "seed=" + seed + " line " + (i + 1));
    }
  }

  @Test
  void streamReportsStreamByteOffsetsAndLimits() {
    byte[] data = concat("ok\nab".getBytes(StandardCharsets.UTF_8), bytes(0xC0, 0x80), "\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("c.txt: invalid UTF-8 at byte offset 5",
        assertThrows(InputException.class, () -> lines(data, 100)).getMessage());
    assertEquals("c.txt: looks like binary data (NUL byte at byte offset 4)",
        assertThrows(InputException.class, () -> lines(bytes('a', '\n', 'b', 'c', 0), 100)).getMessage());
    assertEquals("c.txt: line 2 is longer than the limit of 3 bytes",
        assertThrows(InputException.class, () -> lines("abc\nabcd\n".getBytes(StandardCharsets.UTF_8), 3)).getMessage());
    assertTrue(assertThrows(InputException.class, () -> lines(bytes(0xFF, 0xFE, 'a', 0), 100)).getMessage()
        .contains("UTF-16"));
  }
}
