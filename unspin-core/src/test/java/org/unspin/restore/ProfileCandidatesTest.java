package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.channel.ProfileInfo;
import org.unspin.channel.SpinnerProfile;

class ProfileCandidatesTest {
  private static final String[] WORDS = {"the", "rate", "rates", "of", "interest", "bank", "central", "financial",
      "institution", "market", "stock", "inventory", "fell", "rose", "a", "press", "convention", "officer"};

  private static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static String phrase(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < words; k++) {
      sb.append(k > 0 ? " " : "").append(word(r));
    }
    return sb.toString();
  }

  /** A span turned away by the quick test gets no candidate from the profiles. */
  @Test
  void aSpanTurnedAwayByTheQuickTestHasNoCandidate() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    List<SpinnerProfile.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String surface = phrase(r, 1 + r.nextInt(3));
      entries.add(new SpinnerProfile.Entry(surface, "original" + i, 1, 0.5, 0.01));
    }
    ProfileInfo info = new ProfileInfo("test", "hand", "test", "CC0", "2026-11-29", 1, 1, 1, 1, 0.5, "none");
    ProfileCandidates pc = new ProfileCandidates(List.of(new SpinnerProfile(info, entries)));
    int turnedAway = 0;
    int found = 0;
    for (int iter = 0; iter < 300; iter++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 12; k++) {
        text.append(word(r)).append(r.nextInt(8) == 0 ? ", " : " ");
      }
      List<InputToken> tokens = AnalyzedTokens.of(text.toString());
      for (int from = 0; from < tokens.size(); from++) {
        for (int len = 1; len <= Candidate.MAX_SPAN && from + len <= tokens.size(); len++) {
          List<Candidate> out = new ArrayList<>();
          pc.spanCandidates(tokens, from, len, out);
          found += out.isEmpty() ? 0 : 1;
          if (!pc.mayHaveCandidates(tokens, from, len)) {
            turnedAway++;
            assertEquals(List.of(), out, "seed=" + seed + " text='" + text + "' span " + from + "+" + len);
          }
        }
      }
    }
    assertTrue(turnedAway > 1000 && found > 100, "seed=" + seed + ": " + turnedAway + " turned away, " + found);
    assertFalse(new ProfileCandidates(List.of()).mayHaveCandidates(AnalyzedTokens.of("the rate"), 0, 1));
  }

  private static List<Candidate> candidatesOf(ProfileCandidates pc, String text, int from, int length) {
    List<InputToken> tokens = AnalyzedTokens.of(text);
    List<Candidate> out = new ArrayList<>();
    pc.spanCandidates(tokens, from, length, out);
    return out;
  }

  /**
   * A profile's phrases are in LM form, every digit written 0: an original's digits are the
   * surface's own, in order (written by the Restorer, so that a candidate cached for one
   * occurrence of a span serves another), and an original whose digits the surface does not have
   * is no candidate ("six" learned as the spinner's word for a number must not come back as "0").
   */
  @Test
  void anOriginalsDigitsAreTheSurfacesOwnOrItIsNoCandidate() {
    List<SpinnerProfile.Entry> entries = List.of(
        new SpinnerProfile.Entry("00-rate", "00 percent", 1, 0.5, 0.5),
        new SpinnerProfile.Entry("six", "0", 1, 0.5, 0.5),
        new SpinnerProfile.Entry("three-layered", "0d", 1, 0.5, 0.5),
        new SpinnerProfile.Entry("00.0 crores", "00 million", 1, 0.5, 0.5),
        new SpinnerProfile.Entry("six", "half a dozen", 1, 0.5, 0.5));
    ProfileInfo info = new ProfileInfo("test", "hand", "test", "CC0", "2026-12-02", 1, 1, 1, 1, 0.5, "none");
    ProfileCandidates pc = new ProfileCandidates(List.of(new SpinnerProfile(info, entries)));
    List<Candidate> rate = candidatesOf(pc, "A 50-rate of patients", 1, 1);
    assertEquals(1, rate.size(), rate::toString);
    assertEquals(List.of("00", "percent"), rate.get(0).words());
    assertEquals("50 percent", ProfileCandidates.withDigits(rate.get(0).display(), "50-rate"));
    List<Candidate> six = candidatesOf(pc, "at six stores", 1, 1);
    assertEquals(1, six.size(), six::toString);
    assertEquals("half a dozen", six.get(0).phrase());
    assertEquals(List.of(), candidatesOf(pc, "a three-layered model", 1, 1));
    // three digits on the surface, two in the original: which two is not known
    assertEquals(List.of(), candidatesOf(pc, "about 12.5 crores", 1, 2));
  }

  @Test
  void theRestorerWritesEachSpansOwnDigitsIntoAProfilesOriginal() {
    List<SpinnerProfile.Entry> entries = List.of(new SpinnerProfile.Entry("00-rate", "00 percent", 5, 0.9, 0.9));
    ProfileInfo info = new ProfileInfo("test", "hand", "test", "CC0", "2026-12-02", 1, 1, 1, 1, 0.5, "none");
    org.unspin.testing.CountingLm lm = org.unspin.testing.CountingLm.fromText(3,
        "prices rose 10 percent this year .\n".repeat(20) + "costs rose 12 percent last year .\n".repeat(20));
    Restorer r = Restorer.builder(lm).candidates(new ProfileCandidates(List.of(new SpinnerProfile(info, entries))))
        .build();
    // the same span in LM form ("00-rate") twice: a candidate cached for the first serves the second
    RestoredText out = r.restore("Prices rose 70-rate this year. Costs rose 25-rate last year.");
    assertEquals("Prices rose 70 percent this year. Costs rose 25 percent last year.", out.text(),
        () -> out.edits().toString());
  }
}
