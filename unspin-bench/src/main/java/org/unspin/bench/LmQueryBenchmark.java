package org.unspin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.unspin.lm.ArpaReader;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.NgramModelData;
import org.unspin.lm.Vocabulary;

/**
 * Throughput of {@link BinaryLm} queries on a stream of n-gram queries taken from running text:
 * every position of a held-out text is scored with its (up to 3-word) history, the way a decoder
 * or perplexity run asks. Score is queries per second (one thread).
 *
 * <p>The model: by default a 4-gram model trained on 3 million tokens of {@link SyntheticCorpus}
 * and queried on 1 million held-out synthetic tokens. {@code -Dunspin.bench.arpa=FILE} uses an
 * ARPA model instead and {@code -Dunspin.bench.text=FILE} a real text for the query stream (one
 * sentence per line in LM word forms separated by spaces, as {@code unspin eval corpus --format
 * lmtokens} writes). See {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class LmQueryBenchmark {
  static final int BLOCK = 1 << 16;

  @Param({"8"})
  public int quantBits;

  private Path dir;
  private BinaryLm lm;
  /** Query stream: for query i, history ids[i - 3 .. i) restricted to its sentence, word ids[i]. */
  private int[] ids;
  private int[] histLen;
  private int next;
  private BinaryLm.State in;
  private BinaryLm.State out;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("unspin-bench");
    String arpa = System.getProperty("unspin.bench.arpa");
    String textFile = System.getProperty("unspin.bench.text");
    NgramModelData data;
    SyntheticCorpus corpus = new SyntheticCorpus(50_000, 42);
    if (arpa != null) {
      data = ArpaReader.read(Path.of(arpa));
    } else {
      data = corpus.model(corpus.text(3_000_000, 1), 4);
    }
    Path file = dir.resolve("bench.ulm");
    BinaryLmWriter.write(data, file, BinaryLmWriter.Options.defaults().withQuantBits(quantBits));
    data = null;
    lm = BinaryLm.open(file);
    int[] stream;
    if (textFile != null) {
      stream = tokens(Files.readString(Path.of(textFile)), lm.vocabulary(), 2_000_000);
    } else {
      stream = corpus.text(1_000_000, 2);
    }
    // Prepend <s> to each sentence so that every query has a proper history.
    List<Integer> buf = new ArrayList<>();
    buf.add(Vocabulary.BOS);
    for (int t : stream) {
      buf.add(t);
      if (t == Vocabulary.EOS) {
        buf.add(Vocabulary.BOS);
      }
    }
    ids = new int[buf.size()];
    histLen = new int[buf.size()];
    int sinceBos = 0;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = buf.get(i);
      histLen[i] = Math.min(3, sinceBos);
      sinceBos = ids[i] == Vocabulary.BOS ? 1 : sinceBos + 1;
    }
    in = lm.newState();
    out = lm.newState();
  }

  /** One sentence per line, LM word forms separated by spaces (as {@code eval corpus --format lmtokens}). */
  private static int[] tokens(String text, Vocabulary v, int max) {
    List<Integer> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (out.size() >= max) {
        break;
      }
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      for (String w : t.split(" +")) {
        out.add(v.id(w));
      }
      out.add(Vocabulary.EOS);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    lm.close();
    try (var s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  /** Stateless {@link LanguageModel#query}: history passed as an id array. */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public void query(Blackhole bh) {
    int i = next;
    float sum = 0;
    for (int q = 0; q < BLOCK; q++) {
      if (++i >= ids.length) {
        i = 1;
      }
      int h = histLen[i];
      if (ids[i] == Vocabulary.BOS) {
        continue;
      }
      sum += LanguageModel.score(lm.query(ids, i - h, h, ids[i]));
    }
    next = i;
    bh.consume(sum);
  }

  /** State-based {@link BinaryLm#query(BinaryLm.State, int, BinaryLm.State)} along the stream. */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public void queryState(Blackhole bh) {
    int i = next;
    float sum = 0;
    BinaryLm.State a = in;
    BinaryLm.State b = out;
    for (int q = 0; q < BLOCK; q++) {
      if (++i >= ids.length) {
        i = 1;
      }
      int w = ids[i];
      if (w == Vocabulary.BOS) {
        lm.beginSentence(a);
        continue;
      }
      sum += LanguageModel.score(lm.query(a, w, b));
      BinaryLm.State t = a;
      a = b;
      b = t;
    }
    in = a;
    out = b;
    next = i;
    bh.consume(sum);
  }
}
