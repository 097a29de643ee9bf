package org.unspin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

  private static List<String> read(InputStream in, int max) throws IOException {
    List<String> out = new ArrayList<>();
    ByteLines lines = new ByteLines(in, max);
    while (lines.next()) {
      out.add(lines.tooLong() ? "<too long>"
          : new String(lines.buffer(), 0, lines.length(), StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  @Test
  void dropsTheCrBeforeLfAndAtTheEndButKeepsOthers() throws IOException {
    byte[] in = "a\r\n\r\nb\rc\nd\r".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of("a", "", "b\rc", "d"), read(new ByteArrayInputStream(in), 100));
  }

  @Test
  void flagsALineOverTheLimitAndGoesOnAfterIt() throws IOException {
    byte[] in = "abc\nabcdef\nab\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of("abc", "<too long>", "ab"), read(new ByteArrayInputStream(in), 3));
  }

  @Test
  void dropPrefixShortensTheLine() throws IOException {
    ByteLines lines = new ByteLines(new ByteArrayInputStream("xyz\n".getBytes(StandardCharsets.ISO_8859_1)), 10);
    assertTrue(lines.next());
    lines.dropPrefix(1);
    assertEquals("yz", new String(lines.copy(), StandardCharsets.ISO_8859_1));
    assertFalse(lines.next());
    assertEquals(1, lines.lineNumber());
  }

  @Test
  void randomBytesSplitLikeStringSplitWhateverTheReadSizes() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int round = 0; round < 50; round++) {
      int n = r.nextInt(200_000);
      byte[] bytes = new byte[n];
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(40);
        bytes[i] = (byte) (k == 0 ? '\n' : k == 1 ? '\r' : 'a' + k % 26);
      }
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      List<String> expected = new ArrayList<>();
      for (String s : text.split("\n", -1)) {
        expected.add(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
      }
      if (text.isEmpty() || text.endsWith("\n")) {
        expected.remove(expected.size() - 1);
      }
      int chunk = 1 + r.nextInt(5000);
      InputStream dribble = new ByteArrayInputStream(bytes) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          return super.read(b, off, Math.min(len, chunk));
        }
      };
      assertEquals(expected, read(dribble, Integer.MAX_VALUE - 8), "seed=" + seed + " round=" + round
          + " bytes=" + Arrays.hashCode(bytes));
    }
  }
}
