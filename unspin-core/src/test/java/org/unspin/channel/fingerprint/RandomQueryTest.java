package org.unspin.channel.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random queries: the parser round-trips them and the matcher agrees with a brute-force evaluation. */
class RandomQueryTest {
  private static final String[] WORDS = {"a", "b", "c", "ab", "d"};

  private static FingerprintQuery.Phrase phrase(Random r, int maxWords) {
    int n = 1 + r.nextInt(maxWords);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? " " : "").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return new FingerprintQuery.Phrase(sb.toString(), r.nextInt(8) == 0);
  }

  private static FingerprintQuery positive(Random r, int depth) {
    int k = depth >= 2 ? r.nextInt(2) : r.nextInt(4);
    switch (k) {
      case 0 -> {
        return phrase(r, 2);
      }
      case 1 -> {
        List<FingerprintQuery.Phrase> terms = new ArrayList<>();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          terms.add(new FingerprintQuery.Phrase(WORDS[r.nextInt(WORDS.length)], false));
        }
        return new FingerprintQuery.Near(terms, r.nextInt(3));
      }
      case 2 -> {
        List<FingerprintQuery> cs = new ArrayList<>();
        cs.add(positive(r, depth + 1));
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          FingerprintQuery c = positive(r, depth + 1);
          cs.add(r.nextBoolean() ? new FingerprintQuery.Not(c) : c);
        }
        return new FingerprintQuery.And(cs);
      }
      default -> {
        List<FingerprintQuery> cs = new ArrayList<>();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          cs.add(positive(r, depth + 1));
        }
        return new FingerprintQuery.Or(cs);
      }
    }
  }

  @Test
  void randomTreesRoundTripThroughTheirCanonicalForm() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      FingerprintQuery q = positive(r, 0);
      String c = q.canonical();
      FingerprintQuery back = QueryParser.parse(c);
      assertEquals(c, back.canonical(), "seed=" + seed);
      assertEquals(back, QueryParser.parse(back.canonical()), "seed=" + seed + " query=" + c);
    }
  }

  /** Normalized text, its word index per char, and the occurrences of a phrase (start char indexes). */
  private record Doc(String s, int[] word) {
    static Doc of(String text) {
      String s = TextNormalizer.normalize(text);
      s = (text.startsWith(" ") ? " " : "") + s;
      int[] w = new int[s.length()];
      int k = -1;
      for (int i = 0; i < s.length(); i++) {
        if (Character.isLetterOrDigit(s.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
          k++;
        }
        w[i] = Math.max(k, 0);
      }
      return new Doc(s, w);
    }

    List<Integer> occurrences(FingerprintQuery.Phrase p) {
      List<Integer> out = new ArrayList<>();
      for (int i = s.indexOf(p.text()); i >= 0; i = s.indexOf(p.text(), i + 1)) {
        int e = i + p.text().length();
        boolean left = i == 0 || !(Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i)));
        boolean right = p.prefix() || e == s.length()
            || !(Character.isLetterOrDigit(s.charAt(e - 1)) && Character.isLetterOrDigit(s.charAt(e)));
        if (left && right) {
          out.add(i);
        }
      }
      return out;
    }
  }

  private static boolean slowEval(FingerprintQuery q, Doc d) {
    if (q instanceof FingerprintQuery.Phrase p) {
      return !d.occurrences(p).isEmpty();
    }
    if (q instanceof FingerprintQuery.Near n) {
      List<List<Integer>> occ = new ArrayList<>();
      for (FingerprintQuery.Phrase t : n.terms()) {
        occ.add(d.occurrences(t));
      }
      return assign(occ, 0, new ArrayList<>(), d, n.terms().size() - 1 + n.slop());
    }
    if (q instanceof FingerprintQuery.And a) {
      return a.clauses().stream().allMatch(c -> slowEval(c, d));
    }
    if (q instanceof FingerprintQuery.Or o) {
      return o.clauses().stream().anyMatch(c -> slowEval(c, d));
    }
    return !slowEval(((FingerprintQuery.Not) q).clause(), d);
  }

  /** Tries every choice of distinct occurrences, one per term. */
  private static boolean assign(List<List<Integer>> occ, int k, List<Integer> chosen, Doc d, int maxSpan) {
    if (k == occ.size()) {
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int c : chosen) {
        lo = Math.min(lo, d.word()[c]);
        hi = Math.max(hi, d.word()[c]);
      }
      return hi - lo <= maxSpan;
    }
    for (int c : occ.get(k)) {
      if (!chosen.contains(c)) {
        chosen.add(c);
        boolean ok = assign(occ, k + 1, chosen, d, maxSpan);
        chosen.remove(chosen.size() - 1);
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void matcherAgreesWithBruteForceEvaluationOfRandomQueries() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    String[] seps = {" ", ", ", ". ", "-", "  "};
    for (int round = 0; round < 300; round++) {
      List<Fingerprint> fps = new ArrayList<>();
      int nq = 1 + r.nextInt(6);
      for (int i = 0; i < nq; i++) {
        FingerprintQuery q = positive(r, 0);
        fps.add(new Fingerprint(q.canonical(), q, "x" + i, false, 0, 1));
      }
      FingerprintMatcher m = new FingerprintMatcher(fps);
      for (int t = 0; t < 5; t++) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(14);
        for (int i = 0; i < len; i++) {
          sb.append(WORDS[r.nextInt(WORDS.length)]).append(seps[r.nextInt(seps.length)]);
        }
        String text = sb.toString();
        Doc d = Doc.of(text);
        List<FingerprintMatch> got = m.match(text);
        for (Fingerprint f : fps) {
          boolean expected = slowEval(f.parsed(), d);
          boolean actual = got.stream().anyMatch(x -> x.fingerprint() == f);
          assertEquals(expected, actual, "seed=" + seed + " round=" + round + " query=" + f.query() + " text='"
              + text + "'");
        }
      }
    }
  }
}
