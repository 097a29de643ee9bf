package org.unspin.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;
import org.unspin.restore.CandidateFeatures;
import org.unspin.restore.ChannelModel;
import org.unspin.restore.ChannelWeights;

/**
 * Which of an original's replacements real spinners take: over the word pairs of a tortured-phrase
 * list (the shipped one by default; entries the list marks uncertain left out) where the expected
 * and the tortured phrase have the same number of words and differ at a word, takes the pairs whose
 * tortured word is among the embedded lexicon's replacements of the expected word and prints their
 * places in the expected word's list (forward order, 0 first) against what a spinner choosing at
 * random among all of them would give; then the shares that make these pairs likeliest under the
 * channel's choice model with the shipped {@code wordnetChoiceShare} s: a spinner that takes the
 * first replacement ({@code f [place 0] + (1 - f) c}), and one that follows the order with a
 * geometric preference ({@code g (1 - r) r^j / (1 - r^k) + (1 - g) c}), where {@code c = s [WordNet
 * synonym] / w + (1 - s) / k}; grids of 0.01 for the shares and 0.05 for {@code r}; and the best
 * of all three with {@code s} free on a grid of 0.1. The figures
 * behind the channel's {@code orderChoiceShare} and {@code orderChoiceDecay} (BENCHMARKS.md §7n).
 * Last, the pairs the lexicon lists only the other way round (the tortured word lists the expected
 * word: an inverse candidate), against the share a spinner with a symmetric dictionary would give
 * (BENCHMARKS.md §7o).
 * Usage:
 *
 * <pre>
 * java -cp unspin-bench.jar org.unspin.bench.ReplacementPositions [PPS.csv]
 * </pre>
 */
public final class ReplacementPositions {
  private ReplacementPositions() {}

  /**
   * One listed pair as the channel sees it: the original's replacements k, its WordNet synonyms w
   * when the pair is one of them, and the pair's place.
   */
  private record Pair(CandidateFeatures f) {
    int k() {
      return f.fanout();
    }

    int place() {
      return f.replacementPosition();
    }
  }

