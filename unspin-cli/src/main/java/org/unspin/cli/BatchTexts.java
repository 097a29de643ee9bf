package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.unspin.records.EnglishGuess;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

/**
 * The texts of a batch of input files, for a learner that reads them more than once: each
 * iteration opens the files again and gives the same texts in the same order (the records' order
 * is deterministic, {@link RecordStream}). Records that cannot be read, and texts that do not look
 * English unless all languages are wanted, are skipped; the first pass reports them (the first
 * {@value #REPORTED} one by one, then how many) on the error writer. An input that cannot be read
 * further ends an iteration with an {@link UncheckedIOException}. {@link #close} closes the stream
 * of an iteration left unfinished. Not thread-safe.
 */
final class BatchTexts implements Iterable<String>, AutoCloseable {
  static final int REPORTED = 10;

  private final List<Path> files;
  private final RecordOptions options;
  private final boolean englishOnly;
  private final int maxDocs;
  private final PrintWriter err;
  private RecordStream open;
  private int passes;
  private int documents;
  private int skipped;

  /**
   * @param files the input files, in order
   * @param options how records are read
   * @param englishOnly skip texts {@link EnglishGuess} takes for another language
   * @param maxDocs the most texts a pass gives
   * @param err where the first pass reports skipped records
   */
  BatchTexts(List<Path> files, RecordOptions options, boolean englishOnly, int maxDocs, PrintWriter err) {
    this.files = List.copyOf(files);
    this.options = options;
    this.englishOnly = englishOnly;
    this.maxDocs = maxDocs;
    this.err = err;
  }

  /** Texts the first pass gave. */
  int documents() {
    return documents;
  }

  /** Records the first pass skipped. */
  int skipped() {
    return skipped;
  }

  @Override
  public Iterator<String> iterator() {
    close();
    RecordStream records = Records.open(files, options);
    open = records;
    boolean first = passes++ == 0;
    return new Iterator<>() {
      private String next;
      private int given;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String t = next;
        next = null;
        given++;
        if (first) {
          documents++;
        }
        return t;
      }

      private String advance() {
        if (given >= maxDocs) {
          finish();
          return null;
        }
        try {
          for (InputRecord r = records.next(); r != null; r = records.next()) {
            String why = r.isError() ? r.error() : englishOnly ? EnglishGuess.problem(r.text()) : null;
            if (why == null) {
              return r.text();
            }
            if (first) {
              skip(r, why);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        finish();
        return null;
      }

      private void finish() {
        done = true;
        if (first && skipped > REPORTED) {
          err.println("profile learn: " + skipped + " records skipped in all");
          err.flush();
        }
        BatchTexts.this.close();
      }
    };
  }

  private void skip(InputRecord r, String why) {
    skipped++;
    if (skipped <= REPORTED) {
      err.println("profile learn: skipped " + r.source() + ": " + why.replace('\n', ' '));
      err.flush();
    }
  }

  @Override
  public void close() {
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      open = null;
    }
  }
}
