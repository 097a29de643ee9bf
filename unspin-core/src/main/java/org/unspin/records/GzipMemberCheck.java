package org.unspin.records;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Checks one gzip member of a file end to end (RFC 1952): its header, its deflate data, and the
 * CRC-32 and length in its trailer.
 *
 * <p>jwarc inflates gzip WARCs without checking the trailer's CRC-32. Bytes changed inside a member
 * often still inflate, to a WARC head that is no longer a response, to a wrong Content-Length that
 * makes the next, intact record look broken, or to changed text read as if it were sound. The WARC
 * reader therefore checks each member that starts a record before it uses the record.
 *
 * <p>Reads are positional ({@link FileChannel#read(ByteBuffer, long)}), so the channel's own position,
 * which the WARC reader uses, does not move. One instance reuses its inflater and buffers; it is not
 * thread-safe.
 */
final class GzipMemberCheck {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xE0;

  private final FileChannel file;
  private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
  private final byte[] out = new byte[1 << 16];
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private long next; // file offset of the first byte not yet in the buffer

  GzipMemberCheck(FileChannel file) {
    this.file = file;
  }

  /**
   * Reads the member at {@code at} to its end and returns the offset just after it, or -1 when the
   * bytes there do not start a gzip member (magic number and deflate method) at all.
   *
   * @throws ZipException when the header's flags, the deflate data or the trailer is wrong
   * @throws EOFException when the file ends inside the member
   * @throws IOException when reading fails
   */
  long check(long at) throws IOException {
    in.clear().limit(0);
    next = at;
    if (!fill() || in.remaining() < 3 || in.get() != 0x1f || (in.get() & 0xFF) != 0x8b || in.get() != 8) {
      return -1;
    }
    int flags = u8();
    if ((flags & RESERVED) != 0) {
      throw new ZipException("reserved flag bits set in a gzip header");
    }
    skip(6); // modification time, extra flags, operating system
    if ((flags & FEXTRA) != 0) {
      skip(u8() | u8() << 8);
    }
    if ((flags & FNAME) != 0) {
      while (u8() != 0) {
        // the original file name, to its terminating zero
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (u8() != 0) {
        // the comment, to its terminating zero
      }
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
    inflater.reset();
    crc.reset();
    try {
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          if (!in.hasRemaining() && !fill()) {
            throw new EOFException("the file ends inside a gzip member");
          }
          inflater.setInput(in.array(), in.position(), in.remaining());
        }
        int n = inflater.inflate(out);
        crc.update(out, 0, n);
        if (n == 0 && inflater.needsDictionary()) {
          throw new ZipException("a gzip member asks for a preset dictionary");
        }
        in.position(in.limit() - inflater.getRemaining());
      }
    } catch (DataFormatException e) {
      throw new ZipException(e.getMessage());
    }
    long storedCrc = u32();
    long storedSize = u32();
    if (storedCrc != crc.getValue()) {
      throw new ZipException("the CRC-32 in a gzip member's trailer does not match its data");
    }
    if (storedSize != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
      throw new ZipException("the length in a gzip member's trailer does not match its data");
    }
    return next - in.remaining();
  }

  private boolean fill() throws IOException {
    in.compact();
    int n = file.read(in, next);
    in.flip();
    if (n <= 0) {
      return false;
    }
    next += n;
    return true;
  }

  private int u8() throws IOException {
    if (!in.hasRemaining() && !fill()) {
      throw new EOFException("the file ends inside a gzip member");
    }
    return in.get() & 0xFF;
  }

  private long u32() throws IOException {
    return (u8() | u8() << 8 | u8() << 16 | (long) u8() << 24) & 0xFFFFFFFFL;
  }

  private void skip(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      u8();
    }
  }
}
