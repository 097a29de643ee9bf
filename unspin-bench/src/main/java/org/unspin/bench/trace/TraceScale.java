package org.unspin.bench.trace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.eval.EvalSetting;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.index.IndexOptions;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceIndexWriter;
import org.unspin.index.TraceConfig;
import org.unspin.index.TraceResult;
import org.unspin.index.Tracer;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lm.DefaultModels;

/**
 * Trace at scale: one index grown to each requested size, measured at each.
 *
 * <p><b>Collection</b>: every usable document of the corpora (the true sources), then synthetic
 * documents up to the size. Synthetic document {@code i} ({@code synthetic/i}) is made with a
 * {@link SplittableRandom} seeded by {@code (seed, i)}: {@value #MIN_SENTENCES} to {@value
 * #MAX_SENTENCES} sentences drawn uniformly, with replacement, from the pool of all sentences of
 * the corpora (paragraph lines cut after {@code . ! ?} followed by a space and an upper-case letter
 * or quote), joined with spaces. Synthetic documents thus share sentences, names and numbers with
 * the true sources: each source sentence appears in about {@code size x 8.5 / pool} of them.
 *
 * <p><b>Queries</b>: as in {@link TraceEval}, known spinner. Latency is wall time of {@link
 * Tracer#trace} (no restore fallback), one query at a time.
 */
public final class TraceScale {
  static final int MIN_SENTENCES = 4;
  static final int MAX_SENTENCES = 13;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'])");

  /**
   * Settings.
   *
   * @param sizes index sizes in documents, ascending
   * @param reuse measure the index left in the work directory by an earlier run, at its size, without building
   * @param forceMerge merge the index into one segment before measuring at each size (the merge time
   *     counts as building; on reuse it is only logged)
   */
  public record Config(Path corporaDir, Path workDir, List<Integer> sizes, int queries, List<Double> rates, long seed,
      int threads, boolean reuse, boolean forceMerge) {
    /** Settings without force-merging. */
    public Config(Path corporaDir, Path workDir, List<Integer> sizes, int queries, List<Double> rates, long seed,
        int threads, boolean reuse) {
      this(corporaDir, workDir, sizes, queries, rates, seed, threads, reuse, false);
    }

    public Config {
      Objects.requireNonNull(corporaDir, "corporaDir");
      Objects.requireNonNull(workDir, "workDir");
      sizes = List.copyOf(sizes);
      for (int i = 1; i < sizes.size(); i++) {
        if (sizes.get(i) <= sizes.get(i - 1)) {
          throw new IllegalArgumentException("sizes: must be ascending (got " + sizes + ")");
        }
      }
      rates = List.copyOf(rates);
    }
  }

  public record Row(int documents, long bytes, double buildSeconds, double rate, int queries, double recall1,
      double recall10, double mrr, double p50Ms, double p95Ms, double cpuP50Ms, double cpuP95Ms) {}

