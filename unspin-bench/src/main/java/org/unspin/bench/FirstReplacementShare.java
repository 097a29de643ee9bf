package org.unspin.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.SynonymDictionary;

/**
 * How often real spinners take the first replacement: over the word pairs of a tortured-phrase
 * list (the shipped one by default; entries the list marks uncertain left out), where the expected
 * and the tortured phrase have the same number of words and differ at a word, counts the pairs
 * whose tortured word is among the embedded lexicon's replacements of the expected word, how many
 * of them are its first replacement (forward order), and how many a spinner choosing at random
 * among them would have made first (the mean of {@code 1 / replacements}). The figure behind the
 * channel's {@code firstChoiceShare} (BENCHMARKS.md §7n). Usage:
 *
 * <pre>
 * java -cp unspin-bench.jar org.unspin.bench.FirstReplacementShare [PPS.csv]
 * </pre>
 */
public final class FirstReplacementShare {
  private FirstReplacementShare() {}

  public static void main(String[] args) {
    FingerprintList list = args.length > 0 ? FingerprintList.load(Path.of(args[0])) : FingerprintList.loadDefault();
    SynonymDictionary d = Lexicon.loadDefault().dictionary();
    int pairs = 0;
    int listed = 0;
    int first = 0;
    int top3 = 0;
    double chance = 0;
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
        pairs++;
        List<String> syn = d.synonyms(e[i]);
        int k = syn.indexOf(t[i]);
        if (k >= 0) {
          listed++;
          chance += 1.0 / syn.size();
          first += k == 0 ? 1 : 0;
          top3 += k < 3 ? 1 : 0;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d word pairs that differ; the tortured word is among the lexicon's"
        + " replacements of the expected word in %d%n", list.source(), pairs, listed);
    System.out.printf(Locale.ROOT, "  its first replacement: %d (%.1f%%; %.1f%% by chance), among the first three:"
        + " %d (%.1f%%)%n", first, 100.0 * first / Math.max(1, listed), 100.0 * chance / Math.max(1, listed), top3,
        100.0 * top3 / Math.max(1, listed));
  }
}
