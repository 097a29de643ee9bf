package org.unspin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.unspin.lexicon.CandidateSink;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Resource;
import org.unspin.lexicon.ReverseLexicon;
import org.unspin.text.LmText;

/**
 * Reverse-lexicon look-ups per second: every span of 1-3 tokens of a fixed paragraph, one look-up
 * each, against the shipped lexicon. Run: {@code java -jar unspin-bench/target/unspin-bench.jar
 * LexiconBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class LexiconBenchmark {
  /** Written for this benchmark: plain news-style prose with inflections, names and numbers. */
  static final String TEXT = "The central bank raised interest rates on Tuesday, saying that prices had risen "
      + "faster than expected over the past two years. Officials at the finance ministry welcomed the decision, "
      + "although several economists warned that higher borrowing costs could slow the recovery of small "
      + "businesses. Shares of the largest lenders climbed in early trading while the currency gained against "
      + "the dollar. The governor told reporters that the board would keep watching wages and housing markets "
      + "closely and was ready to act again if inflation stayed above its target of 2 percent. Opposition "
      + "leaders accused the government of ignoring families who were struggling to pay their bills, and "
      + "they called for a parliamentary inquiry into the rising cost of energy. Analysts expect the "
      + "economy to grow by about one and a half percent this year, helped by stronger exports and a "
      + "recovery in tourism after twenty difficult months.";

  /** Number of spans of {@link #TEXT}, checked in {@link #setUp()}: the look-ups per invocation. */
  static final int SPAN_COUNT = 465;

  private String[] tokens;
  private int[] from;
  private int[] len;
  private ReverseLexicon full;
  private ReverseLexicon exact;
  private ReverseLexicon wordNet;
  private ReverseLexicon top30;
  private ReverseLexicon facade;
  private ReverseLexicon facadeFixed;
  private org.unspin.restore.LexiconCandidates generator;
  private List<List<org.unspin.restore.InputToken>> sentences;

  /**
   * Spans of 1-3 tokens within the sentences of {@link #TEXT} as the restorer analyzes it: the
   * look-ups per invocation of {@link #generatorFacade}, checked in {@link #setUp()}.
   */
  static final int GENERATOR_SPAN_COUNT = 450;

  static List<List<org.unspin.restore.InputToken>> sentences() {
    List<org.unspin.restore.InputToken> toks = org.unspin.restore.AnalyzedTokens.of(TEXT);
    List<List<org.unspin.restore.InputToken>> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= toks.size(); i++) {
      if (i == toks.size() || toks.get(i).sentenceStart()) {
        out.add(toks.subList(start, i));
        start = i;
      }
    }
    return out;
  }

  static int generatorSpans(List<List<org.unspin.restore.InputToken>> sentences) {
    int n = 0;
    for (List<org.unspin.restore.InputToken> se : sentences) {
      for (int i = 0; i < se.size(); i++) {
        n += Math.min(3, se.size() - i);
      }
    }
    return n;
  }

  static List<int[]> spans() {
    String[] toks = tokens();
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < toks.length; i++) {
      for (int l = 1; l <= 3 && i + l <= toks.length; l++) {
        out.add(new int[] {i, l});
      }
    }
    return out;
  }

  static String[] tokens() {
    List<String> all = new ArrayList<>();
    LmText.forEachSentence(TEXT, (t, n) -> {
      for (int i = 0; i < n; i++) {
        all.add(t[i]);
      }
    });
    return all.toArray(new String[0]);
  }

  @Setup
  public void setUp() {
    tokens = tokens();
    List<int[]> s = spans();
    if (s.size() != SPAN_COUNT) {
      throw new IllegalStateException("SPAN_COUNT: text has " + s.size() + " spans, constant says " + SPAN_COUNT);
    }
    from = new int[s.size()];
    len = new int[s.size()];
    for (int i = 0; i < s.size(); i++) {
      from[i] = s.get(i)[0];
      len[i] = s.get(i)[1];
    }
    LexiconDictionary d = Lexicon.loadDefault().dictionary();
    full = d.reverse();
    exact = d.reverse(ReverseLexicon.Options.EXACT);
    top30 = d.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30));
    facade = d.reverse(org.unspin.restore.LexiconCandidates.limitAround(org.unspin.api.Unspin.MAX_LEXICON_CANDIDATES)
        .withSecondOrder(org.unspin.restore.LexiconCandidates.SECOND_ORDER));
    facadeFixed = d.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30)
        .withSecondOrder(org.unspin.restore.LexiconCandidates.SECOND_ORDER));
    generator = org.unspin.restore.LexiconCandidates.over(d, org.unspin.api.Unspin.MAX_LEXICON_CANDIDATES);
    sentences = sentences();
    if (generatorSpans(sentences) != GENERATOR_SPAN_COUNT) {
      throw new IllegalStateException("GENERATOR_SPAN_COUNT: text has " + generatorSpans(sentences)
          + " spans, constant says " + GENERATOR_SPAN_COUNT);
    }
    wordNet = d.withResources(java.util.EnumSet.of(Resource.WORDNET, Resource.NUMBERS, Resource.SPELLING)).reverse();
  }

  private int run(ReverseLexicon r, Blackhole bh, boolean strings) {
    int[] count = {0};
    CandidateSink sink = strings ? c -> {
      count[0]++;
      bh.consume(c.original());
    } : c -> {
      count[0]++;
      bh.consume(c.originalLemma());
      bh.consume(c.inflection());
    };
    int total = 0;
    for (int i = 0; i < from.length; i++) {
      total += r.candidates(tokens, from[i], len[i], sink);
    }
    return total + count[0];
  }

  /** All resources, morphology and mismatches on; the consumer reads lemma ids and inflections. */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupAllResourcesWithMorphology(Blackhole bh) {
    return run(full, bh, false);
  }

  /** As above, and the consumer builds every original string (inflected ones are new strings). */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupAllResourcesWithMorphologyAndStrings(Blackhole bh) {
    return run(full, bh, true);
  }

  /** All resources, morphology on, at most 30 candidates per look-up (the likeliest by prior). */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupAllResourcesWithMorphologyTop30(Blackhole bh) {
    return run(top30, bh, false);
  }

  /**
   * The restorer's look-ups: the adaptive limit around 30 ({@code LexiconCandidates.limitAround}; the
   * name is from when it was a fixed top 30) with second-order candidates (synonyms of synonyms),
   * which are computed per surface lemma on first use and cached, so this measures the warm cache.
   */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupFacadeTop30WithSecondOrder(Blackhole bh) {
    return run(facade, bh, false);
  }

  /**
   * The same look-ups with the fixed limit of 30 the restorer used before the adaptive limit
   * ({@code LexiconCandidates.overFixed}).
   */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupFacadeFixedTop30WithSecondOrder(Blackhole bh) {
    return run(facadeFixed, bh, false);
  }

  /**
   * What the restorer pays per span: {@code LexiconCandidates.candidates} (the facade's look-ups
   * plus the restorer's candidate objects: original strings, word lists, features) over the
   * analyzed sentences of the paragraph; one operation = one span of 1-3 tokens.
   */
  @Benchmark
  @OperationsPerInvocation(GENERATOR_SPAN_COUNT)
  public int generatorFacade(Blackhole bh) {
    int n = 0;
    for (List<org.unspin.restore.InputToken> se : sentences) {
      List<org.unspin.restore.Candidate> c = generator.candidates(se);
      n += c.size();
      bh.consume(c);
    }
    return n;
  }

  /** All resources, surface as written only. */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupAllResourcesExact(Blackhole bh) {
    return run(exact, bh, false);
  }

  /** WordNet, numbers and spelling (no Moby), morphology on. */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupWordNetWithMorphology(Blackhole bh) {
    return run(wordNet, bh, false);
  }
}
