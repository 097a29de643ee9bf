package org.unspin.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import org.unspin.api.Unspin;
import org.unspin.api.Verdict;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

/**
 * The work of one task: reads its input files (one per task, as the job slices them) record by
 * record from the Hadoop file system and turns each record into its report line with the
 * executor's shared {@link Unspin} ({@link ExecutorModels}). Lazy: a record is read only when
 * Spark pulls the next line, so a task holds one record at a time whatever the file's size.
 *
 * <p>A file that cannot be opened becomes one error line, as in {@code unspin scan}; a file that
 * breaks off while being read (the file system fails, not a bad record) fails the task, so that
 * Spark retries it.
 */
final class ScanPartition implements FlatMapFunction<Iterator<String>, String>, Serializable {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final String textField;
  private final String idField;
  private final long maxBytes;
  private final HadoopConf conf;
  private final LongAccumulator documents;
  private final LongAccumulator errors;
  private final LongAccumulator spun;

  ScanPartition(ModelSpec spec, String textField, String idField, long maxBytes, HadoopConf conf,
      LongAccumulator documents, LongAccumulator errors, LongAccumulator spun) {
    this.spec = spec;
    this.textField = textField;
    this.idField = idField;
    this.maxBytes = maxBytes;
    this.conf = conf;
    this.documents = documents;
    this.errors = errors;
    this.spun = spun;
    new RecordOptions(textField, idField, maxBytes); // validates on the driver, before any task starts
  }

  @Override
  public Iterator<String> call(Iterator<String> files) {
    Lines lines = new Lines(files, ExecutorModels.get(spec), new RecordOptions(textField, idField, maxBytes));
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> lines.close());
    }
    return lines;
  }

  /**
   * The name a file goes by in ids and sources: the plain path for the local file system (as
   * {@code unspin scan} names a file given by its absolute path), else the full URI.
   */
  static String displayName(Path p) {
    String scheme = p.toUri().getScheme();
    return scheme == null || scheme.equals("file") ? p.toUri().getPath() : p.toString();
  }

  /** Pulls records file after file and checks them one at a time. */
  private final class Lines implements Iterator<String> {
    private final Iterator<String> files;
    private final Unspin unspin;
    private final RecordOptions options;
    private RecordStream current;
    private String currentName;
    private String next;

    Lines(Iterator<String> files, Unspin unspin, RecordOptions options) {
      this.files = files;
      this.unspin = unspin;
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
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String line = next;
      next = null;
      return line;
    }

    private String advance() {
      while (true) {
        if (current != null) {
          InputRecord r;
          try {
            r = current.next();
          } catch (IOException e) {
            throw new UncheckedIOException(currentName + ": reading stopped: " + e.getMessage(), e);
          }
          if (r != null) {
            return check(r);
          }
          close();
        }
        if (!files.hasNext()) {
          return null;
        }
        InputRecord openError = open(files.next());
        if (openError != null) {
          return check(openError);
        }
      }
    }

    /** Opens the next file; returns an error record if it cannot be opened. */
    private InputRecord open(String file) {
      Path p = new Path(file);
      currentName = displayName(p);
      InputStream in;
      try {
        FileSystem fs = p.getFileSystem(conf.get());
        in = fs.open(p);
      } catch (java.io.FileNotFoundException e) {
        return InputRecord.ofError(currentName, null, currentName, "no such file");
      } catch (IOException e) {
        return InputRecord.ofError(currentName, null, currentName, "cannot read (" + e.getClass().getSimpleName()
            + ": " + e.getMessage() + ")");
      }
      current = switch (InputKind.of(p.getName())) {
        case WARC -> Records.warc(in, currentName, options);
        case JSONL -> Records.jsonl(in, currentName, options);
      };
      return null;
    }

    private String check(InputRecord r) {
      documents.add(1);
      if (r.isError()) {
        errors.add(1);
      }
      ReportLines.Line line = ReportLines.line(unspin, r);
      if (line.verdict() == Verdict.SPUN) {
        spun.add(1);
      }
      return line.json();
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
