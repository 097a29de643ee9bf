package org.unspin.restore;

import java.util.List;
import java.util.Objects;

/**
 * A possible original for the tokens {@code [from, from + length)} of one sentence. Immutable; equal
 * when all six components are equal (a value class with a record's accessors: a class rather than
 * a record so that {@link #at(int)} can move a validated candidate without checking it again).
 */
public final class Candidate {

  /**
   * Longest span, in tokens, on either side of a substitution: a tortured phrase of a list
   * ({@link FingerprintCandidates}, "flag to commotion proportion"). The other sources propose at
   * most {@link #MAX_PHRASE}.
   */
  public static final int MAX_SPAN = 6;

  /** Longest span, in tokens, on either side of a lexicon's, a profile's or a dictionary's substitution. */
  public static final int MAX_PHRASE = 3;

  private final int from;
  private final int length;
  private final List<String> words;
  private final String display;
  private final CandidateSource source;
  private final CandidateFeatures features;

  /**
   * @param from index of the first covered token within the sentence given to the generator
   * @param length number of covered tokens, 1 to {@link #MAX_SPAN}
   * @param words the original phrase as LM-form words, 1 to {@link #MAX_SPAN} of them
   * @param display how the original is written before the input's case pattern is applied (usually
   *     the words joined by spaces; differs when the LM form loses information, e.g. digits)
   * @param source where the candidate came from
   * @param features what the source knows about the pair
   */
  public Candidate(int from, int length, List<String> words, String display, CandidateSource source,
      CandidateFeatures features) {
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
    this.from = from;
    this.length = length;
    this.words = words;
    this.display = Objects.requireNonNull(display, "display");
    this.source = Objects.requireNonNull(source, "source");
    this.features = Objects.requireNonNull(features, "features");
  }

  /** A checked candidate moved to {@code from} (no check again, no copy: nothing but the fields is read). */
  private Candidate(Candidate c, int from) {
    this.from = from;
    this.length = c.length;
    this.words = c.words;
    this.display = c.display;
    this.source = c.source;
    this.features = c.features;
  }

  /**
   * This candidate for the same words at token {@code from} instead (itself when it is there
   * already): how a candidate cached for one occurrence of a span serves another.
   *
   * @throws IllegalArgumentException if {@code from} is negative
   */
  public Candidate at(int from) {
    if (from == this.from) {
      return this;
    }
    if (from < 0) {
      throw new IllegalArgumentException("from must be >= 0 (got " + from + ")");
    }
    return new Candidate(this, from);
  }

  /** A candidate written as its words joined by spaces. */
  public static Candidate of(int from, int length, String phrase, CandidateSource source,
      CandidateFeatures features) {
    return new Candidate(from, length, List.of(phrase.trim().split(" +")), phrase.trim(), source, features);
  }

  /** Index of the first covered token within the sentence given to the generator. */
  public int from() {
    return from;
  }

  /** Number of covered tokens, 1 to {@link #MAX_SPAN}. */
  public int length() {
    return length;
  }

  /** The original phrase as LM-form words (an unmodifiable list). */
  public List<String> words() {
    return words;
  }

  /** How the original is written before the input's case pattern is applied. */
  public String display() {
    return display;
  }

  /** Where the candidate came from. */
  public CandidateSource source() {
    return source;
  }

  /** What the source knows about the pair. */
  public CandidateFeatures features() {
    return features;
  }

  /** The original phrase: the words joined by single spaces. */
  public String phrase() {
    return words.size() == 1 ? words.get(0) : String.join(" ", words);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Candidate c && from == c.from && length == c.length && words.equals(c.words)
        && display.equals(c.display) && source == c.source && features.equals(c.features);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, length, words, display, source, features);
  }

  @Override
  public String toString() {
    return "Candidate[from=" + from + ", length=" + length + ", words=" + words + ", display=" + display
        + ", source=" + source + ", features=" + features + "]";
  }
}
