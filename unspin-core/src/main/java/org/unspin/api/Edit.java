package org.unspin.api;

import java.util.Objects;

/**
 * One change that restoration makes: the characters {@code [start, end)} of the input, which read
 * {@code surface}, are replaced by {@code suggestion}.
 *
 * @param start UTF-16 offset into the input, inclusive
 * @param end UTF-16 offset into the input, exclusive
 * @param surface the input text at that range, as written
 * @param suggestion the likely original wording, with the input's case pattern applied
 * @param confidence posterior probability in {@code [0, 1]} that the change is right
 */
public record Edit(int start, int end, String surface, String suggestion, double confidence) {
  public Edit {
    new TextSpan(start, end);
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(suggestion, "suggestion");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] (got " + confidence + ")");
    }
  }

  public TextSpan span() {
    return new TextSpan(start, end);
  }

  /**
   * The edit as the JSON reports write it: {@code start, end, text, suggestion, confidence}, in
   * that order ({@code check --json}, {@code restore --json}).
   */
  public java.util.Map<String, Object> toJsonMap() {
    java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
    o.put("start", start);
    o.put("end", end);
    o.put("text", surface);
    o.put("suggestion", suggestion);
    o.put("confidence", confidence);
    return o;
  }
}
