package org.unspin.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unspin.channel.SpinnerProfile;
import org.unspin.lexicon.WordPairFilter;

/**
 * Candidates from learned spinner profiles: every span of 1 to {@link Candidate#MAX_PHRASE} tokens
 * whose LM forms are a surface phrase of a profile yields that surface's originals, with
 * {@code p(original | surface)} as the profile feature. Profiles catch what no thesaurus lists (a
 * word turned into a phrase, a learned tortured phrase).
 *
 * <p>Immutable and thread-safe.
 */
public final class ProfileCandidates implements SpanCandidateGenerator {
  private final List<SpinnerProfile> profiles;
  /** The first two words of every multiword surface of the profiles. */
  private final WordPairFilter multiword;
  /** What each entry's probability is multiplied by: {@code 10^-discount}. */
  private final double scale;

  public ProfileCandidates(List<SpinnerProfile> profiles) {
    this(profiles, 0);
  }

  /**
   * The entries of {@code profiles}, each priced {@code discount} log10 units dearer than its
   * probability says (its probability times {@code 10^-discount}): a profile that may not be the
   * text's spinner's (the facade's shipped one where its list does not match).
   *
   * @throws IllegalArgumentException if {@code discount} is negative or not finite
   */
  public ProfileCandidates(List<SpinnerProfile> profiles, double discount) {
    if (!(discount >= 0) || Double.isInfinite(discount)) {
      throw new IllegalArgumentException("discount must be >= 0 and finite (got " + discount + ")");
    }
    this.scale = Math.pow(10, -discount);
    this.profiles = List.copyOf(profiles);
    List<String> surfaces = new ArrayList<>();
    for (SpinnerProfile p : this.profiles) {
      Objects.requireNonNull(p, "profile");
      for (SpinnerProfile.Entry e : p.entries()) {
        surfaces.add(e.surface());
      }
    }
    this.multiword = WordPairFilter.ofPhrases(surfaces.toArray(new String[0]));
  }

  /**
   * A span of several tokens may have candidates only if a profile has a surface starting with its
   * first two LM forms, and none of its tokens is punctuation.
   */
  @Override
  public boolean mayHaveCandidates(List<InputToken> sentence, int from, int length) {
    if (profiles.isEmpty()) {
      return false;
    }
    if (length == 1) {
      return true;
    }
    String first = sentence.get(from).lmForm();
    String second = sentence.get(from + 1).lmForm();
    if (!multiword.mayContain(first, second) && first.indexOf(' ') < 0 && second.indexOf(' ') < 0) {
      return false;
    }
    for (int i = from; i < from + length; i++) {
      if (sentence.get(i).kind() == TokenKind.PUNCT) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
    if (profiles.isEmpty()) {
      return;
    }
    String surface = SpanPhrases.lmPhrase(sentence, from, length);
    if (surface == null) {
      return;
    }
    int surfaceDigits = zeros(surface);
    for (SpinnerProfile p : profiles) {
      for (SpinnerProfile.Entry e : p.bySurface(surface)) {
        String[] words = e.original().split(" ");
        if (words.length > Candidate.MAX_PHRASE) {
          continue;
        }
        // Phrases are in LM form, every digit written 0, and the original's digits are the writer's
        // (the Restorer writes them from the span, withDigits): an original with other digits than the
        // surface has cannot be written ("0" learned for "six").
        if (zeros(e.original()) != surfaceDigits) {
          continue;
        }
        out.add(new Candidate(from, length, List.of(words), e.original(), CandidateSource.PROFILE,
            CandidateFeatures.profile((float) Math.max(Float.MIN_NORMAL, e.pOriginalGivenSurface() * scale))));
      }
    }
  }

  /** How many 0s (digits, in LM form) {@code phrase} holds. */
  static int zeros(String phrase) {
    int n = 0;
    for (int k = 0; k < phrase.length(); k++) {
      n += phrase.charAt(k) == '0' ? 1 : 0;
    }
    return n;
  }

  /**
   * A profile's {@code original} (in LM form, every digit written 0) with its digits taken from
   * {@code written} (the span as the input writes it) in order: the spinner's digits are the
   * writer's ("00-rate" for "00 percent" is "50 percent" in "a 50-rate"). Unchanged when the counts
   * differ, which {@link #spanCandidates} does not let happen.
   */
  static String withDigits(String original, String written) {
    StringBuilder digits = new StringBuilder();
    for (int k = 0; k < written.length(); k++) {
      if (Character.isDigit(written.charAt(k))) {
        digits.append(written.charAt(k));
      }
    }
    if (zeros(original) != digits.length()) {
      return original;
    }
    StringBuilder sb = new StringBuilder(original.length());
    int next = 0;
    for (int k = 0; k < original.length(); k++) {
      char c = original.charAt(k);
      sb.append(c == '0' ? digits.charAt(next++) : c);
    }
    return sb.toString();
  }
}
