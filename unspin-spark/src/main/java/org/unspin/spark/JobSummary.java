package org.unspin.spark;

import java.util.Locale;
import java.util.Objects;
import org.unspin.records.HostProfiles;
import org.unspin.records.ScanSummary;

/**
 * What a finished Spark scan did. Counts come from Spark accumulators, so a task that Spark ran
 * twice (a retry, speculation) may count twice; the report itself holds each record once.
 *
 * @param files input files scanned
 * @param bytes their total size on the file system (compressed size for compressed files)
 * @param documents report lines written, error lines included
 * @param errors error lines (records that could not be read or checked)
 * @param spun documents with the verdict "spun"
 * @param seconds wall-clock time of the job, listing, writing and host learning included
 * @param totals the report's totals (verdicts, histogram, top substitutions, error kinds)
 * @param hosts the hosts that share a spinner, with {@code --group-by host}; else null
 * @param keptFiles with {@code --resume}: files whose part an earlier run wrote (counted in
 *     {@code files}, {@code documents}, ... and {@code totals}, not checked again); else 0
 * @param keptBytes the size of those files
 * @param keptDocuments their report lines
 */
public record JobSummary(long files, long bytes, long documents, long errors, long spun, double seconds,
    ScanSummary totals, HostProfiles.Result hosts, long keptFiles, long keptBytes, long keptDocuments) {
  public JobSummary {
    if (files < 0 || bytes < 0 || documents < 0 || errors < 0 || spun < 0) {
      throw new IllegalArgumentException("counts must be >= 0 (got files=" + files + ", bytes=" + bytes
          + ", documents=" + documents + ", errors=" + errors + ", spun=" + spun + ")");
    }
    if (keptFiles < 0 || keptFiles > files || keptBytes < 0 || keptBytes > bytes || keptDocuments < 0
        || keptDocuments > documents) {
      throw new IllegalArgumentException("kept counts must be >= 0 and at most the totals (got keptFiles="
          + keptFiles + ", keptBytes=" + keptBytes + ", keptDocuments=" + keptDocuments + ")");
    }
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("seconds must be >= 0 (got " + seconds + ")");
    }
    Objects.requireNonNull(totals, "totals");
  }

  /** A summary of a job that kept nothing from an earlier run. */
  public JobSummary(long files, long bytes, long documents, long errors, long spun, double seconds,
      ScanSummary totals, HostProfiles.Result hosts) {
    this(files, bytes, documents, errors, spun, seconds, totals, hosts, 0, 0, 0);
  }

  /** Input megabytes (10^6 bytes) checked in this run per second of wall-clock time. */
  public double megabytesPerSecond() {
    return seconds == 0 ? 0 : (bytes - keptBytes) / 1e6 / seconds;
  }

  /** Documents checked in this run per second of wall-clock time. */
  public double documentsPerSecond() {
    return seconds == 0 ? 0 : (documents - keptDocuments) / seconds;
  }

  /** One readable line, e.g. for stderr; the rates count only what this run checked. */
  public String toLine() {
    long checked = documents - errors;
    String line = String.format(Locale.ROOT,
        "%d files, %d documents (%d errors), %d spun (%.1f%%), %.1f MB in %.1f s: %.3f MB/s, %.2f documents/s",
        files, documents, errors, spun, checked == 0 ? 0.0 : 100.0 * spun / checked, bytes / 1e6, seconds,
        megabytesPerSecond(), documentsPerSecond());
    if (keptFiles > 0) {
      line += String.format(Locale.ROOT, "; resumed: %d files (%d documents, %.1f MB) kept from the earlier run",
          keptFiles, keptDocuments, keptBytes / 1e6);
    }
    return line;
  }
}
