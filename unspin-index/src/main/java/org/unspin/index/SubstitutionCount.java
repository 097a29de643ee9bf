package org.unspin.index;

import java.util.Objects;

/** A replacement seen {@code count} times in a trace: the spun {@code surface} for the source's {@code original}. */
public record SubstitutionCount(String surface, String original, int count) {
  public SubstitutionCount {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(original, "original");
    if (count < 1) {
      throw new IllegalArgumentException("count: must be >= 1 (got " + count + ")");
    }
  }
}
