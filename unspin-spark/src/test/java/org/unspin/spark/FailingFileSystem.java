package org.unspin.spark;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code failing:}, on which renaming a file to a name that starts
 * with {@link #failPrefix} fails while it is set: a disk or store that fails just as a task
 * publishes its part, which fails the task (and, in {@code local[N]} mode, where a task is not
 * retried, the job). Register it with {@link #register}. The executors of {@code local[N]} run in
 * the test's JVM, so they see the field.
 */
public final class FailingFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "failing";

  /** Renames to names starting with this fail; null for none. */
  static volatile String failPrefix;

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
  public boolean rename(Path src, Path dst) throws IOException {
    String prefix = failPrefix;
    if (prefix != null && dst.getName().startsWith(prefix)) {
      throw new IOException("injected failure: cannot rename " + src + " to " + dst);
    }
    return super.rename(src, dst);
  }
}
