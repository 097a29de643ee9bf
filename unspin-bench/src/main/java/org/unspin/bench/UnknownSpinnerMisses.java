package org.unspin.bench;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.Split;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Resource;
import org.unspin.lexicon.ReverseLexicon;

/**
 * Why the generator misses one-word substitutions of an unknown spinner (docs/evaluation-lexicon.md):
 * for every one-word {@code word} substitution the generator's unlimited reverse index does not
 * propose, which resources listed the held-out edge original -> surface and whether the lexicon
 * lists the reverse edge; and whether the original is two hops from the surface through the
 * generator's view (edges taken in either direction), with its rank among those two-hop originals
 * by the number of shared neighbours (ties ranked optimistically: rank = 1 + originals with more).
 *
 * <p>An analysis tool, not part of restoration. Not thread-safe.
 */
public final class UnknownSpinnerMisses {
  /**
   * The figures.
   *
   * @param substitutions one-word {@code word} substitutions whose both sides are lexicon phrases
   * @param misses those the generator's unlimited reverse index does not propose
   * @param twoHop misses whose original is two hops from the surface
   * @param top10 misses whose original ranks in the top 10 two-hop originals by shared neighbours
   * @param top30 the same, top 30
   * @param meanTwoHop mean number of two-hop originals per substitution (not already one hop away)
   * @param byListing misses by "resources/relation, reverse listed or not"
   */
  public record Result(long substitutions, long misses, long twoHop, long top10, long top30, double meanTwoHop,
      Map<String, Long> byListing) {
    public Result {
      byListing = java.util.Collections.unmodifiableMap(new TreeMap<>(byListing));
    }
  }

  private final Lexicon lex;
  private final CandidateRecall.Setting setting;
  private final ReverseLexicon reverse;
  private long substitutions;
  private long misses;
  private long twoHop;
  private long top10;
  private long top30;
  private long twoHopSize;
  private final Map<String, Long> byListing = new HashMap<>();

  public UnknownSpinnerMisses(Lexicon lexicon, CandidateRecall.Setting setting) {
    this.lex = lexicon;
    this.setting = setting;
    this.reverse = setting.generator().reverse(ReverseLexicon.Options.DEFAULT);
  }

  /** Spins {@code text} as {@link CandidateRecall#add(String, String, long)} does and analyzes the misses. */
  public void add(String text, long seed) {
    SpunText t = new SpinSimulator(setting.spinner(), SimulatorConfig.random(seed)).spin("d", text, seed);
    for (Substitution s : t.substitutions()) {
      if (s.kind().equals("word")) {
        analyze(s.original().toLowerCase(Locale.ROOT), s.spun().toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Analyzes one substitution of a one-word original by a one-word surface (lower case). */
  void analyze(String original, String surface) {
    int o = lex.find(original);
    int s = lex.find(surface);
    if (o < 0 || s < 0 || original.indexOf(' ') >= 0 || surface.indexOf(' ') >= 0) {
      return;
    }
    substitutions++;
    Set<Integer> one = neighbours(s);
    Map<Integer, Integer> paths = new HashMap<>();
    for (int x : one) {
      for (int y : neighbours(x)) {
        if (y != s && !one.contains(y)) {
          paths.merge(y, 1, Integer::sum);
        }
      }
    }
    twoHopSize += paths.size();
    boolean[] hit = {false};
    reverse.candidates(surface, c -> hit[0] |= c.original().equals(original));
    if (hit[0]) {
      return;
    }
    misses++;
    String listing = "not listed";
    for (int e = lex.edgeStart(o); e < lex.edgeEnd(o); e++) {
      if (lex.edgeTarget(e) == s) {
        int info = lex.info(e);
        listing = Resource.of(Lexicon.resources(info)) + "/" + Lexicon.relation(info);
      }
    }
    boolean back = false;
    for (int e = lex.edgeStart(s); e < lex.edgeEnd(s); e++) {
      back |= lex.edgeTarget(e) == o;
    }
    byListing.merge(listing + (back ? ", reverse listed" : ", no reverse"), 1L, Long::sum);
    Integer p = paths.get(o);
    if (p != null) {
      twoHop++;
      int rank = 1;
      for (int v : paths.values()) {
        rank += v > p ? 1 : 0;
      }
      top10 += rank <= 10 ? 1 : 0;
      top30 += rank <= 30 ? 1 : 0;
    }
  }

  /** Phrases joined to {@code p} by an edge of the generator's view, either direction. */
  private Set<Integer> neighbours(int p) {
    LexiconDictionary v = setting.generator();
    Set<Integer> out = new HashSet<>();
    for (int e = lex.edgeStart(p); e < lex.edgeEnd(p); e++) {
      if (v.accepts(e)) {
        out.add(lex.edgeTarget(e));
      }
    }
    for (int k = lex.reverseStart(p); k < lex.reverseEnd(p); k++) {
      if (v.accepts(lex.reverseEdge(k), lex.reverseInfo(k))) {
        out.add(lex.reverseSource(k));
      }
    }
    return out;
  }

  public Result result() {
    return new Result(substitutions, misses, twoHop, top10, top30,
        substitutions == 0 ? Double.NaN : (double) twoHopSize / substitutions, byListing);
  }

  /** {@code UnknownSpinnerMisses DOCS SEED [CORPORA_DIR]}: the analysis on test documents of all sources. */
  public static void main(String[] args) throws IOException {
    int docs = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    java.nio.file.Path dir = args.length > 2 ? java.nio.file.Path.of(args[2])
        : Corpora.defaultDirectory().orElseThrow(() -> new IllegalArgumentException("no corpora directory"));
    Lexicon lex = Lexicon.loadDefault();
    UnknownSpinnerMisses m = new UnknownSpinnerMisses(lex, CandidateRecall.unknown(lex, 0.25, seed));
    List<Document> sample = CandidateRecall.sample(dir, EnumSet.allOf(CorpusSource.class), Split.TEST, docs);
    for (int i = 0; i < sample.size(); i++) {
      m.add(sample.get(i).text(), seed * 0x9E3779B97F4A7C15L + i);
    }
    Result r = m.result();
    System.out.printf(Locale.ROOT, "one-word substitutions %d, missed %d; two hops away %d, top 10 by shared"
        + " neighbours %d, top 30 %d; two-hop originals per substitution %.0f%n", r.substitutions(), r.misses(),
        r.twoHop(), r.top10(), r.top30(), r.meanTwoHop());
    r.byListing().forEach((k, v) -> System.out.printf(Locale.ROOT, "%6d  %s%n", v, k));
  }
}
