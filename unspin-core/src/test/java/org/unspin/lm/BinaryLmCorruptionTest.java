package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

/** Broken model files are rejected with a message that names the file and the problem. */
class BinaryLmCorruptionTest {
  @TempDir
  Path dir;

  private byte[] good;
  private Path file;

  @BeforeEach
  void writeModel() throws IOException {
    LmTestSupport.write(LmTestSupport.tinyArpa(), dir, "good.ulm", 8).close();
    good = Files.readAllBytes(dir.resolve("good.ulm"));
    file = dir.resolve("bad.ulm");
  }

  private String rejection(byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return assertThrows(ModelException.class, () -> BinaryLm.open(file)).getMessage();
  }

  private static void fixHeaderCrc(byte[] b) {
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int order = h.getInt(LmFormat.OFF_ORDER);
    int crcPos = LmFormat.headerCrcPos(order);
    CRC32 c = new CRC32();
    c.update(b, 0, crcPos);
    h.putInt(crcPos, (int) c.getValue());
  }

  @Test
  void rejectsWrongMagic() throws IOException {
    byte[] b = good.clone();
    b[0] = 'X';
    assertEquals("language model " + file + ": not an Unspin language model (wrong magic number)", rejection(b));
    assertEquals("language model " + file + ": not an Unspin language model (wrong magic number)",
        rejection("\\data\\\nngram 1=3\n".repeat(10).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @Test
  void rejectsUnsupportedVersion() throws IOException {
    byte[] b = good.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(LmFormat.OFF_VERSION, 1);
    assertEquals("language model " + file + ": unsupported format version 1 (this build reads version 2)", rejection(b));
  }

  @Test
  void rejectsTruncatedFiles() throws IOException {
    assertEquals("language model " + file + ": truncated: 0 bytes, shorter than the 48-byte header",
        rejection(new byte[0]));
    assertEquals("language model " + file + ": truncated: 30 bytes, shorter than the 48-byte header",
        rejection(Arrays.copyOf(good, 30)));
    String m = rejection(Arrays.copyOf(good, good.length - 1));
    assertEquals("language model " + file + ": truncated: " + (good.length - 1) + " bytes, the header announces "
        + good.length, m);
    m = rejection(Arrays.copyOf(good, 100));
    assertEquals("language model " + file + ": truncated: 100 bytes, shorter than its "
        + LmFormat.headerLength(3) + "-byte header", m);
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    assertEquals("language model " + file + ": has 3 trailing bytes after the payload",
        rejection(Arrays.copyOf(good, good.length + 3)));
  }

  @Test
  void rejectsAFlippedBitAnywhere() throws IOException {
    for (int pos = 0; pos < good.length; pos++) {
      byte[] b = good.clone();
      b[pos] ^= 0x10;
      Files.write(file, b);
      int at = pos;
      String m = assertThrows(ModelException.class, () -> BinaryLm.open(file), "byte " + at).getMessage();
      if (pos >= LmFormat.headerLength(3)) {
        assertEquals("language model " + file + ": checksum mismatch (corrupt or modified file)", m, "byte " + pos);
      }
    }
  }

  @Test
  void rejectsCorruptHeader() throws IOException {
    byte[] b = good.clone();
    b[LmFormat.FIXED + 3] ^= 1;
    assertEquals("language model " + file + ": header checksum mismatch (corrupt header)", rejection(b));
  }

  @Test
  void rejectsInconsistentCounts() throws IOException {
    byte[] b = good.clone();
    // Claim one more 3-gram record than the record array holds.
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    h.putLong(LmFormat.FIXED + 16, h.getLong(LmFormat.FIXED + 16) + 1);
    fixHeaderCrc(b);
    assertEquals("language model " + file + ": inconsistent counts: 2-gram records take 24 bytes, 5 records need 25",
        rejection(b));
    b = good.clone();
    h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    // More real n-grams than records.
    h.putLong(LmFormat.FIXED + 24 + 8, 99);
    fixHeaderCrc(b);
    assertEquals("language model " + file + ": inconsistent counts: order 2 has 99 n-grams in 5 records", rejection(b));
  }

  @Test
  void rejectsMissingFile() {
    Path missing = dir.resolve("nope.ulm");
    assertEquals("language model " + missing + ": no such file",
        assertThrows(ModelException.class, () -> BinaryLm.open(missing)).getMessage());
  }
}
