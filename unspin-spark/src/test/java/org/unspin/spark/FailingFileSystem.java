package org.unspin.spark;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code failing:}, on which renaming a file to a name that starts
 * with {@link #failPrefix} fails while it is set: a disk or store that fails just as a task
 * publishes its part, which fails the task (and, in {@code local[N]} mode, where a task is not
 * retried, the job); and on which reading the file named {@link #failReadName} fails once {@link
 * #failReadAfter} bytes are read: a disk or network error in the middle of an input. Register it
 * with {@link #register}. The executors of {@code local[N]} run in the test's JVM, so they see the
 * fields.
 */
public final class FailingFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "failing";

  /** Renames to names starting with this fail; null for none. */
  static volatile String failPrefix;
  /** Reads of the file with this name fail past {@link #failReadAfter} bytes; null for none. */
  static volatile String failReadName;
  static volatile long failReadAfter;

  static void register(Configuration conf) {
    conf.set("fs." + SCHEME + ".impl", FailingFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  // The local file system turns a path into a File through a file: URI; ours are failing: URIs.
  @Override
  public File pathToFile(Path path) {
    checkPath(path);
    Path p = path.isAbsolute() ? path : new Path(getWorkingDirectory(), path);
    return new File(p.toUri().getPath());
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    FSDataInputStream in = super.open(f, bufferSize);
    String name = failReadName;
    return name != null && f.getName().equals(name) ? new FSDataInputStream(new FailingInput(in, failReadAfter)) : in;
  }

  /** A stream that fails like a disk once {@code limit} bytes are read. */
  private static final class FailingInput extends FSInputStream {
    private final FSDataInputStream in;
    private final long limit;

    FailingInput(FSDataInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    private long room() throws IOException {
      long left = limit - in.getPos();
      if (left <= 0) {
        throw new IOException("injected failure: Input/output error");
      }
      return left;
    }

    @Override
    public int read() throws IOException {
      room();
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      return in.read(b, off, (int) Math.min(len, room()));
    }

    @Override
    public void seek(long pos) throws IOException {
      in.seek(pos);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    String prefix = failPrefix;
    if (prefix != null && dst.getName().startsWith(prefix)) {
      throw new IOException("injected failure: cannot rename " + src + " to " + dst);
    }
    return super.rename(src, dst);
  }
}
