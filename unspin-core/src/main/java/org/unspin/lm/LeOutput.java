package org.unspin.lm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Little-endian buffered output that tracks its position, keeps a CRC32 of everything written and
 * packs bit fields (least significant bit first), the write side of {@link MappedBytes#bits}.
 *
 * @lucene.internal
 */
final class LeOutput {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int len;
  private long position;
  private final CRC32 crc = new CRC32();
  private long acc;
  private int accBits;

  LeOutput(OutputStream out, long startPosition) {
    this.out = out;
    this.position = startPosition;
  }

  long position() {
    return position + len;
  }

  long crc() {
    return crc.getValue();
  }

  void writeByte(int b) throws IOException {
    if (len == buf.length) {
      drain();
    }
    buf[len++] = (byte) b;
  }

  void writeBytes(byte[] b, int off, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      writeByte(b[off + i]);
    }
  }

  void writeInt(int v) throws IOException {
    for (int i = 0; i < 4; i++) {
      writeByte(v >>> (8 * i));
    }
  }

  void writeLong(long v) throws IOException {
    for (int i = 0; i < 8; i++) {
      writeByte((int) (v >>> (8 * i)));
    }
  }

  void writeFloat(float v) throws IOException {
    writeInt(Float.floatToRawIntBits(v));
  }

  /** Appends the low {@code bits} bits of {@code value} to the current bit field run. */
  void writeBits(long value, int bits) throws IOException {
    while (bits > 0) {
      int take = Math.min(bits, 64 - accBits);
      long mask = take == 64 ? -1L : (1L << take) - 1;
      acc |= (value & mask) << accBits;
      accBits += take;
      value = take == 64 ? 0 : value >>> take;
      bits -= take;
      if (accBits == 64) {
        writeLong(acc);
        acc = 0;
        accBits = 0;
      }
    }
  }

  /** Ends a bit field run: flushes the partial byte(s) and 8 zero bytes that make word reads safe. */
  void endBits() throws IOException {
    int bytes = (accBits + 7) / 8;
    for (int i = 0; i < bytes; i++) {
      writeByte((int) (acc >>> (8 * i)));
    }
    acc = 0;
    accBits = 0;
    writeLong(0);
  }

  /** Pads with zeros to a multiple of 8 bytes. */
  void align() throws IOException {
    while ((position() & 7) != 0) {
      writeByte(0);
    }
  }

  private void drain() throws IOException {
    crc.update(buf, 0, len);
    out.write(buf, 0, len);
    position += len;
    len = 0;
  }

  void flush() throws IOException {
    drain();
    out.flush();
  }
}
