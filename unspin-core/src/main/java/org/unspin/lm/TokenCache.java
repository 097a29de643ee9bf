package org.unspin.lm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.UnspinException;

/**
 * A temporary file of sentences as provisional word ids, written while the vocabulary is counted so
 * that the counting pass does not decompress and tokenize the corpus a second time. Each sentence
 * is its length followed by its ids, all as unsigned LEB128 varints (most ids fit in one or two
 * bytes). {@link #close} deletes the file.
 *
 * <p>Not thread-safe.
 *
 * @lucene.internal
 */
final class TokenCache implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
  private static final int IO_BUFFER = 1 << 18;

  /** Receives one sentence of ids; the array is only valid during the call. */
  @FunctionalInterface
  interface Sink {
    void sentence(int[] ids, int count);
  }

  private final Path path;
  private final FileChannel out;
  private final ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER);
  private long bytes;

  TokenCache(Path tmpDir) {
    try {
      Files.createDirectories(tmpDir);
      this.path = Files.createTempFile(tmpDir, "unspin-tokens-", ".ids");
      this.out = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UnspinException("cannot create a token cache in " + tmpDir + ": " + e.getMessage(), e);
    }
  }

  /** Appends one sentence. */
  void add(int[] ids, int count) {
    put(count);
    for (int i = 0; i < count; i++) {
      put(ids[i]);
    }
  }

  private void put(int v) {
    if (buf.remaining() < 5) {
      drain();
    }
    while ((v & ~0x7F) != 0) {
      buf.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    buf.put((byte) v);
  }

  private void drain() {
    buf.flip();
    try {
      bytes += buf.remaining();
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    } catch (IOException e) {
      throw new UnspinException("cannot write token cache " + path + ": " + e.getMessage(), e);
    }
    buf.clear();
  }

  /** Ends writing; call once before {@link #forEachSentence}. */
  void finishWriting() {
    drain();
    try {
      out.close();
    } catch (IOException e) {
      throw new UnspinException("cannot write token cache " + path + ": " + e.getMessage(), e);
    }
    LOG.debug("token cache {}: {} bytes", path, bytes);
  }

  /** Replays every sentence in the order written. */
  void forEachSentence(Sink sink) {
    int[] ids = new int[256];
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(IO_BUFFER);
      b.limit(0);
      int state = -1; // -1: expecting a sentence length; else number of ids read so far
      int count = 0;
      int value = 0;
      int shift = 0;
      while (true) {
        if (!b.hasRemaining()) {
          b.clear();
          if (in.read(b) < 0) {
            break;
          }
          b.flip();
          continue;
        }
        byte x = b.get();
        value |= (x & 0x7F) << shift;
        if (x < 0) {
          shift += 7;
          continue;
        }
        if (state < 0) {
          count = value;
          if (count > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(count, ids.length * 2));
          }
          state = 0;
        } else {
          ids[state++] = value;
        }
        value = 0;
        shift = 0;
        if (state == count) {
          sink.sentence(ids, count);
          state = -1;
        }
      }
      if (state >= 0 || shift != 0) {
        throw new UnspinException("token cache " + path + " is truncated");
      }
    } catch (IOException e) {
      throw new UnspinException("cannot read token cache " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot delete token cache {}: {}", path, e.getMessage());
    }
  }
}
