package org.unspin.spark;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.util.LongAccumulator;
import org.unspin.api.Unspin;
import org.unspin.api.Verdict;
import org.unspin.records.InputRecord;

/**
 * Turns records into report lines with the executor's shared {@link Unspin}
 * ({@link ExecutorModels}), one at a time as Spark pulls them, and counts documents, errors and
 * spun verdicts in the job's accumulators.
 */
final class RecordCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private final LongAccumulator documents;
  private final LongAccumulator errors;
  private final LongAccumulator spun;

  RecordCheck(ModelSpec spec, LongAccumulator documents, LongAccumulator errors, LongAccumulator spun) {
    this.spec = spec;
    this.documents = documents;
    this.errors = errors;
    this.spun = spun;
  }

  Iterator<String> check(Iterator<InputRecord> records) {
    Unspin unspin = ExecutorModels.get(spec);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public String next() {
        InputRecord r = records.next();
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
    };
  }
}
