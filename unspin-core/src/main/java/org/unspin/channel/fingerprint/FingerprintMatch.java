package org.unspin.channel.fingerprint;

import java.util.Objects;

/**
 * One place where a fingerprint query matched.
 *
 * @param start first UTF-16 index of the match in the input, inclusive
 * @param end last UTF-16 index, exclusive, {@code > start}
 * @param text the input text of the match, as written
 * @param phrase the query phrase that matched here, in normal form (a proximity match gives the
 *     whole {@code "..."~N} clause)
 * @param fingerprint the list entry whose query matched
 */
public record FingerprintMatch(int start, int end, String text, String phrase, Fingerprint fingerprint) {
  public FingerprintMatch {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("need 0 <= start < end (got start=" + start + ", end=" + end + ")");
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The original wording the list gives for the phrase. */
  public String expected() {
    return fingerprint.expected();
  }

  /** The query as written in the list. */
  public String query() {
    return fingerprint.query();
  }
}
