package org.unspin.spark;

/** How the job writes its report. */
public enum OutputFormat {
  /** Text part files, one JSON line per document: the lines {@code unspin scan} writes. */
  JSONL,
  /** Parquet part files with one row per document: the JSON line's fields as typed columns. */
  PARQUET
}
