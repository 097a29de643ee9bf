package org.unspin.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.unspin.api.InputException;

/**
 * Expands the job's input arguments (Hadoop paths on any file system, with globs) into the sorted
 * list of files to scan. Runs on the driver.
 *
 * <p>A directory is walked recursively and contributes every WARC and JSONL file under it; other
 * files there (Spark's {@code _SUCCESS}, checksums, notes) are skipped, as are hidden names
 * starting with {@code .} or {@code _}. A file named explicitly must be WARC or JSONL. Files come
 * out sorted by their full URI and without duplicates, so that the order of the report's part
 * files is stable across runs.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * The files to scan, sorted by URI.
   *
   * @throws InputException if an argument matches nothing, names a file of an unknown kind, or the
   *     whole input holds no file to scan
   * @throws IOException if a file system cannot be listed
   */
  public static List<String> expand(List<String> inputs, Configuration conf) throws IOException {
    if (inputs.isEmpty()) {
      throw new InputException("no input given");
    }
    TreeSet<String> files = new TreeSet<>();
    for (String in : inputs) {
      Path p = new Path(in);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new InputException("input not found: " + in);
      }
      for (FileStatus st : matches) {
        if (st.isDirectory()) {
          addDirectory(fs, st.getPath(), files);
        } else if (InputKind.of(st.getPath().getName()) == null) {
          throw new InputException("input " + st.getPath() + " is neither WARC/ARC (.warc, .arc, .gz) nor JSONL"
              + " (.jsonl, .ndjson, .gz)");
        } else {
          files.add(st.getPath().toString());
        }
      }
    }
    if (files.isEmpty()) {
      throw new InputException("no WARC or JSONL file under " + String.join(", ", inputs));
    }
    return new ArrayList<>(files);
  }

  private static void addDirectory(FileSystem fs, Path dir, TreeSet<String> files) throws IOException {
    RemoteIterator<LocatedFileStatus> it;
    try {
      it = fs.listFiles(dir, true);
    } catch (FileNotFoundException e) {
      throw new InputException("input not found: " + dir, e);
    }
    while (it.hasNext()) {
      LocatedFileStatus st = it.next();
      Path p = st.getPath();
      if (st.isFile() && !hidden(dir, p) && InputKind.of(p.getName()) != null) {
        files.add(p.toString());
      }
    }
  }

  /** Whether {@code p} or a directory between {@code root} and it has a hidden name ({@code .x}, {@code _x}). */
  private static boolean hidden(Path root, Path p) {
    String rootUri = root.toUri().getPath();
    for (Path q = p; q != null && !q.toUri().getPath().equals(rootUri); q = q.getParent()) {
      String n = q.getName();
      if (n.startsWith(".") || n.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
