package org.unspin.spark;

import java.util.Locale;

/**
 * The kinds of input file the Spark job reads, told apart by file name (the same suffixes as
 * {@code unspin scan}): WARC ({@code .warc}, {@code .warc.gz}) and JSON Lines ({@code .jsonl},
 * {@code .ndjson}, optionally compressed with a codec Hadoop knows, e.g. {@code .jsonl.gz}).
 */
public enum InputKind {
  /** Web archive; response and resource records. A {@code .warc.gz} is one task (gzip members are not splittable). */
  WARC,
  /** One JSON object per line with a text field. */
  JSONL;

  /** The kind of the file called {@code name}, or {@code null} if the job does not read such files. */
  public static InputKind of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".warc") || n.endsWith(".warc.gz")) {
      return WARC;
    }
    String base = stripCompression(n);
    if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) {
      return JSONL;
    }
    return null;
  }

  private static String stripCompression(String n) {
    for (String ext : new String[] {".gz", ".bz2", ".zst", ".deflate", ".lz4", ".snappy"}) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