  public static void main(String[] args) {
    FingerprintList list = args.length > 0 ? FingerprintList.load(Path.of(args[0])) : FingerprintList.loadDefault();
    Lexicon lex = Lexicon.loadDefault();
    LexiconDictionary view = lex.dictionary();
    int differ = 0;
    int inverseOnly = 0;
    double symmetricShare = 0;
    int symmetricPairs = 0;
    List<Pair> pairs = new ArrayList<>();
    for (Fingerprint f : list.entries()) {
      if (f.uncertain()) {
        continue;
      }
      String[] e = PpsPairs.cleanExpected(f.expected()).toLowerCase(Locale.ROOT).split("\\s+");
      String[] t = f.phrase().strip().toLowerCase(Locale.ROOT).split("\\s+");
      if (e.length != t.length) {
        continue;
      }
      for (int i = 0; i < e.length; i++) {
        if (e[i].equals(t[i])) {
          continue;
        }
        differ++;
        int o = lex.find(e[i]);
        int s = lex.find(t[i]);
        if (o < 0 || s < 0) {
          continue;
        }
        boolean listed = false;
        for (int x = lex.edgeStart(o); x < lex.edgeEnd(o); x++) {
          int res = view.resources(x, lex.info(x));
          if (res != 0 && lex.edgeTarget(x) == s) {
            listed = true;
            boolean wordnet = (res & Resource.WORDNET.bit()) != 0 && Lexicon.relation(lex.info(x)) != Relation.HYPERNYM;
            int k = view.fanOut(o);
            pairs.add(new Pair(new CandidateFeatures(0, k, Float.NaN, Float.NaN, Float.NaN, Float.NaN,
                wordnet && view.wordnetFanOut(o) >= 1 ? view.wordnetFanOut(o) : -1,
                view.position(o, x, Integer.MAX_VALUE))));
            break;
          }
        }
        if (listed || lists(lex, view, s, o)) {
          if (!listed) {
            inverseOnly++;
          }
          // Under the symmetric guess the original's choices are its replacements and every phrase
          // that lists it without being listed back: the chance of one of the latter.
          int m = view.inverseFanIn(o);
          symmetricShare += m / (double) (view.fanOut(o) + m);
          symmetricPairs++;
        }
      }
    }
    int n = Math.max(1, pairs.size());
    int[] seen = new int[10];
    double[] chance = new double[10];
    for (Pair p : pairs) {
      if (p.place() < seen.length) {
        seen[p.place()]++;
      }
      for (int j = 0; j < Math.min(seen.length, p.k()); j++) {
        chance[j] += 1.0 / p.k();
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d word pairs that differ; the tortured word is among the lexicon's"
        + " replacements of the expected word in %d%n", list.source(), differ, pairs.size());
    StringBuilder places = new StringBuilder("  place: share of the pairs (by chance)");
    for (int j = 0; j < seen.length; j++) {
      places.append(String.format(Locale.ROOT, "; %d: %.1f%% (%.1f%%)", j, 100.0 * seen[j] / n, 100.0 * chance[j] / n));
    }
    System.out.println(places);
    double s = ChannelWeights.shipped().wordnetChoiceShare();
    double none = logLikelihood(pairs, s, 0, 0);
    double bestF = 0;
    double bestFirst = Double.NEGATIVE_INFINITY;
    for (int fi = 0; fi <= 50; fi++) {
      double ll = logLikelihood(pairs, s, fi / 100.0, 0);
      if (ll > bestFirst) {
        bestFirst = ll;
        bestF = fi / 100.0;
      }
    }
    double bestG = 0;
    double bestR = 0;
    double bestOrder = Double.NEGATIVE_INFINITY;
    for (int gi = 0; gi <= 50; gi++) {
      for (int ri = 0; ri <= 19; ri++) {
        double ll = logLikelihood(pairs, s, gi / 100.0, ri / 20.0);
        if (ll > bestOrder) {
          bestOrder = ll;
          bestG = gi / 100.0;
          bestR = ri / 20.0;
        }
      }
    }
    System.out.printf(Locale.ROOT, "  log-likelihood with the shipped WordNet share %.2f: %.1f without an order"
        + " component; first replacement only: share %.2f, %.1f; geometric order: share %.2f, decay %.2f, %.1f%n", s,
        none, bestF, bestFirst, bestG, bestR, bestOrder);
    double freeS = 0;
    double freeG = 0;
    double freeR = 0;
    double freeLl = Double.NEGATIVE_INFINITY;
    for (int si = 0; si <= 9; si++) {
      for (int gi = 0; gi <= 50; gi++) {
        for (int ri = 0; ri <= 19; ri++) {
          double ll = logLikelihood(pairs, si / 10.0, gi / 100.0, ri / 20.0);
          if (ll > freeLl) {
            freeLl = ll;
            freeS = si / 10.0;
            freeG = gi / 100.0;
            freeR = ri / 20.0;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "  with the WordNet share free too (grid of 0.1): WordNet share %.1f, order share"
        + " %.2f, decay %.2f, %.1f%n", freeS, freeG, freeR, freeLl);
    System.out.printf(Locale.ROOT, "inverse-only pairs (the tortured word lists the expected word, not the other way"
        + " round): %d, %.1f%% of the %d pairs the lexicon links either way; a spinner choosing at random among"
        + " each original's replacements and the phrases listing it without being listed back would give %.1f%%%n",
        inverseOnly, 100.0 * inverseOnly / Math.max(1, symmetricPairs), symmetricPairs,
        100.0 * symmetricShare / Math.max(1, symmetricPairs));
  }

  /** Whether {@code view} lists phrase {@code to} among phrase {@code from}'s replacements. */
  private static boolean lists(Lexicon lex, LexiconDictionary view, int from, int to) {
    for (int x = lex.edgeStart(from); x < lex.edgeEnd(from); x++) {
      if (lex.edgeTarget(x) == to && view.resources(x, lex.info(x)) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pairs' log-likelihood under the channel's own choice model ({@link
   * ChannelModel#choiceFanout(CandidateFeatures, double)}) with WordNet share {@code s}, order
   * share {@code g} and decay {@code r}.
   */
  private static double logLikelihood(List<Pair> pairs, double s, double g, double r) {
    ChannelModel channel = new ChannelModel(ChannelWeights.DEFAULTS.with("wordnetChoiceShare", s)
        .with("orderChoiceDecay", r));
    double ll = 0;
    for (Pair p : pairs) {
      ll -= Math.log(channel.choiceFanout(p.f(), g));
    }
    return ll;
  }
}
