package org.unspin.bench.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.unspin.api.Finding;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.api.UnspinException;
import org.unspin.api.Verdict;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.DocumentStream;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.channel.fingerprint.FingerprintMatch;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.detect.CheckReport;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.restore.RestoredText;
import org.unspin.restore.SubstitutionCounts;

/**
 * The evaluation harness behind {@code unspin eval run}: samples documents of one split of the
 * news corpora, spins each with a simulated spinner at every rate, checks and restores the clean and
 * the spun versions with an {@link Unspin} per setting, runs the fingerprint-list baseline on the
 * same texts, and sums the figures of every cell (setting x rate) into {@link CellResult}s.
 *
 * <p>Spinner of document {@code d} at rate {@code r}: {@link SimulatorConfig#of} with the rate and
 * the first or a random synonym (a seeded coin per document, the same at every rate and setting),
 * seeded by the run seed, the document id and the rate. The known setting spins over the full
 * lexicon and restores with it, the consistent setting too with a spinner that repeats its decision at
 * every occurrence of an entry ({@link SimulatorConfig#consistent()}), the protected setting with one
 * that leaves closed-class words alone ({@link SimulatorConfig#protectClosedClasses()}); the unknown
 * setting spins over
 * {@link LexiconDictionary#heldOut()}
 * and restores with {@link LexiconDictionary#holdingOut}. Documents are worked on by
 * {@link EvalConfig#threads()} threads sharing one {@link Unspin} per setting.
 */
public final class EvalRun {
  /** Builds the {@link Unspin} of one setting from the lexicon view its restorer may draw from. */
  @FunctionalInterface
  public interface UnspinFactory {
    Unspin create(LexiconDictionary candidates);

    /**
     * The same with the spinner profile {@code batch} added ({@link #batchProfile}); a factory
     * that cannot add one refuses.
     */
    default Unspin create(LexiconDictionary candidates, SpinnerProfile batch) {
      throw new UnsupportedOperationException("this factory cannot add a spinner profile");
    }
  }

  /**
   * The outcome of a run.
   *
   * @param cells one per setting and rate, settings outer
   * @param kinds per setting, rate and substitution kind: substitutions and how many were reverted
   * @param documents documents sampled
   * @param cleanBytes UTF-8 bytes of the sampled clean documents
   * @param seconds elapsed time of the run (models, sampling and all the work)
   */
  public record Result(List<CellResult> cells, List<KindResult> kinds, int documents, long cleanBytes,
      double seconds) {
    public Result {
      cells = List.copyOf(cells);
      kinds = List.copyOf(kinds);
    }
  }

  /** What one checked text gave; spans are {start, end} in that text. */
  private record Outcome(double probability, boolean spun, List<int[]> findings, int refWords, int textErrors,
      int restoredErrors, long bytes, long restoreCpu, long restoreWall, long checkCpu, long checkWall,
      List<int[]> baselineMatches, List<int[]> truth, int[] kindTotal, int[] kindReverted) {}

