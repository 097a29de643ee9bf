package org.unspin.spark;

import org.apache.spark.util.AccumulatorV2;
import org.unspin.records.ScanSummary;

/**
 * The scan's {@link ScanSummary} (verdicts, histogram, top substitutions, error kinds) as a Spark
 * accumulator: each task adds its report lines, the driver merges the tasks' parts. Like every
 * accumulator updated in a transformation, a task that Spark ran twice may count twice.
 */
final class SummaryAccumulator extends AccumulatorV2<String, ScanSummary> {
  private static final long serialVersionUID = 1L;

  private ScanSummary summary = new ScanSummary();

  @Override
  public boolean isZero() {
    return summary.documents() == 0 && summary.errors() == 0;
  }

  @Override
  public AccumulatorV2<String, ScanSummary> copy() {
    SummaryAccumulator c = new SummaryAccumulator();
    c.summary.merge(summary);
    return c;
  }

  @Override
  public void reset() {
    summary = new ScanSummary();
  }

  @Override
  public void add(String reportLine) {
    summary.add(reportLine);
  }

  @Override
  public void merge(AccumulatorV2<String, ScanSummary> other) {
    summary.merge(other.value());
  }

  @Override
  public ScanSummary value() {
    return summary;
  }
}
