package org.unspin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * The {@link LmQueryBenchmark} loops without JMH, timed by the thread's CPU time as well as the
 * wall clock, for machines shared with other jobs where wall-clock JMH figures swing. Usage:
 * {@code java -cp unspin-bench.jar org.unspin.bench.LmQueryLoop MODEL.ulm TEXT [ROUNDS]}; the
 * text is one sentence per line in LM word forms separated by spaces. Each round runs the
 * stateless and then the state query over the whole text 8 times.
 */
public final class LmQueryLoop {
  private LmQueryLoop() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LmQueryLoop MODEL.ulm TEXT [ROUNDS]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (BinaryLm lm = BinaryLm.open(Path.of(args[0]))) {
      Vocabulary v = lm.vocabulary();
      List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
      int[] ids = new int[16];
      int[] hist = new int[16];
      int n = 0;
      for (String line : lines) {
        String t = line.strip();
        if (t.isEmpty()) {
          continue;
        }
        String[] words = t.split(" +");
        if (n + words.length + 2 > ids.length) {
          ids = java.util.Arrays.copyOf(ids, Math.max(ids.length * 2, n + words.length + 2));
          hist = java.util.Arrays.copyOf(hist, ids.length);
        }
        ids[n++] = Vocabulary.BOS;
        for (int i = 0; i <= words.length; i++) {
          hist[n] = Math.min(3, i + 1);
          ids[n++] = i < words.length ? v.id(words[i]) : Vocabulary.EOS;
        }
      }
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      BinaryLm.State a = lm.newState();
      BinaryLm.State b = lm.newState();
      for (int round = 0; round < rounds; round++) {
        for (int kind = 0; kind < 2; kind++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          double sum = 0;
          long q = 0;
          for (int pass = 0; pass < 8; pass++) {
            for (int i = 0; i < n; i++) {
              int w = ids[i];
              if (w == Vocabulary.BOS) {
                lm.beginSentence(a);
                continue;
              }
              if (kind == 0) {
                sum += LanguageModel.score(lm.query(ids, i - hist[i], hist[i], w));
              } else {
                sum += LanguageModel.score(lm.query(a, w, b));
                BinaryLm.State t = a;
                a = b;
                b = t;
              }
              q++;
            }
          }
          long c1 = mx.getCurrentThreadCpuTime();
          long t1 = System.nanoTime();
          System.out.println(String.format(Locale.ROOT,
              "%s queries=%d %.2f M/s CPU %.2f M/s wall (log10 sum %.1f)", kind == 0 ? "stateless" : "state    ", q,
              q / ((c1 - c0) / 1e3), q / ((t1 - t0) / 1e3), sum));
        }
      }
    }
  }
}
