package org.unspin.restore;

import java.util.ArrayList;
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
public final class ProfileCandidates implements CandidateGenerator {
  private final List<SpinnerProfile> profiles;

  public ProfileCandidates(List<SpinnerProfile> profiles) {
    this.profiles = List.copyOf(profiles);
    for (SpinnerProfile p : this.profiles) {
      Objects.requireNonNull(p, "profile");
    }
  }

  @Override
  public List<Candidate> candidates(List<InputToken> sentence) {
    List<Candidate> out = new ArrayList<>();
    if (profiles.isEmpty()) {
      return out;
    }
    int n = sentence.size();
    StringBuilder phrase = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (sentence.get(i).kind() == TokenKind.PUNCT) {
        continue;
      }
      phrase.setLength(0);
      for (int len = 1; len <= Candidate.MAX_SPAN && i + len <= n; len++) {
        InputToken t = sentence.get(i + len - 1);
        if (t.kind() == TokenKind.PUNCT) {
          break;
        }
        if (len > 1) {
          phrase.append(' ');
        }
        phrase.append(t.lmForm());
        String surface = phrase.toString();
        for (SpinnerProfile p : profiles) {
          for (SpinnerProfile.Entry e : p.bySurface(surface)) {
            String[] words = e.original().split(" ");
            if (words.length > Candidate.MAX_SPAN) {
              continue;
            }
            out.add(new Candidate(i, len, List.of(words), e.original(), CandidateSource.PROFILE,
                CandidateFeatures.profile((float) e.pOriginalGivenSurface())));
          }
        }
      }
    }
    return out;
  }
}
