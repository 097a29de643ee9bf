package org.unspin.bench.trace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.DocumentStream;
import org.unspin.bench.corpus.Split;
import org.unspin.bench.eval.EvalRun;
import org.unspin.bench.eval.EvalSetting;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.index.AlignedSubstitution;
import org.unspin.index.IndexOptions;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceIndexWriter;
import org.unspin.index.SourceMatch;
import org.unspin.index.TraceConfig;
import org.unspin.index.TraceResult;
import org.unspin.index.Tracer;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lm.DefaultModels;

/**
 * The trace evaluation: every usable document of the corpora is indexed; queries are simulated
 * spins of a seeded sample of test-split documents at each rate, by a known spinner (the whole
 * lexicon, which the index's synonym classes also know) and an unknown one (it draws only from a
 * held-out share of the lexicon's entries, and that index's classes are built without them, see
 * {@link EvalRun#views}). Each query is traced with {@link Tracer} (no restore fallback) and, side
 * by side, searched with the {@link Baselines} (BM25 on raw words, MinHash over 5-word shingles).
 * Measures recall@1, recall@10, mean reciprocal rank (a document with the same text as the
 * source counts as the source, see {@link #twins}) and latency per query (one thread, wall and CPU
 * time), and, when the tracer's best match is the source, how many of the simulator's true
 * substitutions the alignment recovered: a true substitution is recovered when one aligned
 * replacement spans it in both the spun text and the source.
 *
 * <p>Spinner of a query: {@link SimulatorConfig#of} at the rate, first or random synonym drawn from
 * the document id and the seed; a spin that changed nothing is not a query.
 */
public final class TraceEval {
  /** Ranks looked at per method. */
  static final int TOP = 10;

  /**
   * Settings of a run.
   *
   * @param corporaDir the corpora
   * @param workDir where the indexes go (reused when present and complete, unless {@code rebuild})
   * @param queries test documents spun at each rate
   * @param rates spin rates
   * @param settings known and/or unknown spinner
   * @param holdOut share of lexicon entries held out for the unknown spinner
   * @param seed seed of the sample and of the spins
   * @param threads indexing threads
   * @param rebuild whether to rebuild indexes that exist
   * @param misses where to write the true substitutions the alignment missed, with the aligned
   *     replacements around them (null: nowhere)
   * @param baselines whether to build and search the BM25 and MinHash baselines too (false: trace
   *     only, a quicker run for alignment work)
   */
  public record Config(Path corporaDir, Path workDir, int queries, List<Double> rates, List<EvalSetting> settings,
      double holdOut, long seed, int threads, boolean rebuild, Path misses, boolean baselines) {
    /** Settings with the baselines. */
    public Config(Path corporaDir, Path workDir, int queries, List<Double> rates, List<EvalSetting> settings,
        double holdOut, long seed, int threads, boolean rebuild, Path misses) {
      this(corporaDir, workDir, queries, rates, settings, holdOut, seed, threads, rebuild, misses, true);
    }

    /** Settings with the baselines, without a misses file. */
    public Config(Path corporaDir, Path workDir, int queries, List<Double> rates, List<EvalSetting> settings,
        double holdOut, long seed, int threads, boolean rebuild) {
      this(corporaDir, workDir, queries, rates, settings, holdOut, seed, threads, rebuild, null, true);
    }

    public Config {
      Objects.requireNonNull(corporaDir, "corporaDir");
      Objects.requireNonNull(workDir, "workDir");
      if (queries < 1) {
        throw new IllegalArgumentException("queries: must be >= 1 (got " + queries + ")");
      }
      rates = List.copyOf(rates);
      settings = List.copyOf(settings);
      if (threads < 1) {
        throw new IllegalArgumentException("threads: must be >= 1 (got " + threads + ")");
      }
    }
  }

  /** One line of the results table. */
  public record Row(String setting, double rate, String method, int queries, double recall1, double recall10,
      double mrr, double p50Ms, double p95Ms, double cpuP50Ms, double cpuP95Ms, long trueSubstitutions,
      double recovered, double proven) {}

