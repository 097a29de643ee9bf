package org.unspin.index;

/**
 * A stretch of the query aligned with a stretch of the source, as UTF-16 offsets: query {@code
 * [start, end)} stems from source {@code [sourceStart, sourceEnd)}.
 */
public record Passage(int start, int end, int sourceStart, int sourceEnd) {
  public Passage {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("need 0 <= start <= end (got " + start + ", " + end + ")");
    }
    if (sourceStart < 0 || sourceEnd < sourceStart) {
      throw new IllegalArgumentException("need 0 <= sourceStart <= sourceEnd (got " + sourceStart + ", " + sourceEnd
          + ")");
    }
  }
}
