package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Synonyms of synonyms against a brute-force scan of every path of two edges in the view. */
class SecondOrderTest {

  /** Neighbours of {@code p} in the view as a list: forward targets, then reverse sources (an edge each). */
  private static List<Integer> neighbours(LexiconDictionary view, int p) {
    Lexicon lex = view.lexicon();
    List<Integer> out = new ArrayList<>();
    for (int e = 0; e < lex.edgeCount(); e++) {
      if (lex.edgeSource(e) == p && view.accepts(e)) {
        out.add(lex.edgeTarget(e));
      }
    }
    // reverse sources in the reverse list's order
    for (int k = lex.reverseStart(p); k < lex.reverseEnd(p); k++) {
      if (view.accepts(lex.reverseEdge(k))) {
        out.add(lex.reverseSource(k));
      }
    }
    return out;
  }

  /** The oracle: originals two edges away, not neighbours, with evidence and cost; the {@code max} cheapest. */
  static List<long[]> naive(LexiconDictionary view, int s, int max) {
    Lexicon lex = view.lexicon();
    List<Integer> ns = neighbours(view, s);
    Set<Integer> near = new HashSet<>(ns);
    near.add(s);
    Map<Integer, Float> evidence = new LinkedHashMap<>();
    for (int x : new java.util.LinkedHashSet<>(ns)) {
      List<Integer> nx = neighbours(view, x);
      float weight = (float) (1.0 / (Math.log(2 + nx.size()) / Math.log(2)));
      for (int o : nx) {
        if (!near.contains(o)) {
          evidence.merge(o, weight, Float::sum);
        }
      }
    }
    List<long[]> out = new ArrayList<>();
    evidence.forEach((o, ev) -> {
      if (ev >= SecondOrder.MIN_EVIDENCE) {
        double bits = lex.freqClass(o) + Math.log(Math.max(1, view.fanOut(o))) / Math.log(2)
            - SecondOrder.EVIDENCE_WEIGHT * Math.log(ev) / Math.log(2);
        long cost = Math.max(0, Math.min(Lexicon.PRIOR_BUCKETS - 1,
            Math.round(bits * Lexicon.BUCKETS_PER_BIT) + SecondOrder.PENALTY));
        out.add(new long[] {cost, o});
      }
    });
    out.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    return out.subList(0, Math.min(max, out.size()));
  }

  @Test
  void secondOrderOriginalsEqualBruteForceOverRandomViews() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int round = 0; round < 3; round++) {
      Lexicon lex = ToyLexicons.random(r, 40 + r.nextInt(60), 80 + r.nextInt(300));
      for (LexiconDictionary view : List.of(lex.dictionary(), lex.dictionary().holdingOut(0.25, seed),
          lex.dictionary().holdingOut(0.25, seed).heldOut())) {
        int max = 1 + r.nextInt(8);
        SecondOrder so = new SecondOrder(view, max);
        for (int s = 0; s < lex.phraseCount(); s++) {
          List<long[]> want = naive(view, s, max);
          SecondOrder.Entry got = so.of(s);
          String msg = "seed=" + seed + " round=" + round + " surface=" + lex.phrase(s);
          assertArrayEquals(want.stream().mapToInt(a -> (int) a[1]).toArray(), got.original, msg);
          assertArrayEquals(want.stream().mapToInt(a -> (int) a[0]).toArray(), got.cost, msg);
          for (int i = 0; i < got.original.length; i++) {
            int e = got.edge[i];
            int o = got.original[i];
            assertTrue(view.accepts(e) && (lex.edgeSource(e) == o || lex.edgeTarget(e) == o), msg);
          }
          assertTrue(so.of(s) == got, "cached " + msg);
        }
      }
    }
  }

  @Test
  void reverseIndexProposesSynonymsOfSynonymsInPriorOrderAndOnlyWhenAsked() {
    LexiconBuilder b = new LexiconBuilder();
    b.info("toy");
    for (String p : List.of("alpha", "beta", "gamma", "delta")) {
      b.pos(p, Pos.NOUN);
    }
    // alpha and gamma share the neighbours beta and delta; neither lists the other
    b.edge("alpha", "beta", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    b.edge("delta", "alpha", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    b.edge("beta", "gamma", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    b.edge("gamma", "delta", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    Lexicon lex = b.build();
    List<String> plain = new ArrayList<>();
    lex.dictionary().reverse().candidates("gammas", c -> plain.add(c.original()));
    assertFalse(plain.contains("alphas"), plain.toString());
    List<String> withHops = new ArrayList<>();
    int[] last = {-1};
    lex.dictionary().reverse(ReverseLexicon.Options.DEFAULT.withSecondOrder(5)).candidates("gammas", c -> {
      withHops.add(c.original() + (c.secondOrder() ? "*" : ""));
      assertTrue(c.prior() >= last[0], "prior order");
      last[0] = c.prior();
    });
    assertTrue(withHops.contains("alphas*"), withHops.toString());
    assertEquals(plain.size() + 1, withHops.size(), withHops.toString());
  }
}
