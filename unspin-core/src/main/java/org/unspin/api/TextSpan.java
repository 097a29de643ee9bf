package org.unspin.api;

/**
 * A half-open range {@code [start, end)} of UTF-16 code units in the text the user gave.
 *
 * @param start first char index, inclusive, {@code >= 0}
 * @param end last char index, exclusive, {@code >= start}
 */
public record TextSpan(int start, int end) {
  public TextSpan {
    if (start < 0) {
      throw new IllegalArgumentException("start must be >= 0 (got " + start + ")");
    }
    if (end < start) {
      throw new IllegalArgumentException("end must be >= start (got start=" + start + ", end=" + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean contains(int index) {
    return index >= start && index < end;
  }

  public boolean overlaps(TextSpan other) {
    return start < other.end && other.start < end;
  }
}
