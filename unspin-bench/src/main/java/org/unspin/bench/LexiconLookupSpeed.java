package org.unspin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.lexicon.CandidateSink;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.ReverseLexicon;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.restore.InputToken;
import org.unspin.restore.LexiconCandidates;
import org.unspin.restore.TokenKind;

/**
 * Reverse-lexicon look-ups per CPU second of the main thread on real text, a companion to JMH's
 * {@code LexiconBenchmark} (one fixed paragraph, wall-clock throughput) for a shared machine: CPU
 * time is less disturbed by other jobs than wall time. Every span of 1-3 tokens of each sentence
 * that does not start with punctuation (what the restorer looks up) is looked up once per round,
 * after one warm-up round (which fills the caches, second-order entries included).
 *
 * <p>Usage: {@code LexiconLookupSpeed DOCS.txt [DOCS [ROUNDS [CONFIG]]]} with one document per line
 * ({@code unspin eval corpus --format text}); CONFIG 0-3 runs one configuration only (0 exact, 1
 * top 30, 2 top 30 with second order, 3 the restorer's generator).
 */
public final class LexiconLookupSpeed {
  private LexiconLookupSpeed() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: LexiconLookupSpeed DOCS.txt [DOCS [ROUNDS [CONFIG]]]");
      System.exit(2);
    }
    int docs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int only = args.length > 3 ? Integer.parseInt(args[3]) : -1;
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    List<List<InputToken>> sentences = new ArrayList<>();
    for (String line : lines.subList(0, Math.min(docs, lines.size()))) {
      List<InputToken> toks = AnalyzedTokens.of(line);
      int start = 0;
      for (int i = 1; i <= toks.size(); i++) {
        if (i == toks.size() || toks.get(i).sentenceStart()) {
          sentences.add(toks.subList(start, i));
          start = i;
        }
      }
    }
    List<String[]> forms = new ArrayList<>();
    long spans = 0;
    for (List<InputToken> se : sentences) {
      String[] f = new String[se.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = se.get(i).lmForm();
        if (se.get(i).kind() != TokenKind.PUNCT && se.get(i).kind() != TokenKind.OTHER) {
          spans += Math.min(3, f.length - i);
        }
      }
      forms.add(f);
    }
    LexiconDictionary view = Lexicon.loadDefault().dictionary();
    String[] names = {"exact", "top30", "top30+secondOrder", "restorer generator (LexiconCandidates.over(view, 30))"};
    ReverseLexicon[] revs = {view.reverse(ReverseLexicon.Options.EXACT),
        view.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30)),
        view.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30).withSecondOrder(LexiconCandidates.SECOND_ORDER)),
        null};
    LexiconCandidates generator = LexiconCandidates.over(view, 30);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.printf(Locale.ROOT, "%d sentences, %d spans per round%n", sentences.size(), spans);
    long[] count = {0};
    CandidateSink sink = c -> count[0] += c.originalLemma();
    for (int v = 0; v < names.length; v++) {
      if (only >= 0 && v != only) {
        continue;
      }
      double best = 0;
      long candidates = 0;
      for (int r = 0; r <= rounds; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        candidates = 0;
        for (int s = 0; s < sentences.size(); s++) {
          List<InputToken> se = sentences.get(s);
          if (revs[v] == null) {
            candidates += generator.candidates(se).size();
            continue;
          }
          String[] f = forms.get(s);
          for (int i = 0; i < f.length; i++) {
            TokenKind k = se.get(i).kind();
            if (k == TokenKind.PUNCT || k == TokenKind.OTHER) {
              continue;
            }
            for (int len = 1; len <= 3 && i + len <= f.length; len++) {
              candidates += revs[v].candidates(f, i, len, sink);
            }
          }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
        if (r > 0) {
          best = Math.max(best, spans / cpu);
        }
      }
      System.out.printf(Locale.ROOT, "%s: %.3f M look-ups per CPU second (best of %d rounds), %.1f candidates per "
          + "look-up%n", names[v], best / 1e6, rounds, (double) candidates / spans);
    }
    if (count[0] == 42) {
      System.out.println();
    }
  }
}