  public record Report(List<Row> rows) {
    public String markdown() {
      StringBuilder sb = new StringBuilder();
      sb.append("| documents | index MB | build s (cumulative) | rate | queries | R@1 | R@10 | MRR | p50 ms | p95 ms "
          + "| CPU p50 ms | CPU p95 ms |\n");
      sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Row r : rows) {
        sb.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %.0f%% | %d | %.3f | %.3f | %.3f | %.1f | %.1f | %.1f "
            + "| %.1f |%n", r.documents(), r.bytes() / 1e6, r.buildSeconds() < 0 ? "(reused)"
                : String.format(Locale.ROOT, "%.0f", r.buildSeconds()), r.rate() * 100, r.queries(), r.recall1(),
            r.recall10(), r.mrr(), r.p50Ms(), r.p95Ms(), r.cpuP50Ms(), r.cpuP95Ms()));
      }
      return sb.toString();
    }
  }

  private final Config config;
  private final PrintWriter log;

  public TraceScale(Config config, PrintWriter log) {
    this.config = config;
    this.log = log;
  }

  /** The sentences of {@code docs}. */
  static List<String> sentences(List<Document> docs) {
    List<String> pool = new ArrayList<>();
    for (Document d : docs) {
      for (String line : d.text().split("\n")) {
        for (String s : SENTENCE_END.split(line)) {
          if (!s.isBlank()) {
            pool.add(s.strip());
          }
        }
      }
    }
    return pool;
  }

  /** Synthetic document {@code i}. */
  static String synthetic(List<String> pool, long seed, long i) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int k = MIN_SENTENCES + rnd.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
    StringBuilder sb = new StringBuilder(k * 140);
    for (int j = 0; j < k; j++) {
      sb.append(j == 0 ? "" : " ").append(pool.get(rnd.nextInt(pool.size())));
    }
    return sb.toString();
  }

  public Report run() throws IOException {
    List<Document> docs = TraceEval.allDocuments(config.corporaDir());
    List<String> pool = sentences(docs);
    log.printf(Locale.ROOT, "read %d documents, %d sentences%n", docs.size(), pool.size());
    log.flush();
    List<Document> queries = TraceEval.sample(docs, config.queries(), config.seed());
    java.util.Map<String, String> twins = TraceEval.twins(docs);
    Path dir = config.workDir().resolve("scale");
    LexiconDictionary full = Lexicon.loadDefault().dictionary();
    List<Row> rows = new ArrayList<>();
    double seconds = 0;
    long synthetic = 0;
    List<Integer> sizes = config.sizes();
    if (config.reuse() && java.nio.file.Files.isDirectory(dir)) {
      try (SourceIndex idx = SourceIndex.open(dir)) {
        sizes = List.of(idx.documentCount());
        synthetic = idx.documentCount() - docs.size();
      }
      seconds = -1;
      log.printf(Locale.ROOT, "reusing %s (%d documents): measuring only%n", dir, sizes.get(0));
    } else {
      long t0 = System.nanoTime();
      try (SourceIndexWriter w = SourceIndexWriter.create(dir, IndexOptions.defaults())) {
        TraceEval.addAll(w, docs, config.threads(), log);
      }
      seconds += (System.nanoTime() - t0) / 1e9;
    }
    for (int size : sizes) {
      long need = size - docs.size() - synthetic;
      if (need > 0) {
        long t0 = System.nanoTime();
        try (SourceIndexWriter w = SourceIndexWriter.append(dir)) {
          addSynthetic(w, pool, synthetic, synthetic + need);
        }
        synthetic += need;
        seconds += (System.nanoTime() - t0) / 1e9;
      }
      if (config.forceMerge()) {
        long t0 = System.nanoTime();
        try (SourceIndexWriter w = SourceIndexWriter.append(dir)) {
          w.forceMerge(1);
        }
        double merge = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "force-merged to one segment in %.0f s%n", merge);
        if (seconds >= 0) {
          seconds += merge;
        }
      }
      try (SourceIndex idx = SourceIndex.open(dir)) {
        log.printf(Locale.ROOT, "index at %d documents, %d segments, %.0f MB, %.0f s of building%n",
            idx.documentCount(), idx.segmentCount(), idx.sizeBytes() / 1e6, seconds);
        log.flush();
        Tracer tracer = new Tracer(idx, null, TraceConfig.defaults(),
            DefaultModels.languageModel());
        for (double rate : config.rates()) {
          TraceEval.Acc acc = new TraceEval.Acc(twins);
          for (Document d : queries) {
            SimulatorConfig.Choice choice = new SplittableRandom(config.seed() ^ d.id().hashCode()
                * 0x9E3779B97F4A7C15L).nextBoolean() ? SimulatorConfig.Choice.FIRST : SimulatorConfig.Choice.RANDOM;
            long spinSeed = new SplittableRandom(config.seed() * 31 + d.id().hashCode() * 17L
                + Double.doubleToLongBits(rate)).nextLong();
            SpunText s = new SpinSimulator(full, SimulatorConfig.of(rate, choice)).spin(d.id(), d.text(), spinSeed);
            if (s.substitutions().isEmpty()) {
              continue;
            }
            TraceEval.Clock c = new TraceEval.Clock();
            TraceResult r = tracer.trace(s.spun(), TraceEval.TOP);
            c.stop();
            acc.add(r.matches().stream().map(m -> m.id()).toArray(String[]::new), d.id(), c);
          }
          TraceEval.Row tr = acc.row(EvalSetting.KNOWN.label(), rate, "trace");
          rows.add(new Row(idx.documentCount(), idx.sizeBytes(), seconds, rate, tr.queries(), tr.recall1(),
              tr.recall10(), tr.mrr(), tr.p50Ms(), tr.p95Ms(), tr.cpuP50Ms(), tr.cpuP95Ms()));
          log.printf(Locale.ROOT, "  rate %.2f: R@1 %.3f, p50 %.1f ms, p95 %.1f ms%n", rate, tr.recall1(), tr.p50Ms(),
              tr.p95Ms());
          log.flush();
        }
      }
    }
    return new Report(Collections.unmodifiableList(rows));
  }

  private void addSynthetic(SourceIndexWriter w, List<String> pool, long from, long to) {
    ExecutorService exec = Executors.newFixedThreadPool(config.threads());
    try {
      List<Future<?>> fs = new ArrayList<>();
      long chunk = 2000;
      for (long a = from; a < to; a += chunk) {
        long s = a;
        long e = Math.min(to, a + chunk);
        fs.add(exec.submit(() -> {
          for (long i = s; i < e; i++) {
            w.add("synthetic/" + i, null, synthetic(pool, config.seed(), i));
          }
        }));
      }
      long t0 = System.nanoTime();
      long last = t0;
      for (Future<?> f : fs) {
        f.get();
        long now = System.nanoTime();
        if (now - last > 30_000_000_000L) {
          last = now;
          log.printf(Locale.ROOT, "  synthetic: %d of %d (%.0f/s)%n", w.added(), to - from,
              w.added() / ((now - t0) / 1e9));
          log.flush();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("indexing synthetic documents failed: " + e.getMessage(), e);
    } finally {
      exec.shutdown();
      try {
        exec.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
