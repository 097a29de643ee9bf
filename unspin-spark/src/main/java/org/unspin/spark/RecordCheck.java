package org.unspin.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.api.Verdict;
import org.unspin.index.SourceReports;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordChecker;
import org.unspin.records.ScanSummary;

/**
 * Turns records into report lines with the scan's {@link RecordChecker} over the executor's shared
 * {@link Unspin} ({@link ExecutorModels}), one at a time as Spark pulls them, so the lines are the
 * bytes {@code unspin scan} writes; counts documents, error lines and spun verdicts in the job's
 * accumulators, feeds the summary accumulator and, with {@code --group-by host}, the host samples.
 * With {@code --index} each line also names the record's best source ({@code "source_match"}), as
 * {@code scan --index} writes it.
 */
final class RecordCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final boolean englishOnly;
  private final LongAccumulator documents;
  private final LongAccumulator errors;
  private final LongAccumulator spun;
  private final SummaryAccumulator summary;
  private final HostSampleAccumulator hosts;

  /**
   * @param documents report lines, or null when the caller sums the lines itself ({@link #checkFile})
   * @param errors error lines, or null as {@code documents}
   * @param spun spun verdicts, or null as {@code documents}
   * @param summary the summary of the lines, or null as {@code documents}
   * @param hosts where pages go for {@code --group-by host}, or null
   */
  RecordCheck(ModelSpec spec, boolean englishOnly, LongAccumulator documents, LongAccumulator errors,
      LongAccumulator spun, SummaryAccumulator summary, HostSampleAccumulator hosts) {
    this.spec = spec;
    this.englishOnly = englishOnly;
    this.documents = documents;
    this.errors = errors;
    this.spun = spun;
    this.summary = summary;
    this.hosts = hosts;
  }

  /**
   * A record's place in the input: the index of its file in the sorted file list, then its ordinal
   * in the file. Orders sort as {@code unspin scan} reads the same files.
   */
  static long order(int fileIndex, long ordinal) {
    return ((long) fileIndex << 36) | ordinal;
  }

  /** The lines of the records of file number {@code fileIndex}, in their order. */
  Iterator<String> check(Iterator<InputRecord> records, int fileIndex) {
    RecordChecker checker = new RecordChecker(ExecutorModels.get(spec), englishOnly);
    long[] ordinal = {0};
    return map(records, r -> checkOne(checker, r, order(fileIndex, ordinal[0]++)));
  }

  /** The lines of records read elsewhere (after the {@code --partitions} shuffle). */
  Iterator<String> checkShuffled(Iterator<ShuffledRecord> records) {
    RecordChecker checker = new RecordChecker(ExecutorModels.get(spec), englishOnly);
    return map(records, r -> checkOne(checker, r.toRecord(), r.order()));
  }

  /** The records of file number {@code fileIndex} with their places in the input, for the shuffle. */
  static Iterator<ShuffledRecord> ordered(Iterator<InputRecord> records, int fileIndex) {
    long[] ordinal = {0};
    return map(records, r -> ShuffledRecord.of(r, order(fileIndex, ordinal[0]++)));
  }

  /** {@code in} with {@code f} applied to each element as it is pulled. */
  private static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }

  private String checkOne(RecordChecker checker, InputRecord record, long order) {
    return checked(checker, record, order).json();
  }

  private RecordChecker.Checked checked(RecordChecker checker, InputRecord record, long order) {
    RecordChecker.Checked c = checker.check(record);
    if (spec.index() != null) {
      c = SourceReports.withSourceMatch(c, ExecutorModels.index(spec.index()), spec.sourceCoverage());
    }
    if (summary != null) {
      documents.add(1);
      if (c.error() != null) {
        errors.add(1);
      } else if (c.report().verdict() == Verdict.SPUN) {
        spun.add(1);
      }
      summary.add(c.json());
    }
    if (hosts != null && c.error() == null && c.record().host() != null) {
      hosts.add(new HostSampleAccumulator.Page(c.record().host(), c.report().verdict() == Verdict.SPUN,
          c.record().text(), order));
    }
    return c;
  }

  /**
   * Checks the records of input file number {@code fileIndex} and writes their lines to its part
   * file, which is published (with its state) only when every line is written.
   *
   * @return the file's state: its summary and one mark per line
   */
  PartState checkFile(Iterator<InputRecord> records, int fileIndex, String uri, PartFiles parts) throws IOException {
    RecordChecker checker = new RecordChecker(ExecutorModels.get(spec), englishOnly);
    ScanSummary fileSummary = new ScanSummary();
    ByteArrayOutputStream marks = new ByteArrayOutputStream();
    try (PartFiles.Writer w = parts.open(fileIndex, uri)) {
      long ordinal = 0;
      while (records.hasNext()) {
        RecordChecker.Checked c = checked(checker, records.next(), order(fileIndex, ordinal++));
        w.write(c.json());
        fileSummary.add(c.json());
        marks.write(c.error() != null ? PartState.ERROR : c.report().verdict().jsonName().charAt(0));
      }
      PartState state = new PartState(uri, marks.toByteArray(), fileSummary);
      w.commit(state);
      return state;
    }
  }

  /**
   * Gives the host samples the pages of a file whose part an earlier run wrote: reads its records
   * again (without checking them) and takes each page's verdict from the file's state.
   *
   * @throws InputException if the file no longer holds the records the state counts
   */
  static void replayHosts(Iterator<InputRecord> records, int fileIndex, PartState state,
      HostSampleAccumulator hosts) {
    byte[] marks = state.marks();
    int k = 0;
    while (records.hasNext()) {
      InputRecord r = records.next();
      if (k >= marks.length) {
        throw new InputException(state.uri() + " holds more records than when its part was written ("
            + marks.length + "); start over with --overwrite");
      }
      if (marks[k] != PartState.ERROR && !r.isError() && r.host() != null) {
        hosts.add(new HostSampleAccumulator.Page(r.host(), marks[k] == PartState.SPUN, r.text(), order(fileIndex, k)));
      }
      k++;
    }
    if (k != marks.length) {
      throw new InputException(state.uri() + " holds " + k + " records, " + marks.length
          + " when its part was written; start over with --overwrite");
    }
  }
}
