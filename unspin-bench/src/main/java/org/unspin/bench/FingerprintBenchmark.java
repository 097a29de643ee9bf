package org.unspin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;

/**
 * Throughput of {@link FingerprintMatcher} with the shipped PPS list (about 7,600 queries), in
 * megabytes of text per second on one thread: each operation scans {@value #TEXT_CHARS} chars cut
 * into documents of {@code docChars}, so {@code ops/s} is MB/s for ASCII text.
 *
 * <p>Text: {@code -p textFile=PATH} (UTF-8, repeated or cut to size), or by default a seeded
 * synthetic text of common English words with one tortured phrase of the list about every 2,000
 * chars. Run: {@code java -jar unspin-bench/target/unspin-bench.jar FingerprintBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FingerprintBenchmark {
  static final int TEXT_CHARS = 1_000_000;

  private static final String[] COMMON = ("the of and to in a is that for it as was with be by on not he this are or"
      + " his from at which but have an they you were her she there been one all we their has would when if so no"
      + " will more can out up about who into than its only other new some time could these two may first then"
      + " do any like my now over such our man me even most made after also did many before must through years"
      + " where much your way well down should because each just those people how too little state good very"
      + " make world still own see men work long get here between both life being under never day same another"
      + " know while last might us great old year off come since against go came right used take three data"
      + " network model results method analysis system learning image feature training accuracy").split(" ");

  @Param({"2000", "100000"})
  public int docChars;

  @Param({""})
  public String textFile;

  private FingerprintMatcher matcher;
  private List<String> docs;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    FingerprintList list = FingerprintList.loadDefault();
    matcher = new FingerprintMatcher(list);
    String text = textFile.isEmpty() ? synthetic(list) : fromFile(Path.of(textFile));
    docs = new ArrayList<>();
    for (int i = 0; i < text.length(); i += docChars) {
      docs.add(text.substring(i, Math.min(text.length(), i + docChars)));
    }
  }

  private static String synthetic(FingerprintList list) {
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder(TEXT_CHARS + 100);
    int nextPhrase = 2000;
    while (sb.length() < TEXT_CHARS) {
      if (sb.length() >= nextPhrase) {
        Fingerprint f = list.entries().get(r.nextInt(list.size()));
        sb.append(f.phrase()).append(' ');
        nextPhrase += 2000;
      }
      String w = COMMON[r.nextInt(COMMON.length)];
      sb.append(r.nextInt(15) == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      sb.append(r.nextInt(12) == 0 ? ". " : r.nextInt(10) == 0 ? ", " : " ");
    }
    return sb.substring(0, TEXT_CHARS);
  }

  private static String fromFile(Path p) throws IOException {
    String s = Files.readString(p, StandardCharsets.UTF_8);
    if (s.isEmpty()) {
      throw new IOException(p + " is empty");
    }
    StringBuilder sb = new StringBuilder(TEXT_CHARS);
    while (sb.length() < TEXT_CHARS) {
      sb.append(s, 0, Math.min(s.length(), TEXT_CHARS - sb.length()));
    }
    return sb.toString();
  }

  @Benchmark
  public void matchMegabyte(Blackhole bh) {
    for (String d : docs) {
      bh.consume(matcher.match(d));
    }
  }
}
