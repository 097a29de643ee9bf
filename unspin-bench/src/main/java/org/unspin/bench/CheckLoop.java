package org.unspin.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.api.Edit;
import org.unspin.api.Unspin;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.detect.CheckReport;
import org.unspin.lexicon.Lexicon;
import org.unspin.restore.ChannelWeights;
import org.unspin.restore.RestoredText;

/**
 * Restore and check throughput on one thread, timed by the thread's CPU time (the fair figure on
 * a shared machine) and the wall clock, without JMH; also writes every document's restoration
 * and check result so that two builds can be diffed for identical output. Usage:
 *
 * <pre>
 * java -cp unspin-bench.jar org.unspin.bench.CheckLoop [--docs N] [--fresh M] [--spin RATE] [--rounds R]
 *     [--dump FILE] [--channel-weights FILE] [--lm-hash] [--lm FILE]... DOCS.txt
 * </pre>
 *
 * <p>{@code DOCS.txt} holds one document per line (as {@code unspin eval corpus --format text}
 * writes). {@code --spin} spins each document first with the simulator over the default lexicon
 * (seeded per document, first or random synonym alternating). The first pass over the documents
 * warms the JIT and writes {@code --dump}; the next {@code --rounds} passes (default 3) are timed.
 *
 * <p>Repeated passes find every span of the text in the restorer's caches, which running text from
 * the wild does not. With {@code --fresh M}, the first {@code --docs} documents are only the
 * warm-up, and each timed round reads the next {@code M} documents, which no earlier pass has seen:
 * the steady state of a server or a scan over new text. {@code --lm-hash} builds the language
 * model's n-gram hash index in the background, as {@code unspin serve} and {@code unspin scan} do.
 * {@code --lm} adds a model (a domain model, as {@code --index} brings one) interpolated with the
 * default at equal weights.
 */
public final class CheckLoop {
  private CheckLoop() {}

  public static void main(String[] args) throws IOException {
    int docs = Integer.MAX_VALUE;
    double spin = 0;
    int rounds = 3;
    int fresh = 0;
    Path dump = null;
    Path input = null;
    Path channelWeights = null;
    boolean lmHash = false;
    java.util.List<Path> lms = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docs" -> docs = Integer.parseInt(args[++i]);
        case "--spin" -> spin = Double.parseDouble(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--fresh" -> fresh = Integer.parseInt(args[++i]);
        case "--dump" -> dump = Path.of(args[++i]);
        case "--channel-weights" -> channelWeights = Path.of(args[++i]);
        case "--lm-hash" -> lmHash = true;
        case "--lm" -> lms.add(Path.of(args[++i]));
        default -> input = Path.of(args[i]);
      }
    }
    if (input == null) {
      System.err.println("usage: CheckLoop [--docs N] [--fresh M] [--spin RATE] [--rounds R] [--dump FILE] [--lm-hash]"
          + " [--lm FILE]... DOCS.txt");
      System.exit(2);
    }
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && texts.size() < (fresh > 0 ? docs + (long) fresh * rounds : docs)) {
        texts.add(line);
      }
    }
    if (spin > 0) {
      SpinSimulator first = new SpinSimulator(Lexicon.loadDefault().dictionary(),
          SimulatorConfig.of(spin, SimulatorConfig.Choice.FIRST));
      SpinSimulator random = new SpinSimulator(Lexicon.loadDefault().dictionary(),
          SimulatorConfig.of(spin, SimulatorConfig.Choice.RANDOM));
      for (int d = 0; d < texts.size(); d++) {
        texts.set(d, (d % 2 == 0 ? first : random).spin("doc" + d, texts.get(d), d).spun());
      }
    }
    List<String> warm = fresh > 0 ? texts.subList(0, Math.min(docs, texts.size())) : texts;
    long bytes = utf8Bytes(warm);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Unspin.Builder builder = Unspin.builder().lmHashIndex(lmHash);
    lms.forEach(builder::languageModel);
    if (channelWeights != null) {
      builder.channelWeights(ChannelWeights.load(channelWeights, ChannelWeights.shipped()));
    }
    try (Unspin unspin = builder.build()) {
      long c0 = mx.getCurrentThreadCpuTime();
      BufferedWriter out = dump == null ? null : Files.newBufferedWriter(dump, StandardCharsets.UTF_8);
      for (int d = 0; d < warm.size(); d++) {
        RestoredText r = unspin.restore(warm.get(d));
        CheckReport c = unspin.detector().check(warm.get(d), r);
        if (out != null) {
          out.write(String.format(Locale.ROOT, "%d\tp=%.6f\t%s%n", d, c.spunProbability(), c.verdict()));
          for (Edit e : r.edits()) {
            out.write(String.format(Locale.ROOT, "  %d-%d %s -> %s %.4f%n", e.start(), e.end(), e.surface(),
                e.suggestion(), e.confidence()));
          }
        }
      }
      if (out != null) {
        out.close();
      }
      System.out.printf(Locale.ROOT, "%d documents, %.1f kB; warm-up pass %.1f CPU s%n", warm.size(), bytes / 1e3,
          (mx.getCurrentThreadCpuTime() - c0) / 1e9);
      for (int round = 0; round < rounds; round++) {
        List<String> measured = warm;
        if (fresh > 0) {
          int from = Math.min(texts.size(), warm.size() + round * fresh);
          measured = texts.subList(from, Math.min(texts.size(), from + fresh));
          if (measured.isEmpty()) {
            System.err.println("no documents left for round " + round + " (" + texts.size() + " in " + input + ")");
            System.exit(1);
          }
          bytes = utf8Bytes(measured);
        }
        long restoreCpu = 0;
        long checkCpu = 0;
        long t0 = System.nanoTime();
        for (String t : measured) {
          long a = mx.getCurrentThreadCpuTime();
          RestoredText r = unspin.restore(t);
          long b = mx.getCurrentThreadCpuTime();
          unspin.detector().check(t, r);
          long c = mx.getCurrentThreadCpuTime();
          restoreCpu += b - a;
          checkCpu += c - a;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "round %d: restore %.3f MB/CPU-s, check %.3f MB/CPU-s, check %.3f MB/s wall%s%n",
            round, bytes / 1e6 / (restoreCpu / 1e9), bytes / 1e6 / (checkCpu / 1e9), bytes / 1e6 / wall,
            fresh > 0 ? String.format(Locale.ROOT, " (%d unseen documents, %.1f kB)", measured.size(), bytes / 1e3) : "");
      }
    }
  }

  private static long utf8Bytes(List<String> texts) {
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }
}