  /**
   * The coverage {@code check --index} asks of a source by default: a query counts as proven when
   * its best match is its source and {@link SourceMatch#proves} at this coverage (the NaN of a
   * baseline row means not measured).
   */
  static final double SOURCE_COVERAGE = 0.5;

  /** What an index cost. */
  public record IndexFigures(String name, int documents, long bytes, double buildSeconds) {}

  public record Report(List<Row> rows, List<IndexFigures> indexes) {
    /** The tables as Markdown. */
    public String markdown() {
      StringBuilder sb = new StringBuilder();
      sb.append("| index | documents | size MB | build s |\n|---|---:|---:|---:|\n");
      for (IndexFigures f : indexes) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f |%n", f.name(), f.documents(),
            f.bytes() / 1e6, f.buildSeconds()));
      }
      sb.append("\n| spinner | rate | method | queries | R@1 | R@10 | MRR | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms "
          + "| subs recovered | proven source |\n");
      sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Row r : rows) {
        sb.append(String.format(Locale.ROOT, "| %s | %.0f%% | %s | %d | %.3f | %.3f | %.3f | %.1f | %.1f | %.1f | %.1f "
            + "| %s | %s |%n", r.setting(), r.rate() * 100, r.method(), r.queries(), r.recall1(), r.recall10(), r.mrr(),
            r.p50Ms(), r.p95Ms(), r.cpuP50Ms(), r.cpuP95Ms(), r.trueSubstitutions() == 0 ? ""
                : String.format(Locale.ROOT, "%.3f of %d", r.recovered(), r.trueSubstitutions()),
            Double.isNaN(r.proven()) ? "" : String.format(Locale.ROOT, "%.3f", r.proven())));
      }
      return sb.toString();
    }
  }

  private final Config config;
  private final PrintWriter log;
  private java.util.Map<String, String> twins = java.util.Map.of();
  private final StringBuilder missLog = new StringBuilder();

  public TraceEval(Config config, PrintWriter log) {
    this.config = config;
    this.log = log;
  }

  /** Every usable document of all corpora, in corpus order. */
  public static List<Document> allDocuments(Path corporaDir) throws IOException {
    List<Document> docs = new ArrayList<>();
    try (DocumentStream s = Corpora.open(corporaDir, EnumSet.allOf(CorpusSource.class), null, null)) {
      for (Document d = s.read(); d != null; d = s.read()) {
        docs.add(d);
      }
    }
    return docs;
  }

  /**
   * Maps every document id to the first id (in corpus order) of a document with the same text
   * (whitespace and case folded): about 2.5% of the test documents have an identical twin under
   * another id (Reuters repeats stories), and either one is a correct source.
   */
  static java.util.Map<String, String> twins(List<Document> docs) {
    java.util.Map<String, String> firstByText = new java.util.HashMap<>();
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (Document d : docs) {
      String key = d.text().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      out.put(d.id(), firstByText.computeIfAbsent(key, k -> d.id()));
    }
    return out;
  }

  /** A seeded sample of {@code n} test-split documents. */
  static List<Document> sample(List<Document> docs, int n, long seed) {
    List<Document> test = new ArrayList<>();
    for (Document d : docs) {
      if (Split.of(d.id()) == Split.TEST) {
        test.add(d);
      }
    }
    test.sort(Comparator.comparing(Document::id));
    Collections.shuffle(test, new Random(seed));
    return test.subList(0, Math.min(n, test.size()));
  }

  public Report run() throws IOException {
    List<Document> docs = allDocuments(config.corporaDir());
    log.printf(Locale.ROOT, "read %d documents%n", docs.size());
    log.flush();
    List<Document> queries = sample(docs, config.queries(), config.seed());
    twins = twins(docs);
    List<IndexFigures> figures = new ArrayList<>();
    Path baseDir = config.workDir().resolve("baselines");
    if (config.baselines()) {
      figures.add(ensureIndex(baseDir, "BM25 + MinHash fields", docs,
          new IndexOptions(0, 0, 1, true, false)));
    }
    List<Row> rows = new ArrayList<>();
    LexiconDictionary full = Lexicon.loadDefault().dictionary();
    try (SourceIndex base = config.baselines() ? SourceIndex.open(baseDir) : null) {
      Baselines baselines = base == null ? null : new Baselines(base);
      for (EvalSetting setting : config.settings()) {
        IndexOptions opts = setting == EvalSetting.KNOWN ? IndexOptions.defaults()
            : IndexOptions.defaults().withHoldOut(config.holdOut(), config.seed());
        Path dir = config.workDir().resolve("trace-" + setting.label());
        figures.add(ensureIndex(dir, "trace (" + setting.label() + " spinner's classes)", docs, opts));
        LexiconDictionary spinDict = EvalRun.views(setting, full, config.holdOut(), config.seed())[0];
        try (SourceIndex idx = SourceIndex.open(dir)) {
          Tracer tracer = new Tracer(idx, null, TraceConfig.defaults(),
              DefaultModels.languageModel());
          for (double rate : config.rates()) {
            rows.addAll(measure(setting, rate, queries, spinDict, tracer, baselines));
          }
        }
      }
    }
    if (config.misses() != null) {
      Files.writeString(config.misses(), missLog, java.nio.charset.StandardCharsets.UTF_8);
    }
    return new Report(rows, figures);
  }

  private List<Row> measure(EvalSetting setting, double rate, List<Document> queries, LexiconDictionary spinDict,
      Tracer tracer, Baselines baselines) {
    Acc trace = new Acc(twins);
    trace.provesSources = true;
    Acc bm25 = new Acc(twins);
    Acc minHash = new Acc(twins);
    for (Document d : queries) {
      SimulatorConfig.Choice choice = new SplittableRandom(config.seed() ^ d.id().hashCode() * 0x9E3779B97F4A7C15L)
          .nextBoolean() ? SimulatorConfig.Choice.FIRST : SimulatorConfig.Choice.RANDOM;
      long spinSeed = new SplittableRandom(config.seed() * 31 + d.id().hashCode() * 17L
          + Double.doubleToLongBits(rate)).nextLong();
      SpunText s = new SpinSimulator(spinDict, SimulatorConfig.of(rate, choice)).spin(d.id(), d.text(), spinSeed);
      if (s.substitutions().isEmpty()) {
        continue;
      }
      Clock c = new Clock();
      TraceResult r = tracer.trace(s.spun(), TOP);
      c.stop();
      String[] ids = new String[r.matches().size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = r.matches().get(i).id();
      }
      trace.add(ids, d.id(), c);
      if (r.best() != null && trace.same(r.best().id(), d.id())) {
        trace.recovery(s.substitutions(), r.best());
        if (r.best().proves(SOURCE_COVERAGE)) {
          trace.proven++;
        }
        if (config.misses() != null) {
          logMisses(setting.label() + " " + rate + " " + d.id(), s, d.text(), r.best());
        }
      }
      if (baselines == null) {
        continue;
      }
      c = new Clock();
      String[] b = baselines.bm25(s.spun(), TOP);
      c.stop();
      bm25.add(b, d.id(), c);
      c = new Clock();
      String[] m = baselines.minHash(s.spun(), TOP);
      c.stop();
      minHash.add(m, d.id(), c);
    }
    log.printf(Locale.ROOT,
        "%s spinner, rate %.2f: trace R@1 %.3f, proven %.3f, subs recovered %.4f of %d%s (%d queries)%n",
        setting.label(), rate, trace.recall1(), trace.n == 0 ? 0.0 : (double) trace.proven / trace.n,
        trace.trueSubs == 0 ? 0.0 : (double) trace.recovered / trace.trueSubs,
        trace.trueSubs, baselines == null ? "" : String.format(Locale.ROOT, "; BM25 R@1 %.3f, MinHash %.3f",
            bm25.recall1(), minHash.recall1()), trace.n);
    log.flush();
    if (baselines == null) {
      return List.of(trace.row(setting.label(), rate, "trace"));
    }
    return List.of(trace.row(setting.label(), rate, "trace"), bm25.row(setting.label(), rate, "BM25 raw"),
        minHash.row(setting.label(), rate, "MinHash 5-shingles"));
  }

  /**
   * One block per missed true substitution: where it is, the spun and the original wording with
   * some context, and the aligned replacements near it in the spun text, marked S when they overlap its
   * spun words and O when they overlap its original words; a miss outside the aligned passages says so.
   */
  private void logMisses(String where, SpunText s, String original, SourceMatch best) {
    for (Substitution t : s.substitutions()) {
      if (recovered(t, best.aligned())) {
        continue;
      }
      missLog.append(where).append(" [").append(t.kind()).append("] '").append(t.spun()).append("' <- '")
          .append(t.original()).append("'\n  spun: ").append(context(s.spun(), t.spunStart(), t.spunEnd()))
          .append("\n  orig: ").append(context(original, t.originalStart(), t.originalEnd())).append('\n');
      boolean inPassage = false;
      for (org.unspin.index.Passage p : best.passages()) {
        inPassage |= p.start() <= t.spunStart() && t.spunEnd() <= p.end();
      }
      if (!inPassage) {
        missLog.append("  (outside the aligned passages)\n");
      }
      for (AlignedSubstitution a : best.aligned()) {
        if (a.end() > t.spunStart() - 20 && a.start() < t.spunEnd() + 20) {
          // marks: S = overlaps the true spun words, O = overlaps the true original words
          boolean onSpun = a.end() > t.spunStart() && a.start() < t.spunEnd();
          boolean onOrig = a.sourceEnd() > t.originalStart() && a.sourceStart() < t.originalEnd();
          missLog.append("  aligned").append(onSpun ? " S" : "").append(onOrig ? " O" : "").append(": '")
              .append(a.surface()).append("' <- '").append(a.original()).append("'\n");
        }
      }
    }
  }

  private static String context(String text, int from, int to) {
    int a = Math.max(0, from - 40);
    int b = Math.min(text.length(), to + 40);
    return (text.substring(a, from) + "[" + text.substring(from, to) + "]" + text.substring(to, b))
        .replace('\n', ' ');
  }

  /** Builds the index in {@code dir} unless a complete one is there (and no rebuild was asked). */
  private IndexFigures ensureIndex(Path dir, String name, List<Document> docs, IndexOptions options)
      throws IOException {
    Path done = dir.resolve("build-seconds.txt");
    if (!config.rebuild() && Files.isRegularFile(done)) {
      try (SourceIndex idx = SourceIndex.open(dir)) {
        if (idx.documentCount() == docs.size() && idx.options().equals(options)) {
          log.printf(Locale.ROOT, "reusing %s (%d documents)%n", dir, idx.documentCount());
          return new IndexFigures(name, idx.documentCount(), idx.sizeBytes(),
              Double.parseDouble(Files.readString(done).trim()));
        }
      }
    }
    long t0 = System.nanoTime();
    try (SourceIndexWriter w = SourceIndexWriter.create(dir, options)) {
      addAll(w, docs, config.threads(), log);
      w.forceMerge(1);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Files.writeString(done, Double.toString(secs));
    try (SourceIndex idx = SourceIndex.open(dir)) {
      log.printf(Locale.ROOT, "built %s: %d documents, %.1f MB in %.0f s%n", dir, idx.documentCount(),
          idx.sizeBytes() / 1e6, secs);
      log.flush();
      return new IndexFigures(name, idx.documentCount(), idx.sizeBytes(), secs);
    }
  }

  /** Adds {@code docs} with {@code threads} threads, logging progress. */
  static void addAll(SourceIndexWriter w, List<Document> docs, int threads, PrintWriter log) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      int chunk = 500;
      for (int from = 0; from < docs.size(); from += chunk) {
        int f = from;
        int to = Math.min(docs.size(), from + chunk);
        fs.add(pool.submit(() -> {
          for (int i = f; i < to; i++) {
            Document d = docs.get(i);
            w.add(d.id(), null, d.text());
          }
        }));
      }
      long t0 = System.nanoTime();
      long last = t0;
      for (Future<?> f : fs) {
        f.get();
        long now = System.nanoTime();
        if (now - last > 10_000_000_000L) {
          last = now;
          log.printf(Locale.ROOT, "  indexed %d of %d (%.0f/s)%n", w.added(), docs.size(),
              w.added() / ((now - t0) / 1e9));
          log.flush();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("indexing failed: " + e.getMessage(), e);
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Wall and CPU time of one query (CPU time of the calling thread: less sensitive to machine load). */
  static final class Clock {
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private final long wall0 = System.nanoTime();
    private final long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall;
    long cpu;

    void stop() {
      wall = System.nanoTime() - wall0;
      cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
    }
  }

  /** Accumulates one method's outcomes in one cell. */
  static final class Acc {
    private final java.util.Map<String, String> twins;
    int n;
    int hit1;
    int hit10;
    double rr;
    final List<Long> nanos = new ArrayList<>();
    final List<Long> cpuNanos = new ArrayList<>();
    long trueSubs;
    long recovered;
    /** Queries whose best match is their source and {@link SourceMatch#proves} it (trace only). */
    long proven;
    /** Whether {@link #proven} is counted (the trace's accumulator, not a baseline's). */
    boolean provesSources;

    /** @param twins id to canonical id of identical texts (see {@link #twins}); ids not in it stand alone */
    Acc(java.util.Map<String, String> twins) {
      this.twins = twins;
    }

    boolean same(String id, String truth) {
      return twins.getOrDefault(id, id).equals(twins.getOrDefault(truth, truth));
    }

    void add(String[] ranked, String truth, Clock c) {
      n++;
      nanos.add(c.wall);
      cpuNanos.add(c.cpu);
      for (int i = 0; i < ranked.length && i < TOP; i++) {
        if (same(ranked[i], truth)) {
          if (i == 0) {
            hit1++;
          }
          hit10++;
          rr += 1.0 / (i + 1);
          break;
        }
      }
    }

    void recovery(List<Substitution> truth, SourceMatch best) {
      for (Substitution t : truth) {
        trueSubs++;
        if (recovered(t, best.aligned())) {
          recovered++;
        }
      }
    }

    double recall1() {
      return n == 0 ? 0 : (double) hit1 / n;
    }

    Row row(String setting, double rate, String method) {
      List<Long> s = new ArrayList<>(nanos);
      Collections.sort(s);
      List<Long> cs = new ArrayList<>(cpuNanos);
      Collections.sort(cs);
      return new Row(setting, rate, method, n, recall1(), n == 0 ? 0 : (double) hit10 / n, n == 0 ? 0 : rr / n,
          pct(s, 0.50), pct(s, 0.95), pct(cs, 0.50), pct(cs, 0.95), trueSubs,
          trueSubs == 0 ? 0 : (double) recovered / trueSubs, !provesSources ? Double.NaN : n == 0 ? 0 : (double) proven / n);
    }

    private static double pct(List<Long> sorted, double q) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int i = (int) Math.ceil(q * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
  }

  /**
   * Whether alignment recovered the simulator's substitution {@code t}: one aligned replacement
   * spans it on both sides, or the aligned replacements that overlap its spun text (at least one)
   * all lie inside it on both sides (a finer split: "income" for "profit" inside "net income" for
   * "net profit").
   */
  public static boolean recovered(Substitution t, List<AlignedSubstitution> aligned) {
    int inside = 0;
    boolean outside = false;
    for (AlignedSubstitution a : aligned) {
      if (a.start() <= t.spunStart() && a.end() >= t.spunEnd() && a.sourceStart() <= t.originalStart()
          && a.sourceEnd() >= t.originalEnd()) {
        return true;
      }
      if (a.end() > t.spunStart() && a.start() < t.spunEnd()) {
        if (a.start() >= t.spunStart() && a.end() <= t.spunEnd() && a.sourceStart() >= t.originalStart()
            && a.sourceEnd() <= t.originalEnd()) {
          inside++;
        } else {
          outside = true;
        }
      }
    }
    return inside > 0 && !outside;
  }
}
