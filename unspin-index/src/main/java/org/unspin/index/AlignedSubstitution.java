package org.unspin.index;

import java.util.Objects;

/**
 * One replacement found by alignment: query {@code [start, end)} ({@code surface}) stands where the
 * source has {@code [sourceStart, sourceEnd)} ({@code original}). UTF-16 offsets.
 */
public record AlignedSubstitution(int start, int end, int sourceStart, int sourceEnd, String surface,
    String original) {
  public AlignedSubstitution {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("need 0 <= start < end (got " + start + ", " + end + ")");
    }
    if (sourceStart < 0 || sourceEnd <= sourceStart) {
      throw new IllegalArgumentException("need 0 <= sourceStart < sourceEnd (got " + sourceStart + ", "
          + sourceEnd + ")");
    }
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(original, "original");
  }
}
