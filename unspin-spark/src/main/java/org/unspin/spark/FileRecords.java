package org.unspin.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

/**
 * Reads the records of a task's input files from the Hadoop file system, file after file, with the
 * scan's readers ({@link Records#warc}, {@link Records#jsonl}). Lazy: a record is read when Spark
 * pulls it, so a task holds one record at a time whatever the file's size.
 *
 * <p>A file that cannot be opened becomes one error record, as in {@code unspin scan}, and so do
 * broken bytes inside a file (the scan's readers). A read that fails in the middle of a file (the
 * file system, not the data) is an {@link IOException} from the readers: it fails the task with an
 * {@link UncheckedIOException}, so that Spark retries it, unless this is the task's last attempt
 * ({@link #lastAttempt}): then the failure becomes the file's last record (an error naming the
 * attempts) and the task goes on with its next file, so that one unreadable file does not fail the
 * whole job and loses only what could not be read.
 */
final class FileRecords implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String textField;
  private final String idField;
  private final long maxBytes;
  private final HadoopConf conf;

  FileRecords(String textField, String idField, long maxBytes, HadoopConf conf) {
    new RecordOptions(textField, idField, maxBytes); // validates on the driver, before any task starts
    this.textField = textField;
    this.idField = idField;
    this.maxBytes = maxBytes;
    this.conf = conf;
  }

  /** The records of {@code files} in order; the streams close at the end or when the task ends. */
  Iterator<InputRecord> read(Iterator<String> files) {
    Reader reader = new Reader(files, new RecordOptions(textField, idField, maxBytes));
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) t -> reader.close());
    }
    return reader;
  }

  /**
   * How many attempts this task has had when it is the last one Spark will make, else -1: then a
   * failing read should fail the task, which Spark runs again. Outside a task (no {@link
   * TaskContext}) every attempt is the last.
   */
  static int lastAttempt() {
    TaskContext task = TaskContext.get();
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    if (task == null || env == null) {
      return 1;
    }
    int max = maxAttempts(env.conf().get("spark.master", ""), env.conf().getInt("spark.task.maxFailures", 4));
    int attempt = task.attemptNumber() + 1;
    return attempt >= max ? attempt : -1;
  }

  /**
   * How many times Spark runs a failing task: {@code F} for a master {@code local[N, F]}, once for
   * {@code local} and {@code local[N]} (Spark does not retry there), else {@code spark.task.maxFailures}.
   */
  static int maxAttempts(String master, int maxFailures) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[[^,\\]]+,\\s*(\\d+)\\]").matcher(master);
    if (m.matches()) {
      return Math.max(1, Integer.parseInt(m.group(1)));
    }
    return master.equals("local") || master.startsWith("local[") ? 1 : Math.max(1, maxFailures);
  }

  /**
   * The name a file goes by in ids and sources: the plain path on the local file system (as
   * {@code unspin scan} names a file given by its absolute path), else the full URI.
   */
  static String displayName(Path p) {
    String scheme = p.toUri().getScheme();
    return scheme == null || scheme.equals("file") ? p.toUri().getPath() : p.toString();
  }

  private final class Reader implements Iterator<InputRecord> {
    private final Iterator<String> files;
    private final RecordOptions options;
    private RecordStream current;
    private String currentName;
    private InputRecord next;

    Reader(Iterator<String> files, RecordOptions options) {
      this.files = files;
      this.options = options;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public InputRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InputRecord r = next;
      next = null;
      return r;
    }

    private InputRecord advance() {
      while (true) {
        if (current != null) {
          InputRecord r;
          try {
            r = current.next();
          } catch (IOException e) {
            int attempts = lastAttempt();
            if (attempts < 0) {
              throw new UncheckedIOException(currentName + ": reading stopped: " + e.getMessage(), e);
            }
            String name = currentName;
            closeQuietly();
            return InputRecord.ofError(name, null, name, "reading failed (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + ") in " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + "; the rest of the file is not in the report");
          }
          if (r != null) {
            return r;
          }
          close();
        }
        if (!files.hasNext()) {
          return null;
        }
        InputRecord openError = open(files.next());
        if (openError != null) {
          return openError;
        }
      }
    }

    /** Opens the next file; an error record if it cannot be opened. */
    private InputRecord open(String file) {
      Path p = new Path(file);
      currentName = displayName(p);
      InputKind kind = InputKind.of(p.getName());
      if (kind == null) {
        return InputRecord.ofError(currentName, null, currentName, "neither WARC nor JSONL by its name");
      }
      FSDataInputStream in;
      long size;
      try {
        FileSystem fs = p.getFileSystem(conf.get());
        size = fs.getFileStatus(p).getLen();
        in = fs.open(p);
      } catch (java.io.FileNotFoundException e) {
        return InputRecord.ofError(currentName, null, currentName, "no such file");
      } catch (IOException e) {
        return InputRecord.ofError(currentName, null, currentName, "cannot read (" + e.getClass().getSimpleName()
            + ": " + e.getMessage() + ")");
      }
      current = switch (kind) {
        // Seekable, so that a gzip WARC goes on at the next member after a broken one, as in scan.
        case WARC -> Records.warc(new HadoopFileChannel(in, size), currentName, options);
        case JSONL -> Records.jsonl(in, currentName, options);
      };
      return null;
    }

    private void closeQuietly() {
      RecordStream s = current;
      current = null;
      try {
        if (s != null) {
          s.close();
        }
      } catch (IOException ignored) {
        // the read failed already; that failure is what the report says
      }
    }

    void close() {
      RecordStream s = current;
      current = null;
      if (s != null) {
        try {
          s.close();
        } catch (IOException e) {
          throw new UncheckedIOException(currentName + ": cannot close: " + e.getMessage(), e);
        }
      }
    }
  }
}
