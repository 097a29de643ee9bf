package org.unspin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.unspin.api.Edit;
import org.unspin.api.Unspin;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.restore.Candidate;
import org.unspin.restore.InputToken;
import org.unspin.restore.LexiconCandidates;
import org.unspin.restore.ProposedEdit;

/**
 * Where the true substitutions of simulated spins are lost on the way to a restored original:
 * whether the original is among the restorer's lexicon candidates for the spun span, whether the
 * decoder's best path (without the edit reranker) puts it back or writes something else there, and
 * whether the shipped restorer (with the reranker) keeps it. Counted per substitution kind. Usage:
 *
 * <pre>
 * java -cp unspin-bench.jar org.unspin.bench.LossBreakdown [--docs N] [--rate R] [--protect] DOCS.txt
 * </pre>
 *
 * <p>{@code DOCS.txt} holds one document per line ({@code unspin eval corpus --format text}); each
 * is spun over the embedded lexicon at {@code --rate} (default 0.4) with the first synonym for even
 * and a random one for odd documents, seeded by its number; {@code --protect} leaves closed-class
 * words alone ({@link SimulatorConfig#protectClosedClasses()}).
 */
public final class LossBreakdown {
  private LossBreakdown() {}

  public static void main(String[] args) throws IOException {
    int maxDocs = 150;
    double rate = 0.4;
    boolean protect = false;
    Path input = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docs" -> maxDocs = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Double.parseDouble(args[++i]);
        case "--protect" -> protect = true;
        default -> input = Path.of(args[i]);
      }
    }
    if (input == null) {
      System.err.println("usage: LossBreakdown [--docs N] [--rate R] [--protect] DOCS.txt");
      System.exit(2);
    }
    List<String> docs = new ArrayList<>();
    for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && docs.size() < maxDocs) {
        docs.add(line);
      }
    }
    LexiconDictionary dict = Lexicon.loadDefault().dictionary();
    LexiconCandidates generator = LexiconCandidates.over(dict, 30);
    int total = 0;
    int inCandidates = 0;
    int proposed = 0;
    int proposedOther = 0;
    int kept = 0;
    Map<String, int[]> byKind = new TreeMap<>();
    try (Unspin shipped = Unspin.builder().build();
        Unspin noReranker = Unspin.builder().defaultEditReranker(false).build()) {
      for (int d = 0; d < docs.size(); d++) {
        SimulatorConfig habits = SimulatorConfig.of(rate,
            d % 2 == 0 ? SimulatorConfig.Choice.FIRST : SimulatorConfig.Choice.RANDOM).withProtectClosedClasses(protect);
        SpunText s = new SpinSimulator(dict, habits).spin("d" + d, docs.get(d), d);
        List<Edit> finals = shipped.restore(s.spun()).edits();
        List<ProposedEdit> proposals = noReranker.restorer().proposals(s.spun());
        List<InputToken> toks = AnalyzedTokens.of(s.spun());
        for (Substitution sub : s.substitutions()) {
          int[] k = byKind.computeIfAbsent(sub.kind(), x -> new int[5]);
          total++;
          k[0]++;
          if (amongCandidates(generator, toks, sub)) {
            inCandidates++;
            k[1]++;
          }
          boolean right = false;
          boolean other = false;
          for (ProposedEdit p : proposals) {
            Edit e = p.edit();
            if (e.start() < sub.spunEnd() && e.end() > sub.spunStart()) {
              boolean r = puts(e, sub);
              right |= r;
              other |= !r;
            }
          }
          if (right) {
            proposed++;
            k[2]++;
          } else if (other) {
            proposedOther++;
            k[3]++;
          }
          for (Edit e : finals) {
            if (puts(e, sub)) {
              kept++;
              k[4]++;
              break;
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d documents spun at %.2f%s: %d substitutions%n", docs.size(), rate,
        protect ? " (closed-class words protected)" : "", total);
    System.out.printf(Locale.ROOT, "original among the lexicon candidates: %d (%.1f%%)%n", inCandidates,
        pct(inCandidates, total));
    System.out.printf(Locale.ROOT, "decoder (no reranker) puts it back: %d (%.1f%%); writes something else there:"
        + " %d (%.1f%%); leaves it: %.1f%%%n", proposed, pct(proposed, total), proposedOther,
        pct(proposedOther, total), 100 - pct(proposed + proposedOther, total));
    System.out.printf(Locale.ROOT, "kept by the shipped restorer (reranker): %d (%.1f%%)%n", kept, pct(kept, total));
    System.out.println("kind\tsubstitutions\tamong_candidates\tdecoder_right\tdecoder_other\tkept");
    byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "%s\t%d\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%%%n", kind, k[0],
        pct(k[1], k[0]), pct(k[2], k[0]), pct(k[3], k[0]), pct(k[4], k[0])));
  }

  /** Whether edit {@code e} covers exactly {@code sub}'s spun span and writes its original (case ignored). */
  private static boolean puts(Edit e, Substitution sub) {
    return e.start() == sub.spunStart() && e.end() == sub.spunEnd() && e.suggestion().equalsIgnoreCase(sub.original());
  }

  private static boolean amongCandidates(LexiconCandidates generator, List<InputToken> toks, Substitution sub) {
    int from = -1;
    int to = -1;
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).start() == sub.spunStart()) {
        from = i;
      }
      if (toks.get(i).end() == sub.spunEnd()) {
        to = i + 1;
      }
    }
    if (from < 0 || to <= from || to - from > Candidate.MAX_PHRASE) {
      return false;
    }
    List<Candidate> out = new ArrayList<>();
    generator.spanCandidates(toks, from, to - from, out);
    String original = sub.original().toLowerCase(Locale.ROOT);
    for (Candidate c : out) {
      if (c.phrase().equalsIgnoreCase(original)) {
        return true;
      }
    }
    return false;
  }

  private static double pct(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
