package org.unspin.restore;

import java.util.List;
import java.util.Objects;

/**
 * A possible original for the tokens {@code [from, from + length)} of one sentence.
 *
 * @param from index of the first covered token within the sentence given to the generator
 * @param length number of covered tokens, 1 to {@link #MAX_SPAN}
 * @param words the original phrase as LM-form words, 1 to {@link #MAX_SPAN} of them
 * @param display how the original is written before the input's case pattern is applied (usually
 *     the words joined by spaces; differs when the LM form loses information, e.g. digits)
 * @param source where the candidate came from
 * @param features what the source knows about the pair
 */
public record Candidate(int from, int length, List<String> words, String display, CandidateSource source,
    CandidateFeatures features) {

  /** Longest span, in tokens, on either side of a substitution. */
  public static final int MAX_SPAN = 3;

  public Candidate {
    if (from < 0) {
      throw new IllegalArgumentException("from must be >= 0 (got " + from + ")");
    }
    if (length < 1 || length > MAX_SPAN) {
      throw new IllegalArgumentException("length must be in [1, " + MAX_SPAN + "] (got " + length + ")");
    }
    words = List.copyOf(words);
    if (words.isEmpty() || words.size() > MAX_SPAN) {
      throw new IllegalArgumentException("words must hold 1 to " + MAX_SPAN + " words (got " + words + ")");
    }
    for (String w : words) {
      if (w.isEmpty() || w.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("words must be single non-empty LM forms (got " + words + ")");
      }
    }
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(features, "features");
  }

  /** A candidate written as its words joined by spaces. */
  public static Candidate of(int from, int length, String phrase, CandidateSource source,
      CandidateFeatures features) {
    return new Candidate(from, length, List.of(phrase.trim().split(" +")), phrase.trim(), source, features);
  }

  /** The original phrase: the words joined by single spaces. */
  public String phrase() {
    return words.size() == 1 ? words.get(0) : String.join(" ", words);
  }
}
