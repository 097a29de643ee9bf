package org.unspin.bench.eval;

/**
 * The figures of one cell (setting x rate) of an evaluation run; see docs/evaluation.md. Ratios
 * are NaN when undefined (for example precision without any positive call).
 *
 * @param setting the spinner setting (known, unknown, consistent, protected or sparing)
 * @param rate the spinner's replacement rate
 * @param spunDocs spun documents measured (spins with at least one substitution)
 * @param cleanDocs clean documents measured (the same documents unspun)
 * @param docPrecision precision of verdict=spun over the spun and the clean documents
 * @param docRecall share of spun documents with verdict=spun
 * @param docF1 harmonic mean of the two
 * @param auc ROC AUC of spun_probability, spun against clean
 * @param falsePositiveRate share of clean documents with verdict=spun
 * @param spanPrecision share of findings on spun documents that overlap a substitution
 * @param spanRecall share of substitutions overlapped by a finding
 * @param spanF1 harmonic mean of the two
 * @param werSpun word error rate of the spun text against the original
 * @param werRestored word error rate of the restored text against the original
 * @param errorsRemoved {@code (werSpun - werRestored) / werSpun}
 * @param overEdit share of the clean documents' words changed by restoring them
 * @param checkMbPerCpuSecond MB (10^6 bytes of UTF-8) checked per second of thread CPU time
 * @param restoreMbPerCpuSecond MB restored per second of thread CPU time
 * @param checkMbPerSecond MB checked per second of elapsed time on the worker thread
 * @param restoreMbPerSecond MB restored per second of elapsed time on the worker thread
 * @param baselineDocPrecision the fingerprint-list baseline's document precision
 * @param baselineDocRecall its document recall
 * @param baselineDocF1 its document F1
 * @param baselineFalsePositiveRate share of clean documents it flags
 * @param baselineSpanPrecision share of its matches that overlap a substitution
 * @param baselineSpanRecall share of substitutions it overlaps
 */
public record CellResult(EvalSetting setting, double rate, int spunDocs, int cleanDocs, double docPrecision,
    double docRecall, double docF1, double auc, double falsePositiveRate, double spanPrecision, double spanRecall,
    double spanF1, double werSpun, double werRestored, double errorsRemoved, double overEdit,
    double checkMbPerCpuSecond, double restoreMbPerCpuSecond, double checkMbPerSecond, double restoreMbPerSecond,
    double baselineDocPrecision, double baselineDocRecall, double baselineDocF1, double baselineFalsePositiveRate,
    double baselineSpanPrecision, double baselineSpanRecall) {

  /** Column names of {@link #values()}, in order, as written to the TSV. */
  public static final String[] COLUMNS = {"setting", "rate", "spun_docs", "clean_docs", "doc_precision",
      "doc_recall", "doc_f1", "auc", "false_positive_rate", "span_precision", "span_recall", "span_f1", "wer_spun",
      "wer_restored", "errors_removed", "over_edit", "check_mb_per_cpu_s", "restore_mb_per_cpu_s",
      "check_mb_per_s", "restore_mb_per_s", "pps_doc_precision", "pps_doc_recall", "pps_doc_f1",
      "pps_false_positive_rate", "pps_span_precision", "pps_span_recall"};

  public CellResult {
    java.util.Objects.requireNonNull(setting, "setting");
    if (spunDocs < 0 || cleanDocs < 0) {
      throw new IllegalArgumentException("document counts must be >= 0 (got " + spunDocs + ", " + cleanDocs + ")");
    }
  }

  /** The numeric figures after setting and rate, in {@link #COLUMNS} order. */
  public double[] values() {
    return new double[] {spunDocs, cleanDocs, docPrecision, docRecall, docF1, auc, falsePositiveRate,
        spanPrecision, spanRecall, spanF1, werSpun, werRestored, errorsRemoved, overEdit, checkMbPerCpuSecond,
        restoreMbPerCpuSecond, checkMbPerSecond, restoreMbPerSecond, baselineDocPrecision, baselineDocRecall,
        baselineDocF1, baselineFalsePositiveRate, baselineSpanPrecision, baselineSpanRecall};
  }
}
