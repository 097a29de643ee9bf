package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFileChannelTest {
  @TempDir
  Path dir;

  private HadoopFileChannel open(Path file) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    FileSystem fs = p.getFileSystem(new Configuration());
    return new HadoopFileChannel(fs.open(p), fs.getFileStatus(p).getLen());
  }

  @Test
  void readsSeeksAndReadsAtPositionsLikeAFileChannel() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    byte[] data = new byte[200_000 + rnd.nextInt(10_000)];
    rnd.nextBytes(data);
    Path file = dir.resolve("data.bin");
    Files.write(file, data);
    try (HadoopFileChannel ch = open(file)) {
      assertEquals(data.length, ch.size(), "seed=" + seed);
      ByteBuffer all = ByteBuffer.allocate(data.length + 10);
      while (ch.read(all) > 0) {
        // read on
      }
      assertEquals(-1, ch.read(ByteBuffer.allocate(4)), "seed=" + seed);
      assertArrayEquals(data, Arrays.copyOf(all.array(), all.position()), "seed=" + seed);
      for (int i = 0; i < 50; i++) {
        int at = rnd.nextInt(data.length);
        int len = 1 + rnd.nextInt(Math.min(100_000, data.length - at));
        ch.position(at);
        assertEquals(at, ch.position(), "seed=" + seed);
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
          // read on
        }
        assertArrayEquals(Arrays.copyOfRange(data, at, at + len), buf.array(), "seed=" + seed + " at=" + at);
        long before = ch.position();
        ByteBuffer pos = ByteBuffer.allocate(Math.min(len, 1000));
        int n = ch.read(pos, at);
        assertEquals(before, ch.position(), "a positional read leaves the position; seed=" + seed);
        assertArrayEquals(Arrays.copyOfRange(data, at, at + n), Arrays.copyOf(pos.array(), n), "seed=" + seed);
      }
      assertEquals(-1, ch.read(ByteBuffer.allocate(4), data.length), "seed=" + seed);
    }
  }

  @Test
  void refusesWritesAndUseAfterClose() throws IOException {
    Path file = dir.resolve("x.bin");
    Files.write(file, new byte[] {1, 2, 3});
    HadoopFileChannel ch = open(file);
    assertThrows(NonWritableChannelException.class, () -> ch.write(ByteBuffer.allocate(1)));
    assertThrows(IllegalArgumentException.class, () -> ch.position(-1));
    assertThrows(IOException.class, () -> ch.position(4));
    ch.close();
    assertThrows(ClosedChannelException.class, () -> ch.read(ByteBuffer.allocate(1)));
  }
}
