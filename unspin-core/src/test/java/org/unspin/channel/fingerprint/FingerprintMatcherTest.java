package org.unspin.channel.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FingerprintMatcherTest {

  private static Fingerprint fp(String query, String expected) {
    return new Fingerprint(query, QueryParser.parse(query), expected, expected.contains("?"), 1, 1);
  }

  private static List<String> spans(List<FingerprintMatch> ms) {
    List<String> out = new ArrayList<>();
    for (FingerprintMatch m : ms) {
      out.add(m.start() + "-" + m.end() + ":" + m.text() + "->" + m.expected());
    }
    return out;
  }

  @Test
  void findsPhraseWithOffsetsCaseAndWhitespaceInsensitively() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"surface region\"", "surface area")));
    String text = "The Surface\n  Region is large; surfaceregion and surface regions are not.";
    List<FingerprintMatch> ms = m.match(text);
    assertEquals(List.of("4-20:Surface\n  Region->surface area"), spans(ms));
    assertEquals("surface region", ms.get(0).phrase());
    assertEquals("\"surface region\"", ms.get(0).query());
  }

  @Test
  void respectsWordBoundariesOnBothSides() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"grouping\"", "classification")));
    assertEquals(List.of("0-8:grouping->classification", "32-40:Grouping->classification"),
        spans(m.match("grouping regrouping (groupings) Grouping.")));
  }

  @Test
  void andNeedsEveryClauseButReportsOnlyTheFirst() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"surface region\" AND \"surface area\"", "surface area")));
    assertEquals(List.of(), m.match("the surface region of the cube"));
    assertEquals(List.of("4-18:surface region->surface area"),
        spans(m.match("the surface region, i.e. the surface area")));
  }

  @Test
  void notVetoesTheWholeText() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"highlight extraction\" NOT specular", "feature extraction")));
    assertEquals(1, m.match("We use highlight extraction.").size());
    assertEquals(0, m.match("Specular highlight extraction.").size());
  }

  @Test
  void proximityNeedsTermsWithinTheWindowInAnyOrder() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"exactness accuracy\"~2", "accuracy")));
    // window = 2 terms + 2 slop: first words at most 3 apart
    assertEquals(List.of("0-24:exactness (the) accuracy->accuracy"),
        spans(m.match("exactness (the) accuracy)")));
    assertEquals(List.of("0-23:accuracy, and exactness->accuracy"), spans(m.match("accuracy, and exactness")));
    assertEquals(List.of(), m.match("exactness is not at all the accuracy"));
    assertEquals(List.of(), m.match("exactness (i.e. the accuracy)"));
  }

  @Test
  void prefixMatchesExtendToTheEndOfTheWord() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"enhancement calculation\" AND optimiz*", "optimization algorithm")));
    assertEquals(1, m.match("an enhancement calculation for optimizing").size());
    assertEquals(0, m.match("an enhancement calculation for reoptimizing").size());
    FingerprintMatcher p = new FingerprintMatcher(List.of(fp("\"hear*\"", "hearing")));
    assertEquals(List.of("4-11:hearing->hearing"), spans(p.match("bad hearing")));
  }

  @Test
  void orReportsEveryTrueBranch() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"a b\" OR \"c d\" AND \"e\"", "x")));
    assertEquals(List.of("0-3:a b->x"), spans(m.match("a b c d")));
    assertEquals(List.of("0-3:a b->x", "4-7:c d->x"), spans(m.match("a b c d e")));
  }

  @Test
  void foldsTypographicApostrophesAndDashes() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"Alzheimer's illness\"", "Alzheimer's disease"),
        fp("\"Euler–Bernoulli pillar hypothesis\"", "Euler–Bernoulli beam theory")));
    assertEquals(2, m.match("Alzheimer’s Illness and the Euler-Bernoulli pillar hypothesis").size());
  }

  @Test
  void textWithoutMatchesGivesEmptyList() {
    FingerprintMatcher m = new FingerprintMatcher(List.of(fp("\"x\"", "y")));
    assertEquals(List.of(), m.match(""));
    assertEquals(List.of(), m.match("   \n"));
  }

  /** The oracle: every occurrence of a normalized phrase in the normalized text at word boundaries. */
  private static TreeSet<String> slowMatch(List<String> phrases, String text) {
    TextNormalizer.Normalized n = TextNormalizer.normalizeWithOffsets(text);
    String s = new String(n.chars(), 0, n.length());
    TreeSet<String> out = new TreeSet<>();
    for (String raw : phrases) {
      String p = TextNormalizer.normalize(raw);
      for (int i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) {
        int e = i + p.length();
        boolean left = i == 0 || !(Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i)));
        boolean right = e == s.length()
            || !(Character.isLetterOrDigit(s.charAt(e - 1)) && Character.isLetterOrDigit(s.charAt(e)));
        if (left && right) {
          int st = n.offsets()[i];
          int en = n.offsets()[e - 1] + 1;
          out.add(st + "-" + en + ":" + p);
        }
      }
    }
    return out;
  }

  @Test
  void randomTextsAndPhraseListsAgreeWithBruteForce() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    String[] words = {"a", "b", "ab", "ba", "aab", "B", "Ab", "é", "1", "я", "Яa"};
    String[] seps = {" ", "  ", "\n", ", ", "-", "'", "\u00A0", ""};
    for (int round = 0; round < 300; round++) {
      List<String> phrases = new ArrayList<>();
      int np = 1 + rnd.nextInt(8);
      for (int i = 0; i < np; i++) {
        StringBuilder sb = new StringBuilder(words[rnd.nextInt(words.length)]);
        int len = rnd.nextInt(3);
        for (int j = 0; j < len; j++) {
          sb.append(rnd.nextBoolean() ? " " : "-").append(words[rnd.nextInt(words.length)]);
        }
        phrases.add(sb.toString());
      }
      StringBuilder text = new StringBuilder();
      int tl = rnd.nextInt(30);
      for (int j = 0; j < tl; j++) {
        text.append(words[rnd.nextInt(words.length)]).append(seps[rnd.nextInt(seps.length)]);
      }
      List<Fingerprint> fps = new ArrayList<>();
      for (String p : phrases) {
        fps.add(fp("\"" + p + "\"", "x"));
      }
      FingerprintMatcher m = new FingerprintMatcher(fps);
      TreeSet<String> got = new TreeSet<>();
      for (FingerprintMatch fm : m.match(text)) {
        got.add(fm.start() + "-" + fm.end() + ":" + fm.phrase());
        assertEquals(text.substring(fm.start(), fm.end()), fm.text());
      }
      assertEquals(slowMatch(phrases, text.toString()), got,
          "seed=" + seed + " round=" + round + " phrases=" + phrases + " text='" + text + "'");
    }
  }

  @Test
  void wholeShippedListMatchesEachOfItsOwnTorturedPhrases() {
    FingerprintList list = FingerprintList.loadDefault();
    FingerprintMatcher m = new FingerprintMatcher(list);
    assertTrue(m.phraseCount() > 7000, "phrases: " + m.phraseCount());
    int hit = 0;
    int plain = 0;
    for (Fingerprint f : list.entries()) {
      if (f.parsed() instanceof FingerprintQuery.Phrase p && !p.prefix()) {
        plain++;
        String text = "In this paper, " + f.query().replace("\"", "") + " is used.";
        for (FingerprintMatch fm : m.match(text)) {
          if (fm.fingerprint() == f) {
            hit++;
            break;
          }
        }
      }
    }
    assertEquals(plain, hit, "every plain phrase of the list matches its own text");
  }
}
