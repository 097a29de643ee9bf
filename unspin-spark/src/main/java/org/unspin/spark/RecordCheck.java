package org.unspin.spark;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.util.LongAccumulator;
import org.unspin.api.Unspin;
import org.unspin.api.Verdict;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordChecker;

/**
 * Turns records into report lines with the scan's {@link RecordChecker} over the executor's shared
 * {@link Unspin} ({@link ExecutorModels}), one at a time as Spark pulls them, so the lines are the
 * bytes {@code unspin scan} writes; counts documents, error lines and spun verdicts in the job's
 * accumulators.
 */
final class RecordCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final boolean englishOnly;
  private final LongAccumulator documents;
  private final LongAccumulator errors;
  private final LongAccumulator spun;

  RecordCheck(ModelSpec spec, boolean englishOnly, LongAccumulator documents, LongAccumulator errors,
      LongAccumulator spun) {
    this.spec = spec;
    this.englishOnly = englishOnly;
    this.documents = documents;
    this.errors = errors;
    this.spun = spun;
  }

  Iterator<String> check(Iterator<InputRecord> records) {
    RecordChecker checker = new RecordChecker(ExecutorModels.get(spec), englishOnly);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public String next() {
        RecordChecker.Checked c = checker.check(records.next());
        documents.add(1);
        if (c.error() != null) {
          errors.add(1);
        } else if (c.report().verdict() == Verdict.SPUN) {
          spun.add(1);
        }
        return c.json();
      }
    };
  }
}
