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
import org.unspin.restore.ChannelWeights;

/**
 * How often real spinners take the first replacement: over the word pairs of a tortured-phrase
 * list (the shipped one by default; entries the list marks uncertain left out), where the expected
 * and the tortured phrase have the same number of words and differ at a word, takes the pairs whose
 * tortured word is among the embedded lexicon's replacements of the expected word and prints how
 * many are its first replacement (forward order) against how many a spinner choosing at random
 * among all of them would have made first (the mean of {@code 1 / replacements}); then the share
 * {@code f} of spinners that take the first replacement that makes these pairs likeliest under the
 * channel's choice model with the shipped {@code wordnetChoiceShare} ({@code f [first] + (1 - f)
 * (s [WordNet synonym] / w + (1 - s) / k)}, a grid of 0.01), and the best pair of both shares. The
 * figure behind the channel's {@code firstChoiceShare} (BENCHMARKS.md §7n). Usage:
 *
 * <pre>
 * java -cp unspin-bench.jar org.unspin.bench.FirstReplacementShare [PPS.csv]
 * </pre>
 */
public final class FirstReplacementShare {
  private FirstReplacementShare() {}

  /** One listed pair: the original's replacements k, its WordNet synonyms w, and the pair's kind. */
  private record Pair(int k, int w, boolean wordnet, boolean first, int position) {}

  public static void main(String[] args) {
    FingerprintList list = args.length > 0 ? FingerprintList.load(Path.of(args[0])) : FingerprintList.loadDefault();
    Lexicon lex = Lexicon.loadDefault();
    LexiconDictionary view = lex.dictionary();
    int differ = 0;
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
        int position = 0;
        for (int x = lex.edgeStart(o); x < lex.edgeEnd(o); x++) {
          int res = view.resources(x, lex.info(x));
          if (res == 0) {
            continue;
          }
          if (lex.edgeTarget(x) == s) {
            boolean wordnet = (res & Resource.WORDNET.bit()) != 0 && Lexicon.relation(lex.info(x)) != Relation.HYPERNYM;
            pairs.add(new Pair(view.fanOut(o), view.wordnetFanOut(o), wordnet, x == view.firstEdge(o), position));
            break;
          }
          position++;
        }
      }
    }
    int first = 0;
    int top3 = 0;
    double chance = 0;
    for (Pair p : pairs) {
      first += p.first() ? 1 : 0;
      top3 += p.position() < 3 ? 1 : 0;
      chance += 1.0 / p.k();
    }
    int n = Math.max(1, pairs.size());
    System.out.printf(Locale.ROOT, "%s: %d word pairs that differ; the tortured word is among the lexicon's"
        + " replacements of the expected word in %d%n", list.source(), differ, pairs.size());
    System.out.printf(Locale.ROOT, "  its first replacement: %d (%.1f%%; %.1f%% by chance), among the first three:"
        + " %d (%.1f%%)%n", first, 100.0 * first / n, 100.0 * chance / n, top3, 100.0 * top3 / n);
    double shipped = ChannelWeights.shipped().wordnetChoiceShare();
    double bestF = 0;
    double bestLl = Double.NEGATIVE_INFINITY;
    double bothF = 0;
    double bothS = 0;
    double bothLl = Double.NEGATIVE_INFINITY;
    for (int fi = 0; fi <= 50; fi++) {
      for (int si = 0; si <= 95; si++) {
        double f = fi / 100.0;
        double s = si / 100.0;
        double ll = logLikelihood(pairs, f, s);
        if (Math.abs(s - shipped) < 1e-9 && ll > bestLl) {
          bestLl = ll;
          bestF = f;
        }
        if (ll > bothLl) {
          bothLl = ll;
          bothF = f;
          bothS = s;
        }
      }
    }
    System.out.printf(Locale.ROOT, "  likeliest first-choice share with the shipped WordNet share %.2f: %.2f"
        + " (log-likelihood %.1f; with none: %.1f); both free: %.2f and %.2f (%.1f)%n", shipped, bestF, bestLl,
        logLikelihood(pairs, 0, shipped), bothF, bothS, bothLl);
  }

  private static double logLikelihood(List<Pair> pairs, double f, double s) {
    double ll = 0;
    for (Pair p : pairs) {
      double c = (1 - s) / p.k() + (p.wordnet() && p.w() >= 1 ? s / p.w() : 0);
      ll += Math.log((p.first() ? f : 0) + (1 - f) * c);
    }
    return ll;
  }
}
