package org.unspin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.unspin.text.AnalyzedText;
import org.unspin.text.Analyzer;
import org.unspin.text.LmText;

/**
 * Single-thread throughput of the text analysis stage, in tokens per second (the {@code tokens}
 * secondary result). The input is the first {@code megabytes} MB of documents from
 * {@code -Dunspin.bench.corpus=FILE.txt[.gz]} (one document per line), by default
 * {@code ../shared/corpora-permissive/enwiki2015/enwiki2015_0000.txt.gz} when present, else
 * generated English-like text.
 *
 * <pre>
 * ./mvnw -q -B -o -pl unspin-bench -am package -DskipTests
 * java -jar unspin-bench/target/unspin-bench.jar AnalyzerBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AnalyzerBenchmark {
  static final String DEFAULT_CORPUS = "/work/shared/corpora-permissive/enwiki2015/enwiki2015_0000.txt.gz";

  @Param("4")
  public int megabytes;

  private List<String> documents;

  /** Tokens processed, reported by JMH as a throughput. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long tokens;

    @Setup(Level.Iteration)
    public void clean() {
      tokens = 0;
    }
  }

  @Setup
  public void load() {
    documents = loadDocuments(megabytes * 1_000_000L);
  }

  static List<String> loadDocuments(long maxChars) {
    Path corpus = Path.of(System.getProperty("unspin.bench.corpus", DEFAULT_CORPUS));
    List<String> docs = new ArrayList<>();
    long total = 0;
    if (Files.isRegularFile(corpus)) {
      try (InputStream raw = Files.newInputStream(corpus);
           InputStream in = corpus.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
           BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null && total < maxChars; line = r.readLine()) {
          docs.add(line);
          total += line.length();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading benchmark corpus " + corpus, e);
      }
      return docs;
    }
    String[] words = {"the", "bank", "said", "on", "Monday", "that", "its", "profits", "rose", "by", "2.5", "percent",
        "in", "U.S.", "markets", ",", "while", "Dr.", "Smith", "didn't", "agree", "."};
    Random rnd = new Random(42);
    while (total < maxChars) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 2000; i++) {
        sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(15) == 0 ? ". " : " ");
      }
      docs.add(sb.toString());
      total += sb.length();
    }
    return docs;
  }

  /** The LM path: {@link LmText#forEachSentence} (forms only, streaming). */
  @Benchmark
  public void lmText(Counters counters, Blackhole bh) {
    for (String doc : documents) {
      LmText.forEachSentence(doc, (forms, count) -> {
        counters.tokens += count;
        bh.consume(forms[count - 1]);
      });
    }
  }

  /** The full analysis: offsets, types, case, normal and LM forms, sentences. */
  @Benchmark
  public void analyze(Counters counters, Blackhole bh) {
    for (String doc : documents) {
      AnalyzedText a = Analyzer.english().analyze(doc);
      counters.tokens += a.tokenCount();
      bh.consume(a);
    }
  }
}
