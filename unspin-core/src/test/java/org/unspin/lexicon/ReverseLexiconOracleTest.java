package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reverse index against a brute-force oracle: a naive scan over every forward entry of the
 * view, inflecting each replacement every possible way and keeping those equal to the surface.
 */
class ReverseLexiconOracleTest {

  /** What the oracle expects for a surface: every (original, lemma edge, inflection, mismatch). */
  static List<String> naive(LexiconDictionary view, ReverseLexicon.Options opt, String surface) {
    Lexicon lex = view.lexicon();
    List<String> out = new ArrayList<>();
    for (int src = 0; src < lex.phraseCount(); src++) {
      for (int e = lex.edgeStart(src); e < lex.edgeEnd(src); e++) {
        if (!view.accepts(e)) {
          continue;
        }
        int tgt = lex.edgeTarget(e);
        expect(lex, opt, surface, e, src, tgt, false, out);
        if (opt.inverse() && !accepted(view, tgt, src)) {
          expect(lex, opt, surface, e, tgt, src, true, out); // the surface's own replacement
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  static boolean accepted(LexiconDictionary view, int from, int to) {
    Lexicon lex = view.lexicon();
    for (int e = lex.edgeStart(from); e < lex.edgeEnd(from); e++) {
      if (lex.edgeTarget(e) == to && view.accepts(e)) {
        return true;
      }
    }
    return false;
  }

  /** Candidates for {@code surface} through edge {@code e} read as "original -> surfaceLemma". */
  static void expect(Lexicon lex, ReverseLexicon.Options opt, String surface, int e, int original, int surfaceLemma,
      boolean inverse, List<String> out) {
    Morphology m = lex.morphology();
    String tp = lex.phrase(surfaceLemma);
    String sp = lex.phrase(original);
    for (Inflection infl : Inflection.values()) {
      if (infl != Inflection.BASE && !opt.morphology()) {
        continue;
      }
      int pos = lex.pos(surfaceLemma);
      if (infl != Inflection.BASE && pos != 0 && (pos & infl.pos()) == 0) {
        continue;
      }
      int sense = Lexicon.sensePos(lex.info(e));
      int opos = lex.pos(original);
      if (infl != Inflection.BASE && (sense != 0 ? (sense & infl.pos()) == 0 : opos != 0 && (opos & infl.pos()) == 0)) {
        continue; // the edge's sense (or the original) cannot carry the inflection
      }
      if (!m.isPhraseForm(tp, infl, surface)) {
        continue;
      }
      String orig = form(lex, sp, infl, 0);
      if (orig == null) {
        continue;
      }
      if (infl == Inflection.PAST_PARTICIPLE && m.isPhraseForm(tp, Inflection.PAST, surface)
          && orig.equals(form(lex, sp, Inflection.PAST, 0))) {
        continue; // reported once, by the past analysis
      }
      for (int v = 0; v < forms(lex, sp, infl); v++) { // every irregular form
        out.add(form(lex, sp, infl, v) + "|" + e + "|" + infl + "|false|" + inverse);
      }
      Inflection conf = opt.mismatches() ? Morphology.confusable(infl) : null;
      if (conf != null && !m.isPhraseForm(tp, conf, surface)) {
        String other = form(lex, sp, conf, 0);
        if (other != null && !other.equals(orig)) {
          for (int v = 0; v < forms(lex, sp, conf); v++) {
            out.add(form(lex, sp, conf, v) + "|" + e + "|" + infl + "|true|" + inverse);
          }
        }
      }
    }
  }

  /** Form {@code v} of original phrase {@code sp} with {@code infl}: itself where it is already inflected. */
  static String form(Lexicon lex, String sp, Inflection infl, int v) {
    return ReverseLexicon.alreadyInflected(lex, sp, infl) ? sp : lex.morphology().inflectPhrase(sp, infl, v);
  }

  static int forms(Lexicon lex, String sp, Inflection infl) {
    return ReverseLexicon.alreadyInflected(lex, sp, infl) ? 1 : lex.morphology().formCount(Morphology.head(sp, infl), infl);
  }

  static java.util.SortedSet<String> originals(List<String> candidates) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (String c : candidates) {
      out.add(c.substring(0, c.indexOf('|')));
    }
    return out;
  }

  static List<String> fast(ReverseLexicon r, String surface) {
    List<String> out = new ArrayList<>();
    String[] toks = surface.split(" ");
    int n = r.candidates(toks, 0, toks.length, c -> out.add(c.original() + "|" + c.edge() + "|" + c.inflection()
        + "|" + c.mismatch() + "|" + c.inverse()));
    assertEquals(out.size(), n, "returned count");
    Collections.sort(out);
    return out;
  }

  /** Surfaces to query: every phrase and every inflected form of every phrase, plus noise. */
  static List<String> surfaces(Lexicon lex, Random r) {
    Morphology m = lex.morphology();
    List<String> s = new ArrayList<>();
    for (int p = 0; p < lex.phraseCount(); p++) {
      String ph = lex.phrase(p);
      s.add(ph);
      for (Inflection infl : Inflection.values()) {
        String f = m.inflectPhrase(ph, infl);
        if (f != null && f.split(" ").length <= 3) {
          s.add(f);
        }
      }
    }
    for (int i = 0; i < 50; i++) {
      s.add(ToyLexicons.word(r) + (r.nextBoolean() ? "" : " " + ToyLexicons.word(r)));
    }
    return s;
  }

  @Test
  void reverseLookupsEqualNaiveScanOfForwardEntries() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int round = 0; round < 4; round++) {
      Lexicon lex = ToyLexicons.random(r, 60 + r.nextInt(80), 100 + r.nextInt(300));
      List<LexiconDictionary> views = List.of(lex.dictionary(),
          lex.dictionary().withResources(EnumSet.of(Resource.WORDNET, Resource.NUMBERS)),
          lex.dictionary().holdingOut(0.25, seed), lex.dictionary().holdingOut(0.25, seed).heldOut());
      for (LexiconDictionary view : views) {
        for (ReverseLexicon.Options opt : List.of(ReverseLexicon.Options.DEFAULT, ReverseLexicon.Options.EXACT,
            new ReverseLexicon.Options(true, false, false, 0), new ReverseLexicon.Options(false, false, true, 0))) {
          ReverseLexicon rev = view.reverse(opt);
          for (String surface : surfaces(lex, r)) {
            List<String> naive = naive(view, opt, surface);
            List<String> fast = fast(rev, surface);
            String msg = "seed=" + seed + " round=" + round + " opt=" + opt + " surface='" + surface + "'";
            // the same originals, and each reported candidate is one the oracle derives
            assertEquals(originals(naive), originals(fast), msg);
            assertTrue(naive.containsAll(fast), msg + " " + fast + " vs " + naive);
          }
        }
      }
    }
  }

  /**
   * A phrase of several words has no comparative ({@link Morphology#inflectPhrase}): "very quicker"
   * is not "very quick" + er, so it offers no "faster" (found by the oracle, seed 37516111440406).
   */
  @Test
  void aPhraseOfSeveralWordsHasNoComparative() {
    LexiconBuilder b = new LexiconBuilder();
    b.info("toy");
    b.pos("fast", Pos.ADJ).pos("very quick", Pos.ADJ).pos("quick", Pos.ADJ);
    b.edge("fast", "very quick", Resource.WORDNET, Relation.SIMILAR, Pos.ADJ, 1, 0);
    b.edge("fast", "quick", Resource.WORDNET, Relation.SIMILAR, Pos.ADJ, 1, 0);
    ReverseLexicon rev = b.build().dictionary().reverse();
    assertEquals(List.of(), fast(rev, "very quicker"));
    assertEquals(List.of("faster"), new ArrayList<>(originals(fast(rev, "quicker"))));
    assertEquals(List.of("fast"), new ArrayList<>(originals(fast(rev, "very quick"))));
  }

  /**
   * {@link ReverseLexicon#mayHaveCandidates} is one-sided: a span it turns away has no candidate,
   * over the phrases, their inflections, their words recombined and noise.
   */
  @Test
  void aSpanTurnedAwayByTheQuickTestHasNoCandidate() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    int turnedAway = 0;
    for (int round = 0; round < 4; round++) {
      Lexicon lex = ToyLexicons.random(r, 60 + r.nextInt(80), 100 + r.nextInt(300));
      List<String> words = new ArrayList<>();
      for (String surface : surfaces(lex, r)) {
        words.addAll(List.of(surface.split(" ")));
      }
      words.add("more");
      words.add("most");
      List<String> spans = new ArrayList<>();
      for (String surface : surfaces(lex, r)) {
        if (surface.indexOf(' ') > 0) {
          spans.add(surface);
        }
      }
      for (int i = 0; i < 3000; i++) {
        int len = 2 + r.nextInt(2);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < len; k++) {
          sb.append(k > 0 ? " " : "").append(words.get(r.nextInt(words.size())));
        }
        spans.add(sb.toString());
      }
      for (ReverseLexicon.Options opt : List.of(ReverseLexicon.Options.DEFAULT, ReverseLexicon.Options.EXACT,
          new ReverseLexicon.Options(true, false, false, 0))) {
        for (LexiconDictionary view : List.of(lex.dictionary(), lex.dictionary().holdingOut(0.25, seed))) {
          ReverseLexicon rev = view.reverse(opt.withSecondOrder(3));
          for (String span : spans) {
            String[] t = span.split(" ");
            if (t.length < 2 || t.length > 3 || rev.mayHaveCandidates(t[0], t[1], t.length)) {
              continue;
            }
            turnedAway++;
            assertEquals(List.of(), fast(rev, span), "seed=" + seed + " opt=" + opt + " span='" + span + "'");
          }
        }
      }
    }
    assertTrue(turnedAway > 1000, "seed=" + seed + ": only " + turnedAway + " spans turned away");
  }

  @Test
  void candidateFeaturesDescribeTheEdge() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    Lexicon lex = ToyLexicons.random(r, 50, 200);
    LexiconDictionary view = lex.dictionary();
    int checked = 0;
    for (int id = 0; id < lex.phraseCount(); id++) {
      final int p = id;
      String surface = lex.phrase(p);
      int[] n = {0};
      view.reverse(ReverseLexicon.Options.EXACT).candidates(surface, c -> {
        assertFalse(c.inverse(), "seed=" + seed);
        int info = lex.info(c.edge());
        assertEquals(lex.edgeTarget(c.edge()), c.surfaceLemma(), "seed=" + seed);
        assertEquals(lex.phrase(c.originalLemma()), c.original(), "seed=" + seed);
        assertEquals(Lexicon.resources(info), c.resources(), "seed=" + seed);
        assertEquals(Lexicon.rank(info), c.senseRank(), "seed=" + seed);
        assertEquals(view.fanOut(c.originalLemma()), view.synonyms(c.original()).size(), "seed=" + seed);
        assertTrue(view.synonyms(c.original()).contains(surface), "seed=" + seed);
        assertEquals(lex.freqClass(c.originalLemma()), c.originalFreqClass(), "seed=" + seed);
        assertEquals(lex.pos(p), c.surfacePos(), "seed=" + seed);
        n[0]++;
      });
      checked += n[0];
    }
    assertTrue(checked > 0, "seed=" + seed + ": no candidates at all");
  }

  @Test
  void limitedLookUpsKeepThePrefixOfTheFullOrderAndListsFollowThePrior() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    Lexicon lex = ToyLexicons.random(r, 80, 600);
    for (int p = 0; p < lex.phraseCount(); p++) {
      int last = -1;
      for (int k = lex.reverseStart(p); k < lex.reverseEnd(p); k++) {
        int e = lex.reverseEdge(k);
        int src = lex.edgeSource(e);
        int wordnet = 0;
        for (int f = lex.edgeStart(src); f < lex.edgeEnd(src); f++) {
          wordnet += Lexicon.wordnetSynonym(lex.info(f)) ? 1 : 0;
        }
        int prior = Lexicon.prior(lex.info(e), lex.edgeEnd(src) - lex.edgeStart(src), wordnet, lex.freqClass(src),
            e == lex.edgeStart(src));
        assertEquals(prior, lex.bucket(e), "seed=" + seed);
        assertTrue(prior >= last, "seed=" + seed + " reverse list of " + p + " out of prior order");
        last = prior;
      }
    }
    ReverseLexicon all = lex.dictionary().reverse();
    ReverseLexicon plain = lex.dictionary().reverse(new ReverseLexicon.Options(false, false, true, 0));
    for (String surface : surfaces(lex, r)) {
      for (ReverseLexicon rev : List.of(plain, all)) {
        int[] last = {-1};
        rev.candidates(surface, c -> {
          assertTrue(c.prior() >= last[0], "seed=" + seed + " '" + surface + "' candidates out of prior order");
          last[0] = c.prior();
        });
      }
      List<String> full = new ArrayList<>();
      all.candidates(surface, c -> full.add(c.original() + "|" + c.edge() + "|" + c.mismatch() + "|" + c.inverse()));
      int limit = 1 + r.nextInt(4);
      List<String> limited = new ArrayList<>();
      int n = lex.dictionary().reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(limit)).candidates(surface,
          c -> limited.add(c.original() + "|" + c.edge() + "|" + c.mismatch() + "|" + c.inverse()));
      assertEquals(full.subList(0, Math.min(limit, full.size())), limited, "seed=" + seed + " '" + surface + "'");
      assertEquals(limited.size(), n, "seed=" + seed);
    }
  }

  @Test
  void adaptiveLimitKeepsTheMinimumThenCandidatesWithinTheMarginUpToTheCap() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    Lexicon lex = ToyLexicons.random(r, 80, 600);
    ReverseLexicon all = lex.dictionary().reverse();
    int compared = 0;
    for (String surface : surfaces(lex, r)) {
      List<String> full = new ArrayList<>();
      List<Integer> priors = new ArrayList<>();
      all.candidates(surface, c -> {
        full.add(c.original() + "|" + c.edge() + "|" + c.mismatch() + "|" + c.inverse());
        priors.add(c.prior());
      });
      int max = 1 + r.nextInt(6);
      int min = r.nextInt(max + 1);
      int margin = 1 + r.nextInt(8);
      // oracle: the first min, then while within the margin of the first prior, at most max
      int keep = 0;
      while (keep < full.size() && keep < max && (keep < min || priors.get(keep) <= priors.get(0) + margin)) {
        keep++;
      }
      List<String> limited = new ArrayList<>();
      ReverseLexicon adaptive = lex.dictionary().reverse(ReverseLexicon.Options.DEFAULT.withAdaptiveLimit(min, max,
          margin));
      int n = adaptive.candidates(surface,
          c -> limited.add(c.original() + "|" + c.edge() + "|" + c.mismatch() + "|" + c.inverse()));
      String msg = "seed=" + seed + " '" + surface + "' min=" + min + " max=" + max + " margin=" + margin
          + " priors=" + priors;
      assertEquals(full.subList(0, keep), limited, msg);
      assertEquals(keep, n, msg);
      compared += full.size() > keep ? 1 : 0;
    }
    assertTrue(compared > 0, "seed=" + seed + ": no look-up was cut by the limit");
  }

  @Test
  void adaptiveLimitRejectsAMinimumAboveTheCap() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ReverseLexicon.Options.DEFAULT.withAdaptiveLimit(5, 4, 2));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ReverseLexicon.Options.DEFAULT.withAdaptiveLimit(1, 4, 0));
  }

  @Test
  void spanOutsideTheArrayIsRejected() {
    Lexicon lex = ToyLexicons.random(new Random(1), 10, 10);
    ReverseLexicon r = lex.dictionary().reverse();
    String[] toks = {"a", "b"};
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> r.candidates(toks, 1, 2, c -> { }));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> r.candidates(new String[] {"a", "b", "c", "d"}, 0, 4, c -> { }));
  }
}