  /** 2^64 / golden ratio, odd: spreads small seeds over the whole word. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final EvalConfig config;
  private final UnspinFactory factory;
  private final LexiconDictionary lexicon;
  private final FingerprintMatcher baseline;
  private final Consumer<String> progress;
  private double batchMinCount;

  /**
   * @param config what to measure
   * @param factory builds the Unspin of each setting
   * @param lexicon the full lexicon view (the known spinner's dictionary; the held-out views are made from it)
   * @param baseline the fingerprint-list matcher of the baseline
   * @param progress receives progress lines (for stderr)
   */
  public EvalRun(EvalConfig config, UnspinFactory factory, LexiconDictionary lexicon, FingerprintMatcher baseline,
      Consumer<String> progress) {
    this.config = Objects.requireNonNull(config, "config");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.baseline = Objects.requireNonNull(baseline, "baseline");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Measures each cell with a profile learned from that cell's spun texts alone, as a user learns
   * one from a batch of a spinner's pages ({@code unspin profile learn --from-batch}): the
   * setting's restorer learns from the batch ({@link org.unspin.restore.Restorer#learnFromBatch},
   * no originals seen), {@link SubstitutionCounts#toProfile} keeps the substitutions of count
   * {@code minCount} or more restored in {@link SubstitutionCounts#DEFAULT_MIN_DOCUMENTS} documents
   * or more, and the clean and spun texts of the cell are checked and restored
   * with that profile added. 0 (the default): no batch profile.
   *
   * @return this
   */
  public EvalRun batchProfile(double minCount) {
    if (!(minCount >= 0) || Double.isInfinite(minCount)) {
      throw new IllegalArgumentException("minCount must be >= 0 and finite (got " + minCount + ")");
    }
    this.batchMinCount = minCount;
    return this;
  }

  /** Reads all usable documents of the split and keeps a seeded sample of {@code documents}, in sample order. */
  public static List<Document> sample(EvalConfig config) throws IOException {
    List<Document> all = new ArrayList<>();
    try (DocumentStream s = Corpora.open(config.corpora(), config.sources(), config.split(), null)) {
      for (Document d = s.read(); d != null; d = s.read()) {
        all.add(d);
      }
    }
    // seeded Fisher-Yates: the first n are the sample
    SplittableRandom rnd = new SplittableRandom(config.seed());
    int n = Math.min(config.documents(), all.size());
    for (int i = 0; i < n; i++) {
      int j = i + rnd.nextInt(all.size() - i);
      Document t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    if (n < 2) {
      throw new InputException("need at least 2 usable documents in the " + config.split().label() + " split of "
          + config.corpora() + " (got " + n + ")");
    }
    return new ArrayList<>(all.subList(0, n));
  }

  /** Runs every cell. */
  public Result run() throws IOException {
    long start = System.nanoTime();
    List<Document> docs = sample(config);
    long bytes = 0;
    for (Document d : docs) {
      bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
    }
    progress.accept(String.format(Locale.ROOT, "sampled %d documents (%.1f kB) of the %s split; %d rates x %d"
        + " settings on %d threads", docs.size(), bytes / 1e3, config.split().label(), config.rates().size(),
        config.settings().size(), config.threads()));
    List<CellResult> cells = new ArrayList<>();
    List<KindResult> kinds = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "eval-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      for (EvalSetting setting : config.settings()) {
        LexiconDictionary[] views = views(setting, lexicon, config.holdOut(), config.seed());
        long load = System.nanoTime();
        try (Unspin unspin = factory.create(views[1])) {
          unspin.detector(); // fail now, not in a worker, when no detector is available
          progress.accept(String.format(Locale.ROOT, "%s spinner: models ready in %.1f s", setting.label(),
              (System.nanoTime() - load) / 1e9));
          if (batchMinCount > 0) {
            runSettingWithBatchProfiles(setting, docs, views, unspin, pool, start, cells, kinds);
          } else {
            runSetting(setting, docs, views[0], unspin, pool, start, cells, kinds);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(cells, kinds, docs.size(), bytes, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The dictionaries of a setting: {@code {spinner's, restorer's}}. Known, consistent and protected:
   * {@code full} for both.
   * Unknown: the spinner gets {@code full.holdingOut(holdOut, seed).heldOut()}, the restorer
   * {@code full.holdingOut(holdOut, seed)}: complementary sets of entries.
   */
  public static LexiconDictionary[] views(EvalSetting setting, LexiconDictionary full, double holdOut, long seed) {
    if (setting != EvalSetting.UNKNOWN) {
      return new LexiconDictionary[] {full, full};
    }
    LexiconDictionary kept = full.holdingOut(holdOut, seed);
    return new LexiconDictionary[] {kept.heldOut(), kept};
  }

  private void runSetting(EvalSetting setting, List<Document> docs, LexiconDictionary spinDict, Unspin unspin,
      ExecutorService pool, long start, List<CellResult> cells, List<KindResult> kinds) {
    int n = docs.size();
    int k = config.rates().size();
    Outcome[] clean = new Outcome[n];
    Outcome[][] spun = new Outcome[k][n];
    eachDocument(pool, n, setting.label() + " spinner", start, doc -> {
      Document document = docs.get(doc);
      String text = document.text();
      clean[doc] = measure(unspin, text, text, List.of());
      for (int r = 0; r < k; r++) {
        SpunText s = spin(setting, spinDict, document, config.rates().get(r));
        if (s != null) {
          spun[r][doc] = measure(unspin, s.spun(), text, s.substitutions());
        }
      }
    });
    for (int r = 0; r < k; r++) {
      addCell(setting, config.rates().get(r), clean, spun[r], cells, kinds);
    }
  }

  /** {@link #batchProfile}: per rate, a profile learned from the cell's spun texts, then the cell measured with it. */
  private void runSettingWithBatchProfiles(EvalSetting setting, List<Document> docs, LexiconDictionary[] views,
      Unspin learner, ExecutorService pool, long start, List<CellResult> cells, List<KindResult> kinds) {
    int n = docs.size();
    for (double rate : config.rates()) {
      SpunText[] spunTexts = new SpunText[n];
      List<String> batch = new ArrayList<>(n);
      for (int d = 0; d < n; d++) {
        spunTexts[d] = spin(setting, views[0], docs.get(d), rate);
        if (spunTexts[d] != null) {
          batch.add(spunTexts[d].spun());
        }
      }
      long t0 = System.nanoTime();
      SubstitutionCounts counts = learner.restorer().learnFromBatch(batch, org.unspin.restore.AnalyzedTokens::of,
          (round, rounds, done) -> { }, config.threads());
      String label = String.format(Locale.ROOT, "%s spinner at %.2f", setting.label(), rate);
      SpinnerProfile profile = counts.toProfile("eval-batch", label + ", " + batch.size() + " spun documents",
          "unknown", "unknown", batchMinCount, SubstitutionCounts.DEFAULT_MIN_DOCUMENTS);
      progress.accept(String.format(Locale.ROOT, "%s: learned %d profile entries (%d substitutions) from %d spun"
          + " documents in %.1f s", label, profile.size(), counts.entries().size(), batch.size(),
          (System.nanoTime() - t0) / 1e9));
      Outcome[] clean = new Outcome[n];
      Outcome[] spun = new Outcome[n];
      try (Unspin unspin = factory.create(views[1], profile)) {
        eachDocument(pool, n, label + " with its batch profile", start, doc -> {
          String text = docs.get(doc).text();
          clean[doc] = measure(unspin, text, text, List.of());
          SpunText s = spunTexts[doc];
          if (s != null) {
            spun[doc] = measure(unspin, s.spun(), text, s.substitutions());
          }
        });
      }
      addCell(setting, rate, clean, spun, cells, kinds);
    }
  }

  /** The spun version of {@code document} at {@code rate}, or null when nothing was spun (not a spun document). */
  private SpunText spin(EvalSetting setting, LexiconDictionary spinDict, Document document, double rate) {
    SimulatorConfig habits = SimulatorConfig.of(rate, choice(config.seed(), document.id()))
        .withConsistent(setting == EvalSetting.CONSISTENT)
        .withProtectClosedClasses(setting == EvalSetting.PROTECTED || setting == EvalSetting.SPARING)
        .withMangleNames(setting != EvalSetting.SPARING);
    SpunText s = new SpinSimulator(spinDict, habits).spin(document.id(), document.text(),
        spinSeed(config.seed(), document.id(), rate));
    return s.substitutions().isEmpty() ? null : s;
  }

  /**
   * Runs {@code work} for documents 0 to {@code n - 1} on {@code pool}, reporting progress as
   * {@code label: done/n documents (s)} at every tenth, and waits for all of them.
   */
  private void eachDocument(ExecutorService pool, int n, String label, long start,
      java.util.function.IntConsumer work) {
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, n / 10);
    List<Future<?>> futures = new ArrayList<>(n);
    for (int d = 0; d < n; d++) {
      final int doc = d;
      futures.add(pool.submit(() -> {
        work.accept(doc);
        int c = done.incrementAndGet();
        if (c % step == 0 || c == n) {
          progress.accept(String.format(Locale.ROOT, "%s: %d/%d documents (%.0f s)", label, c, n,
              (System.nanoTime() - start) / 1e9));
        }
        return null;
      }));
    }
    awaitAll(futures);
  }

  private static void awaitAll(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnspinException("evaluation interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error er) {
          throw er;
        }
        throw new UnspinException("evaluation failed: " + c, c);
      }
    }
  }

  private void addCell(EvalSetting setting, double rate, Outcome[] clean, Outcome[] spun, List<CellResult> cells,
      List<KindResult> kinds) {
    cells.add(cell(setting, rate, clean, spun));
    int[] total = new int[KindResult.KINDS.size()];
    int[] reverted = new int[total.length];
    for (Outcome o : spun) {
      if (o != null) {
        for (int i = 0; i < total.length; i++) {
          total[i] += o.kindTotal()[i];
          reverted[i] += o.kindReverted()[i];
        }
      }
    }
    for (int i = 0; i < total.length; i++) {
      kinds.add(new KindResult(setting, rate, KindResult.KINDS.get(i), total[i], reverted[i]));
    }
  }

  /** The synonym choice of a document's spinner: a seeded coin, the same at every rate and setting. */
  static SimulatorConfig.Choice choice(long seed, String id) {
    return new SplittableRandom(seed ^ id.hashCode() * GOLDEN).nextBoolean() ? SimulatorConfig.Choice.FIRST
        : SimulatorConfig.Choice.RANDOM;
  }

  /** The seed of a document's spin at a rate (String.hashCode is specified, so this is stable across JVMs). */
  static long spinSeed(long seed, String id, double rate) {
    return new SplittableRandom(seed * GOLDEN + id.hashCode() * 31L + Double.doubleToLongBits(rate)).nextLong();
  }

  /** Restores and checks {@code text} (whose original is {@code original}), timing each step on this thread. */
  private Outcome measure(Unspin unspin, String text, String original, List<Substitution> substitutions) {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    RestoredText restored = unspin.restore(text);
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    long wall1 = System.nanoTime();
    CheckReport report = unspin.detector().check(text, restored);
    long cpu2 = THREADS.getCurrentThreadCpuTime();
    long wall2 = System.nanoTime();
    List<int[]> findings = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      findings.add(new int[] {f.start(), f.end()});
    }
    List<int[]> matches = new ArrayList<>();
    for (FingerprintMatch m : baseline.match(text)) {
      matches.add(new int[] {m.start(), m.end()});
    }
    List<int[]> truth = new ArrayList<>(substitutions.size());
    int[] kindTotal = new int[KindResult.KINDS.size()];
    int[] kindReverted = new int[kindTotal.length];
    for (Substitution sub : substitutions) {
      truth.add(new int[] {sub.spunStart(), sub.spunEnd()});
      int kind = KindResult.index(sub.kind());
      kindTotal[kind]++;
      if (EvalMetrics.reverts(restored.edits(), text, sub.spunStart(), sub.spunEnd(), sub.original())) {
        kindReverted[kind]++;
      }
    }
    String[] ref = EvalMetrics.words(original);
    int textErrors = text.equals(original) ? 0 : EvalMetrics.editDistance(ref, EvalMetrics.words(text));
    int restoredErrors = EvalMetrics.editDistance(ref, EvalMetrics.words(restored.text()));
    return new Outcome(report.spunProbability(), report.verdict() == Verdict.SPUN, findings, ref.length, textErrors,
        restoredErrors, text.getBytes(StandardCharsets.UTF_8).length, cpu1 - cpu0, wall1 - wall0, cpu2 - cpu0,
        wall2 - wall0, matches, truth, kindTotal,
        kindReverted);
  }

  /** Sums one cell: the spun outcomes of one rate (null where nothing was spun) against all clean ones. */
  static CellResult cell(EvalSetting setting, double rate, Outcome[] clean, Outcome[] spun) {
    int nClean = clean.length;
    int fp = 0;
    int baselineFp = 0;
    long cleanWords = 0;
    long overEdits = 0;
    for (Outcome o : clean) {
      fp += o.spun() ? 1 : 0;
      baselineFp += o.baselineMatches().isEmpty() ? 0 : 1;
      cleanWords += o.refWords();
      overEdits += o.restoredErrors();
    }
    int nSpun = 0;
    int tp = 0;
    int baselineTp = 0;
    long predicted = 0;
    long right = 0;
    long truths = 0;
    long found = 0;
    long basePredicted = 0;
    long baseRight = 0;
    long baseFound = 0;
    long words = 0;
    long spunErrors = 0;
    long restoredErrors = 0;
    long bytes = 0;
    long restoreCpu = 0;
    long restoreWall = 0;
    long checkCpu = 0;
    long checkWall = 0;
    List<Double> probs = new ArrayList<>();
    for (Outcome o : spun) {
      if (o == null) {
        continue;
      }
      nSpun++;
      tp += o.spun() ? 1 : 0;
      baselineTp += o.baselineMatches().isEmpty() ? 0 : 1;
      int[] m = EvalMetrics.overlapMatches(o.findings(), o.truth());
      predicted += o.findings().size();
      right += m[0];
      found += m[1];
      truths += o.truth().size();
      int[] b = EvalMetrics.overlapMatches(o.baselineMatches(), o.truth());
      basePredicted += o.baselineMatches().size();
      baseRight += b[0];
      baseFound += b[1];
      words += o.refWords();
      spunErrors += o.textErrors();
      restoredErrors += o.restoredErrors();
      bytes += o.bytes();
      restoreCpu += o.restoreCpu();
      restoreWall += o.restoreWall();
      checkCpu += o.checkCpu();
      checkWall += o.checkWall();
      probs.add(o.probability());
    }
    double[] p = new double[nClean + probs.size()];
    int[] y = new int[p.length];
    for (int i = 0; i < nClean; i++) {
      p[i] = clean[i].probability();
    }
    for (int i = 0; i < probs.size(); i++) {
      p[nClean + i] = probs.get(i);
      y[nClean + i] = 1;
    }
    double docP = EvalMetrics.ratio(tp, tp + fp);
    double docR = EvalMetrics.ratio(tp, nSpun);
    double spanP = EvalMetrics.ratio(right, predicted);
    double spanR = EvalMetrics.ratio(found, truths);
    double werSpun = EvalMetrics.ratio(spunErrors, words);
    double werRestored = EvalMetrics.ratio(restoredErrors, words);
    double baseP = EvalMetrics.ratio(baselineTp, baselineTp + baselineFp);
    double baseR = EvalMetrics.ratio(baselineTp, nSpun);
    return new CellResult(setting, rate, nSpun, nClean, docP, docR, EvalMetrics.f1(docP, docR),
        EvalMetrics.auc(p, y), EvalMetrics.ratio(fp, nClean), spanP, spanR, EvalMetrics.f1(spanP, spanR), werSpun,
        werRestored, EvalMetrics.ratio(spunErrors - restoredErrors, spunErrors),
        EvalMetrics.ratio(overEdits, cleanWords), mbPerSecond(bytes, checkCpu), mbPerSecond(bytes, restoreCpu),
        mbPerSecond(bytes, checkWall), mbPerSecond(bytes, restoreWall), baseP, baseR, EvalMetrics.f1(baseP, baseR),
        EvalMetrics.ratio(baselineFp, nClean), EvalMetrics.ratio(baseRight, basePredicted),
        EvalMetrics.ratio(baseFound, truths));
  }

  private static double mbPerSecond(long bytes, long nanos) {
    return nanos <= 0 ? Double.NaN : bytes / 1e6 / (nanos / 1e9);
  }
}
