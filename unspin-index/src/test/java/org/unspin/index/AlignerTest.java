package org.unspin.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlignerTest {

  /**
   * Best score by enumerating every source segment and every edit script: the oracle. {@code qc},
   * {@code sc}: synonym class codes (null: none).
   */
  private static int bruteForce(int[] q, int[] s, int[] qc, int[] sc) {
    int best = Integer.MIN_VALUE;
    for (int j0 = 0; j0 <= s.length; j0++) {
      for (int j1 = j0; j1 <= s.length; j1++) {
        best = Math.max(best, scripts(q, 0, s, j0, j1, qc, sc));
      }
    }
    return best;
  }

  /** Score of aligning query word i with source word j, as the objective defines it. */
  private static int step(int[] q, int i, int[] s, int j, int[] qc, int[] sc) {
    if (q[i] == s[j]) {
      return Aligner.MATCH;
    }
    return qc != null && qc[i] >= 0 && qc[i] == sc[j] ? Aligner.SYNONYM : Aligner.MISMATCH;
  }

  private static int scripts(int[] q, int i, int[] s, int j, int end, int[] qc, int[] sc) {
    if (i == q.length && j == end) {
      return 0;
    }
    int best = Integer.MIN_VALUE;
    if (i < q.length && j < end) {
      best = Math.max(best, step(q, i, s, j, qc, sc) + scripts(q, i + 1, s, j + 1, end, qc, sc));
    }
    if (i < q.length) {
      best = Math.max(best, Aligner.GAP + scripts(q, i + 1, s, j, end, qc, sc));
    }
    if (j < end) {
      best = Math.max(best, Aligner.GAP + scripts(q, i, s, j + 1, end, qc, sc));
    }
    return best;
  }

  private static int[] randomClasses(Random rnd, int n) {
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = rnd.nextInt(3) - 1; // -1: no class
    }
    return c;
  }

  @Test
  void sentenceAlignmentScoreEqualsBruteForceOnRandomSmallCases() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 3000; round++) {
      int[] q = new int[1 + rnd.nextInt(4)];
      int[] s = new int[rnd.nextInt(7)];
      int alphabet = 1 + rnd.nextInt(4);
      for (int i = 0; i < q.length; i++) {
        q[i] = rnd.nextInt(alphabet);
      }
      for (int j = 0; j < s.length; j++) {
        s[j] = rnd.nextInt(alphabet);
      }
      // half the cases with synonym classes, which make some substitutions score better
      int[] qc = round % 2 == 0 ? null : randomClasses(rnd, q.length);
      int[] sc = qc == null ? null : randomClasses(rnd, s.length);
      Aligner.SentenceAlignment a = Aligner.alignSentence(q, 0, q.length, s, null, null, qc, sc);
      String msg = "seed=" + seed + " round=" + round;
      assertEquals(bruteForce(q, s, qc, sc), a.score(), msg);
      if (qc == null) {
        assertEquals(a.score(), Aligner.scoreOf(a.ops()), "traceback rescored, " + msg);
      }
      // the steps consume the whole query and a segment of the source, with the matches they claim,
      // and score what the alignment says
      int qi = 0;
      int sj = Math.max(0, a.sourceFrom());
      int matches = 0;
      int rescored = 0;
      for (byte op : a.ops()) {
        rescored += op == Aligner.OP_MATCH || op == Aligner.OP_SUB ? step(q, qi, s, sj, qc, sc) : Aligner.GAP;
        if (op == Aligner.OP_MATCH) {
          assertEquals(q[qi], s[sj], msg);
          matches++;
        } else if (op == Aligner.OP_SUB) {
          assertTrue(q[qi] != s[sj], msg);
        }
        if (op != Aligner.OP_SOURCE) {
          qi++;
        }
        if (op != Aligner.OP_QUERY) {
          sj++;
        }
      }
      assertEquals(q.length, qi, msg);
      assertTrue(sj <= s.length, msg);
      assertEquals(matches, a.matches(), msg);
      assertEquals(a.score(), rescored, "traceback rescored, " + msg);
    }
  }

  @Test
  void oneWordSpunIntoTwoBecomesOnePhraseSubstitution() {
    Words q = Words.of("They bought a couple of cars in Paris.");
    Words s = Words.of("They bought two cars in Paris.");
    DocumentAlignment a = Aligner.align(q, s);
    List<AlignedSubstitution> subs = a.aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("a couple of", subs.get(0).surface());
    assertEquals("two", subs.get(0).original());
    assertEquals(1.0, a.coverage(), 1e-9);
  }

  @Test
  void reorderedAndDroppedSentencesStillAlign() {
    String src = "The central bank raised rates on Tuesday. Shares fell sharply in Tokyo. "
        + "Analysts expect another rise in March.";
    String spun = "Analysts anticipate another rise in March. The central financial institution raised rates on "
        + "Tuesday.";
    DocumentAlignment a = Aligner.align(Words.of(spun), Words.of(src));
    assertEquals(1.0, a.coverage(), 1e-9);
    List<Passage> passages = a.passages();
    assertEquals(2, passages.size(), passages.toString());
    assertEquals("Analysts expect another rise in March", src.substring(passages.get(0).sourceStart(),
        passages.get(0).sourceEnd()));
    List<SubstitutionCount> counts = DocumentAlignment.count(a.aligned());
    assertTrue(counts.contains(new SubstitutionCount("anticipate", "expect", 1)), counts.toString());
    assertTrue(counts.contains(new SubstitutionCount("financial institution", "bank", 1)), counts.toString());
  }

  @Test
  void unrelatedSentenceIsNotAccepted() {
    DocumentAlignment a = Aligner.align(Words.of("Completely different words appear here today."),
        Words.of("The central bank raised rates on Tuesday."));
    assertFalse(a.sentences().get(0).accepted());
    assertEquals(0.0, a.coverage(), 1e-9);
    assertTrue(a.passages().isEmpty());
  }

  @Test
  void restoringFromTheMatchPutsTheSourceWordingBack() {
    String src = "Shares fell sharply in Tokyo on Monday.";
    String spun = "Stocks dropped sharply in Tokyo on Monday.";
    DocumentAlignment a = Aligner.align(Words.of(spun), Words.of(src));
    SourceMatch m = a.toMatch("doc", null);
    assertEquals(src, m.restore(spun));
    assertEquals(5.0 / 7, m.score(), 1e-9);
  }

  @Test
  void heavilySpunSentenceBetweenAcceptedNeighboursIsAlignedInTheirSourceGap() {
    String src = "The central bank raised rates on Tuesday. Shares fell sharply in Tokyo on the news. "
        + "Analysts expect another rise in March.";
    // the middle sentence keeps one word of nine: not accepted on its own
    String spun = "The central bank raised rates on Tuesday. Stocks dropped steeply in Nippon upon this report. "
        + "Analysts expect another rise in March.";
    DocumentAlignment a = Aligner.align(Words.of(spun), Words.of(src));
    Aligner.SentenceAlignment middle = a.sentences().get(1);
    assertTrue(middle.accepted() && middle.inContext(), middle.toString());
    assertEquals(1.0, a.coverage(), 1e-9);
    List<SubstitutionCount> counts = DocumentAlignment.count(a.aligned());
    assertTrue(counts.contains(new SubstitutionCount("Stocks", "Shares", 1)), counts.toString());
    assertTrue(counts.contains(new SubstitutionCount("Nippon", "Tokyo", 1)), counts.toString());
    // alone, the same sentence is not taken for the source's
    DocumentAlignment alone = Aligner.align(Words.of("Stocks dropped steeply in Nippon upon this report."),
        Words.of(src));
    assertFalse(alone.sentences().get(0).accepted());
  }

  @Test
  void lexiconEdgeThatReusesTheOriginalWordTakesTheMatchedWordAroundTheStretch() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    assertTrue(classes.isEdge("banks", "sir joseph banks"));
    List<AlignedSubstitution> subs = Aligner.align(
        Words.of("The legislation would permit sir joseph banks full participation in the business."),
        Words.of("The legislation would allow banks full participation in the business."), classes).aligned();
    assertEquals(2, subs.size(), subs.toString());
    assertEquals("permit", subs.get(0).surface());
    assertEquals("allow", subs.get(0).original());
    assertEquals("sir joseph banks", subs.get(1).surface());
    assertEquals("banks", subs.get(1).original());
  }

  @Test
  void phraseOpeningASentenceDoesNotTakeTheLastWordOfTheSourcesSentenceBefore() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    assertTrue(classes.isEdge("it", "information technology"));
    List<AlignedSubstitution> subs = Aligner.align(
        Words.of("The firm sells management products and services. Information technology said sales rose."),
        Words.of("The firm sells management products and services. It said sales rose."), classes).aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("Information technology", subs.get(0).surface());
    assertEquals("It", subs.get(0).original());
  }

  @Test
  void originalWordsLeftOutAtTheStartOfASentenceJoinTheEdgeTheyFormWithTheFirstMatch() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    assertTrue(classes.isEdge("grand jury", "jury"));
    String src = "Grand Jury Adds to HealthSouth Charges. Federal prosecutors added charges on Monday.";
    String spun = "Jury Adds to HealthSouth Charges. Federal prosecutors added charges on Monday.";
    List<AlignedSubstitution> subs = Aligner.align(Words.of(spun), Words.of(src), classes).aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("Jury", subs.get(0).surface());
    assertEquals("Grand Jury", subs.get(0).original());
    // not across a source sentence boundary
    subs = Aligner.align(Words.of("Jury Adds to HealthSouth Charges."),
        Words.of("They met the grand. Jury Adds to HealthSouth Charges."), classes).aligned();
    assertTrue(subs.isEmpty(), subs.toString());
  }

  @Test
  void periodAfterAnAbbreviationDoesNotEndTheSentence() {
    Words w = Words.of("Sales in the U.S. Market rose 5 pct. Prices fell in Washington d.c . today. It was cold.");
    assertEquals(3, w.sentenceCount());
    assertEquals("prices", w.key[w.sentence[1]]);
    assertEquals("it", w.key[w.sentence[2]]);
  }

  @Test
  void replacementTheDocumentShowsTwiceSegmentsAnAmbiguousStretch() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    String src = "He went to Paris on Monday. She went to Rome on Tuesday. They walked to glim town at night.";
    String spun = "He went zorp blat Paris on Monday. She went zorp blat Rome on Tuesday. They walked zorp blat "
        + "frob town at night.";
    List<AlignedSubstitution> subs = Aligner.align(Words.of(spun), Words.of(src), classes).aligned();
    assertEquals(4, subs.size(), subs.toString());
    assertEquals("zorp blat", subs.get(2).surface());
    assertEquals("to", subs.get(2).original());
    assertEquals("frob", subs.get(3).surface());
    assertEquals("glim", subs.get(3).original());
    // shown once only, the pair teaches nothing: the stretch stays one replacement
    src = "He went to Paris on Monday. They walked to glim town at night.";
    spun = "He went zorp blat Paris on Monday. They walked zorp blat frob town at night.";
    subs = Aligner.align(Words.of(spun), Words.of(src), classes).aligned();
    assertEquals(2, subs.size(), subs.toString());
    assertEquals("zorp blat frob", subs.get(1).surface());
    assertEquals("to glim", subs.get(1).original());
  }

  @Test
  void stretchClosingASentenceStopsAtTheEndOfItsSourceSentence() {
    String src = "Officials named three areas. The plan starts soon.";
    String spun = "Officials named three zorp blat. The plan starts soon.";
    List<AlignedSubstitution> subs = Aligner.align(Words.of(spun), Words.of(src),
        SourceIndex.classes(IndexOptions.defaults())).aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("zorp blat", subs.get(0).surface());
    assertEquals("areas", subs.get(0).original());
  }

  @Test
  void wordsOnOneSideJoinTheMatchBeforeThemWhenThePhraseShapesSaySo() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    assertTrue(classes.phrasesWith("on", true) > 0 && classes.phrasesWith("foot", false) > 0);
    assertEquals(0, classes.phrasesWith("2", false));
    List<AlignedSubstitution> subs = Aligner.align(Words.of("The prizes are handed out on foot 2 March."),
        Words.of("The prizes are handed out on 2 March."), classes).aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("on foot", subs.get(0).surface());
    assertEquals("on", subs.get(0).original());
  }

  @Test
  void runOfHeavilySpunSentencesBetweenAcceptedNeighboursIsAlignedInTheirSourceGap() {
    String src = "Alpha company reported strong profits today. The board met in Paris. Directors voted on the plan. "
        + "Shares rose after the news.";
    String spun = "Alpha company reported strong profits today. Zorp board blat quux frob. Glim voted snark bork wump. "
        + "Shares rose after the news.";
    DocumentAlignment a = Aligner.align(Words.of(spun), Words.of(src));
    assertEquals(4, a.sentences().size());
    for (int k = 1; k <= 2; k++) {
      Aligner.SentenceAlignment s = a.sentences().get(k);
      assertTrue(s.accepted() && s.inContext(), s.toString());
    }
    assertEquals(1.0, a.coverage(), 1e-9);
    List<SubstitutionCount> counts = DocumentAlignment.count(a.aligned());
    assertTrue(counts.contains(new SubstitutionCount("frob", "Paris", 1)), counts.toString());
    assertTrue(counts.contains(new SubstitutionCount("wump", "plan", 1)), counts.toString());
    // alone, neither sentence is taken for the source's
    assertFalse(Aligner.align(Words.of("Zorp board blat quux frob."), Words.of(src)).sentences().get(0).accepted());
  }
}
