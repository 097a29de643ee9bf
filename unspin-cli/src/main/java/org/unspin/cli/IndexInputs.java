package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.unspin.index.SourceIndexWriter;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

/**
 * Feeds INPUT arguments of {@code index build|add} to a {@link SourceIndexWriter} through the
 * input records ({@link Records#open}): text, HTML, JSONL and WARC files, directories walked
 * recursively in path order; ids per the records contract (file path as given, JSONL id, WARC
 * target URI). A bad record is reported on stderr and skipped; progress goes to stderr.
 */
final class IndexInputs {
  /** Progress is reported at most this often. */
  static final long PROGRESS_NANOS = 2_000_000_000L;

  private final SourceIndexWriter writer;
  private final PrintWriter err;
  private long skipped;
  private long lastReport = System.nanoTime();
  private final long t0 = System.nanoTime();

  IndexInputs(SourceIndexWriter writer, PrintWriter err) {
    this.writer = writer;
    this.err = err;
  }

  long skipped() {
    return skipped;
  }

  void addAll(List<Path> inputs) throws IOException {
    try (RecordStream in = Records.open(inputs, RecordOptions.defaults())) {
      for (InputRecord r = in.next(); r != null; r = in.next()) {
        if (r.isError()) {
          skip(r.source(), r.error());
        } else if (r.text().isBlank()) {
          skip(r.source(), "no text");
        } else {
          add(r.id(), r.uri(), r.text());
        }
      }
    }
  }

  private void add(String id, String uri, String text) {
    writer.add(id, uri, text);
    long now = System.nanoTime();
    if (now - lastReport >= PROGRESS_NANOS) {
      lastReport = now;
      long n = writer.added();
      err.println(String.format(Locale.ROOT, "indexed %d documents (%.0f/s)", n, n / ((now - t0) / 1e9)));
      err.flush();
    }
  }

  private void skip(String where, String why) {
    skipped++;
    err.println("unspin: skipped " + where + ": " + why);
    err.flush();
  }
}
