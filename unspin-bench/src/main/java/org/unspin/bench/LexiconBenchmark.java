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
    facade = d.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30)
        .withSecondOrder(org.unspin.restore.LexiconCandidates.SECOND_ORDER));
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
   * The restorer's look-ups: top 30 with second-order candidates (synonyms of synonyms), which are
   * computed per surface lemma on first use and cached, so this measures the warm cache.
   */
  @Benchmark
  @OperationsPerInvocation(SPAN_COUNT)
  public int lookupFacadeTop30WithSecondOrder(Blackhole bh) {
    return run(facade, bh, false);
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
