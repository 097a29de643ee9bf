package org.unspin.lm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * A read-only, little-endian view of a whole file mapped into memory as 1 GiB windows, so files
 * larger than 2 GB can be read with plain {@link ByteBuffer}s. Consecutive windows overlap by
 * {@link #OVERLAP} bytes: an 8-byte read that starts in window {@code k} never crosses into window
 * {@code k + 1}, which keeps {@link #getLong} a single buffer access. Thread-safe (only absolute
 * reads are used).
 *
 * @lucene.internal
 */
final class MappedBytes {
  static final int WINDOW_BITS = 30;
  static final long WINDOW = 1L << WINDOW_BITS;
  static final int OVERLAP = 16;

  private final ByteBuffer[] windows;
  /** The only window when the file fits in one (the common case), else null. */
  private final ByteBuffer single;
  private final long size;
  private final int windowBits;
  private final long window;
  private final long windowMask;

  private MappedBytes(ByteBuffer[] windows, long size, int windowBits) {
    this.windows = windows;
    this.single = windows.length == 1 ? windows[0] : null;
    this.size = size;
    this.windowBits = windowBits;
    this.window = 1L << windowBits;
    this.windowMask = window - 1;
  }

  /** Maps all of {@code channel} read-only. */
  static MappedBytes map(FileChannel channel) throws IOException {
    return map(channel, WINDOW_BITS);
  }

  /** Maps with windows of {@code 2^windowBits} bytes; small windows let tests cross boundaries. */
  static MappedBytes map(FileChannel channel, int windowBits) throws IOException {
    long size = channel.size();
    long window = 1L << windowBits;
    int n = (int) Math.max(1, (size + window - 1) / window);
    ByteBuffer[] windows = new ByteBuffer[n];
    for (int k = 0; k < n; k++) {
      long start = k * window;
      long len = Math.min(size - start, window + OVERLAP);
      MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.max(0, len));
      windows[k] = b.order(ByteOrder.LITTLE_ENDIAN);
    }
    return new MappedBytes(windows, size, windowBits);
  }

  /** Wraps an in-memory buffer (tests, resources); must be smaller than one window. */
  static MappedBytes wrap(ByteBuffer buffer) {
    return new MappedBytes(new ByteBuffer[] {buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN)},
        buffer.remaining(), WINDOW_BITS);
  }

  long size() {
    return size;
  }

  /** The 8 bytes at {@code pos}; the file must extend 8 bytes past {@code pos}. */
  long getLong(long pos) {
    ByteBuffer b = single;
    if (b != null) {
      return b.getLong((int) pos);
    }
    return windows[(int) (pos >>> windowBits)].getLong((int) (pos & windowMask));
  }

  int getInt(long pos) {
    return windows[(int) (pos >>> windowBits)].getInt((int) (pos & windowMask));
  }

  float getFloat(long pos) {
    return Float.intBitsToFloat(getInt(pos));
  }

  byte get(long pos) {
    return windows[(int) (pos >>> windowBits)].get((int) (pos & windowMask));
  }

  /** Copies {@code len} bytes at {@code pos} into {@code dst}. */
  void get(long pos, byte[] dst, int off, int len) {
    for (int i = 0; i < len; ) {
      long p = pos + i;
      ByteBuffer w = windows[(int) (p >>> windowBits)];
      int wp = (int) (p & windowMask);
      int n = Math.min(len - i, w.limit() - wp);
      w.get(wp, dst, off + i, n);
      i += n;
    }
  }

  /** CRC32 of {@code [from, to)}. */
  long crc32(long from, long to) {
    CRC32 crc = new CRC32();
    long p = from;
    while (p < to) {
      ByteBuffer w = windows[(int) (p >>> windowBits)];
      int wp = (int) (p & windowMask);
      int end = (int) Math.min(window, Math.min(w.limit(), wp + (to - p)));
      ByteBuffer slice = w.duplicate();
      slice.limit(end).position(wp);
      crc.update(slice);
      p += end - wp;
    }
    return crc.getValue();
  }

  /**
   * Reads the unsigned field of {@code bits} (0 to 57) bits that starts at bit {@code bitPos} of
   * the region beginning at byte {@code base}.
   */
  long bits(long base, long bitPos, int bits, long mask) {
    return (getLong(base + (bitPos >>> 3)) >>> (bitPos & 7)) & mask;
  }
}
