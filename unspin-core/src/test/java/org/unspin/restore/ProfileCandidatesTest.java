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
}
