package org.unspin.spark;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A read-only {@link FileChannel} over a Hadoop input stream, so that the scan's WARC reader can
 * seek in files on any Hadoop file system as it does in local files (to go on at the next gzip
 * member after a broken one). Reading, positioning, positional reads and the size are supported;
 * writing, truncating, mapping and locking are not. One reader at a time, as for any channel
 * position.
 */
final class HadoopFileChannel extends FileChannel {
  private static final int CHUNK = 1 << 16;

  private final FSDataInputStream in;
  private final long size;
  private final byte[] chunk = new byte[CHUNK];

  /**
   * @param in the open stream; closed with this channel
   * @param size the file's length in bytes
   */
  HadoopFileChannel(FSDataInputStream in, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0 (got " + size + ")");
    }
    this.in = in;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    int n = in.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
    if (n > 0) {
      dst.put(chunk, 0, n);
    }
    return n;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      if (!dsts[i].hasRemaining()) {
        continue;
      }
      int n = read(dsts[i]);
      if (n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
      if (dsts[i].hasRemaining()) {
        break;
      }
    }
    return total;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    ensureOpen();
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0 (got " + position + ")");
    }
    if (position >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    int n = in.read(position, chunk, 0, (int) Math.min(Math.min(chunk.length, dst.remaining()), size - position));
    if (n > 0) {
      dst.put(chunk, 0, n);
    }
    return n;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return in.getPos();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("position must be >= 0 (got " + newPosition + ")");
    }
    if (newPosition > size) {
      // Hadoop streams refuse to seek past the end; a channel allows it and then reads end-of-file.
      throw new EOFException("cannot seek to " + newPosition + " past the end (" + size + ")");
    }
    in.seek(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    long done = 0;
    while (done < count) {
      buf.clear().limit((int) Math.min(CHUNK, count - done));
      int n = read(buf, position + done);
      if (n <= 0) {
        break;
      }
      buf.flip();
      while (buf.hasRemaining()) {
        target.write(buf);
      }
      done += n;
    }
    return done;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) {
    throw new NonWritableChannelException();
  }

  @Override
  public int write(ByteBuffer src, long position) {
    throw new NonWritableChannelException();
  }

  @Override
  public FileChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public void force(boolean metaData) {
    // nothing is ever written
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new NonWritableChannelException();
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException("a Hadoop stream cannot be memory-mapped");
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("a Hadoop stream cannot be locked");
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("a Hadoop stream cannot be locked");
  }

  @Override
  protected void implCloseChannel() throws IOException {
    in.close();
  }

  private void ensureOpen() throws IOException {
    if (!isOpen()) {
      throw new java.nio.channels.ClosedChannelException();
    }
  }
}
