package org.unspin.channel.fingerprint;

import java.util.Objects;

/**
 * One entry of a tortured-phrase list: a query that finds the phrase and the wording it stands for.
 *
 * @param query the query as written in the list
 * @param parsed the parsed query
 * @param expected the original wording as written in the list (may carry a {@code ?} and notes)
 * @param uncertain true when the list marks the expected wording as a guess ({@code ?})
 * @param papers how many papers the list's maintainers found it in ({@code >= 0}, 0 if unknown)
 * @param line the 1-based line of the list where the entry starts ({@code >= 1}), for messages
 */
public record Fingerprint(String query, FingerprintQuery parsed, String expected, boolean uncertain, int papers,
    int line) {
  /** How sure a match is of its expected wording when the list gives it as certain. */
  public static final double CONFIDENCE = 0.95;
  /** How sure a match is when the list marks the expected wording as a guess. */
  public static final double UNCERTAIN_CONFIDENCE = 0.75;

  public Fingerprint {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(expected, "expected");
    if (papers < 0) {
      throw new IllegalArgumentException("papers must be >= 0 (got " + papers + ")");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1 (got " + line + ")");
    }
  }

  /**
   * How sure a match of this entry is of its expected wording: {@link #CONFIDENCE}, or {@link
   * #UNCERTAIN_CONFIDENCE} for a guess. The detector's finding and the restorer's candidate both
   * read it.
   */
  public double confidence() {
    return uncertain ? UNCERTAIN_CONFIDENCE : CONFIDENCE;
  }

  /** The tortured phrase itself: the first positive phrase of the query. */
  public String phrase() {
    return FingerprintQuery.firstPhrase(parsed).text();
  }
}
