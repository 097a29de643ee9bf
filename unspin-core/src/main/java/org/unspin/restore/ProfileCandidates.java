package org.unspin.restore;

import java.util.List;
import java.util.Objects;
import org.unspin.channel.SpinnerProfile;

/**
 * Candidates from learned spinner profiles: every span of 1 to {@link Candidate#MAX_SPAN} tokens
 * whose LM forms are a surface phrase of a profile yields that surface's originals, with
 * {@code p(original | surface)} as the profile feature. Profiles catch what no thesaurus lists (a
 * word turned into a phrase, a learned tortured phrase).
 *
 * <p>Immutable and thread-safe.
 */
public final class ProfileCandidates implements SpanCandidateGenerator {
  private final List<SpinnerProfile> profiles;

  public ProfileCandidates(List<SpinnerProfile> profiles) {
    this.profiles = List.copyOf(profiles);
    for (SpinnerProfile p : this.profiles) {
      Objects.requireNonNull(p, "profile");
    }
  }

  @Override
  public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
    if (profiles.isEmpty()) {
      return;
    }
    StringBuilder phrase = new StringBuilder();
    for (int i = from; i < from + length; i++) {
      InputToken t = sentence.get(i);
      if (t.kind() == TokenKind.PUNCT) {
        return;
      }
      if (i > from) {
        phrase.append(' ');
      }
      phrase.append(t.lmForm());
    }
    String surface = phrase.toString();
    for (SpinnerProfile p : profiles) {
      for (SpinnerProfile.Entry e : p.bySurface(surface)) {
        String[] words = e.original().split(" ");
        if (words.length > Candidate.MAX_SPAN) {
          continue;
        }
        out.add(new Candidate(from, length, List.of(words), e.original(), CandidateSource.PROFILE,
            CandidateFeatures.profile((float) e.pOriginalGivenSurface())));
      }
    }
  }
}
