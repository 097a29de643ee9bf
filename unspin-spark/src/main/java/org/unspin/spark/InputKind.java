package org.unspin.spark;

import java.util.Locale;

/**
 * The kinds of input file the Spark job reads, told apart by file name as {@code unspin scan} does
 * ({@code org.unspin.records.Records}): WARC or ARC ({@code .warc}, {@code .arc}) and JSON Lines
 * ({@code .jsonl}, {@code .ndjson}), each plain or gzip ({@code .gz}).
 */
public enum InputKind {
  /** Web archive: response and resource records. One task per file (gzip members are not splittable). */
  WARC,
  /** One JSON object per line with a text field. */
  JSONL;

  /** The kind of the file called {@code name}, or {@code null} if the job does not read such files. */
  public static InputKind of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".warc") || n.endsWith(".arc")) {
      return WARC;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    return null;
  }
}
