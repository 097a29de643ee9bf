package org.unspin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.unspin.api.Unspin;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.lexicon.Lexicon;

/**
 * Throughput of {@link Unspin#restore} and {@link Unspin#check} on one thread: each operation
 * processes {@value #TEXT_CHARS} chars cut into documents of about {@code docChars}, so
 * {@code ops/s x 0.02} is MB/s for ASCII text.
 *
 * <p>Text: {@code -p textFile=PATH} (UTF-8, repeated or cut to size; use a held-out news split
 * dump from {@code unspin eval corpus}), or by default a short paragraph written for this benchmark,
 * repeated. {@code spinRate > 0} spins each document first with the simulator over the default
 * lexicon (first synonym, seeded). Models: {@code -p lm=FILE.ulm} (default: the embedded model),
 * {@code -p detector=FILE.tsv} (default: the embedded detector). Run:
 * {@code java -jar unspin-bench/target/unspin-bench.jar UnspinBenchmark -p lm=M.ulm -p detector=D.tsv}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class UnspinBenchmark {
  static final int TEXT_CHARS = 20_000;

  /** Written for this benchmark (no third-party text). */
  private static final String PARAGRAPH = "The city council approved a new budget on Monday after a long debate about"
      + " the cost of public transport. Officials said the plan would raise spending on buses and trains by five"
      + " per cent next year, while taxes would stay the same. Several members warned that the money might not be"
      + " enough to repair old bridges, and the mayor promised a report before the summer. Local businesses"
      + " welcomed the decision, saying that better services would bring more visitors to the town centre. ";

  @Param({"1500"})
  public int docChars;

  @Param({"0", "0.3"})
  public double spinRate;

  @Param({""})
  public String textFile;

  @Param({""})
  public String lm;

  @Param({""})
  public String detector;

  private Unspin unspin;
  private List<String> docs;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Unspin.Builder b = Unspin.builder();
    if (!lm.isEmpty()) {
      b.defaultLanguageModel(false).languageModel(Path.of(lm));
    }
    if (!detector.isEmpty()) {
      b.detector(Path.of(detector));
    }
    unspin = b.build();
    String text = textFile.isEmpty() ? PARAGRAPH : Files.readString(Path.of(textFile), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new IOException(textFile + " is empty");
    }
    StringBuilder all = new StringBuilder(TEXT_CHARS + text.length());
    while (all.length() < TEXT_CHARS) {
      all.append(text, 0, Math.min(text.length(), TEXT_CHARS - all.length()));
    }
    SpinSimulator spinner = spinRate > 0 ? new SpinSimulator(Lexicon.loadDefault().dictionary(),
        SimulatorConfig.of(spinRate, SimulatorConfig.Choice.FIRST)) : null;
    docs = new ArrayList<>();
    for (int i = 0; i < all.length(); ) {
      int end = Math.min(all.length(), i + docChars);
      int space = all.lastIndexOf(" ", end);
      if (end < all.length() && space > i) {
        end = space + 1; // cut between words
      }
      String doc = all.substring(i, end);
      docs.add(spinner == null ? doc : spinner.spin("doc" + i, doc, i).spun());
      i = end;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    unspin.close();
  }

  @Benchmark
  public void restore(Blackhole bh) {
    for (String d : docs) {
      bh.consume(unspin.restore(d));
    }
  }

  @Benchmark
  public void check(Blackhole bh) {
    for (String d : docs) {
      bh.consume(unspin.check(d));
    }
  }
}
