package org.unspin.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.Edit;
import org.unspin.api.UnspinException;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.restore.EditReranker;
import org.unspin.restore.ProposedEdit;
import org.unspin.restore.Restorer;

/**
 * Trains an {@link EditReranker}: every clean document is restored as it is (each proposed edit
 * is wrong) and after a randomized simulated spinner ({@link SimulatorConfig#random}) rewrote it
 * (an edit is right when it puts back the original of a substitution it covers, ignoring case, the
 * rule of the evaluation's "reverted"). Documents are split by a seeded shuffle into train and dev;
 * a logistic regression is fitted on the standardized train edits; the dev figures (per edit and
 * as errors removed / over-edits at the threshold) go into the provenance.
 *
 * <p>It lives in {@code detect} because it reuses {@link LogisticRegression}; the restorer only
 * reads the model. Deterministic for the same inputs (the restorer is deterministic and results
 * are gathered in document order whatever the thread count).
 */
public final class EditRerankerTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(EditRerankerTrainer.class);
  private static final double MIN_SCALE = 1e-9;

  /**
   * Settings.
   *
   * @param seed seeds the split and the spinners
   * @param devShare share of documents held out for the reported figures, in (0, 1)
   * @param l2 L2 penalty on the standardized weights, {@code >= 0}
   * @param threshold the model's acceptance threshold, in [0, 1]
   * @param threads worker threads for restoring, {@code >= 1}
   * @param consistentShare share of the spun documents whose spinner decides once per dictionary
   *     entry ({@link SimulatorConfig#consistent()}), in [0, 1]
   * @param protectShare share of the spun documents whose spinner leaves closed-class words alone
   *     ({@link SimulatorConfig#protectClosedClasses()}), in [0, 1], drawn independently
   * @param unknownShare share of the spun documents whose spinner uses dictionary entries the
   *     restorer does not have (the trainer's unknown restorer and dictionary, {@link
   *     #EditRerankerTrainer(Restorer, SynonymDictionary, Restorer, SynonymDictionary, Config)}), in
   *     [0, 1], drawn independently; 0 without them
   */
  public record Config(long seed, double devShare, double l2, double threshold, int threads, double consistentShare,
      double protectShare, double unknownShare) {
    /** Settings with no unknown spinner ({@code unknownShare} 0). */
    public Config(long seed, double devShare, double l2, double threshold, int threads, double consistentShare,
        double protectShare) {
      this(seed, devShare, l2, threshold, threads, consistentShare, protectShare, 0);
    }

    /** Settings with every spinner deciding each occurrence anew and spinning every word ({@code 0} shares). */
    public Config(long seed, double devShare, double l2, double threshold, int threads) {
      this(seed, devShare, l2, threshold, threads, 0, 0);
    }

    /** Settings with no protecting spinner ({@code protectShare} 0). */
    public Config(long seed, double devShare, double l2, double threshold, int threads, double consistentShare) {
      this(seed, devShare, l2, threshold, threads, consistentShare, 0);
    }

    public Config {
      if (!(consistentShare >= 0 && consistentShare <= 1)) {
        throw new IllegalArgumentException("consistentShare must be in [0, 1] (got " + consistentShare + ")");
      }
      if (!(protectShare >= 0 && protectShare <= 1)) {
        throw new IllegalArgumentException("protectShare must be in [0, 1] (got " + protectShare + ")");
      }
      if (!(unknownShare >= 0 && unknownShare <= 1)) {
        throw new IllegalArgumentException("unknownShare must be in [0, 1] (got " + unknownShare + ")");
      }
      if (!(devShare > 0 && devShare < 1)) {
        throw new IllegalArgumentException("devShare must be in (0, 1) (got " + devShare + ")");
      }
      if (!(l2 >= 0) || Double.isInfinite(l2)) {
        throw new IllegalArgumentException("l2 must be >= 0 and finite (got " + l2 + ")");
      }
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in [0, 1] (got " + threshold + ")");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
      }
    }
  }

  /** One labelled edit. */
  record Example(double[] x, boolean right, boolean clean) {}

  /**
   * The model and its dev figures.
   *
   * @param model the reranker
   * @param devEdits proposed edits on the dev documents
   * @param devPrecision share of accepted dev edits (spun documents) that are right
   * @param devRecall share of the right dev edits accepted
   * @param devCleanEditsPer100Words accepted edits on the clean dev documents per 100 words
   */
  public record Result(EditReranker model, int devEdits, double devPrecision, double devRecall,
      double devCleanEditsPer100Words) {}

  private final Restorer restorer;
  private final SynonymDictionary dictionary;
  private final Restorer unknownRestorer;
  private final SynonymDictionary unknownDictionary;
  private final Config config;

  /**
   * @param restorer proposes the edits; give it no reranker (its edits are what the model judges)
   * @param dictionary the simulated spinner's dictionary
   * @throws IllegalArgumentException if {@code config} asks for unknown spinners
   */
  public EditRerankerTrainer(Restorer restorer, SynonymDictionary dictionary, Config config) {
    this(restorer, dictionary, null, null, config);
  }

  /**
   * A trainer that also meets spinners whose dictionary is not the restorer's: a seeded share
   * ({@link Config#unknownShare()}) of the spun documents is spun over {@code unknownDictionary}
   * and restored by {@code unknownRestorer} (for example a lexicon's held-out entries and a
   * restorer over the rest, as {@code eval run}'s unknown setting does), so that the model learns
   * what a right edit looks like where the channel does not know the spinner's entry. The clean
   * documents are always restored by {@code restorer}.
   *
   * @throws IllegalArgumentException if exactly one of the unknown pair is given, or if the share
   *     is above 0 without them
   */
  public EditRerankerTrainer(Restorer restorer, SynonymDictionary dictionary, Restorer unknownRestorer,
      SynonymDictionary unknownDictionary, Config config) {
    this.restorer = Objects.requireNonNull(restorer, "restorer");
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.config = Objects.requireNonNull(config, "config");
    if ((unknownRestorer == null) != (unknownDictionary == null)) {
      throw new IllegalArgumentException("give both the unknown restorer and its spinner's dictionary, or neither");
    }
    if (unknownRestorer == null && config.unknownShare() > 0) {
      throw new IllegalArgumentException("unknownShare " + config.unknownShare()
          + " needs an unknown restorer and dictionary");
    }
    this.unknownRestorer = unknownRestorer;
    this.unknownDictionary = unknownDictionary;
  }

  /** Whether {@code e} puts back the original of a substitution it covers (the evaluation's rule). */
  static boolean right(Edit e, String spun, List<Substitution> subs) {
    for (Substitution s : subs) {
      if (e.start() <= s.spunStart() && e.end() >= s.spunEnd()) {
        String expected = spun.substring(e.start(), s.spunStart()) + s.original() + spun.substring(s.spunEnd(), e.end());
        if (expected.toLowerCase(Locale.ROOT).equals(e.suggestion().toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Per document: its examples (clean first, then spun) and its word count. */
  private record DocExamples(List<Example> examples, int words) {}

  private DocExamples examples(int i, String clean) {
    List<Example> out = new ArrayList<>();
    for (ProposedEdit p : restorer.proposals(clean)) {
      out.add(new Example(p.features(), false, true));
    }
    long spinSeed = new SplittableRandom(config.seed() * 31 + i).nextLong();
    SimulatorConfig habits = SimulatorConfig.random(spinSeed);
    if (config.consistentShare() > 0
        && new SplittableRandom(spinSeed ^ 0x2545F4914F6CDD1DL).nextDouble() < config.consistentShare()) {
      habits = habits.withConsistent(true);
    }
    habits = habits.withProtectClosedClasses(config.protectShare(), spinSeed);
    boolean unknown = config.unknownShare() > 0
        && new SplittableRandom(spinSeed ^ 0x6A09E667F3BCC909L).nextDouble() < config.unknownShare();
    SpunText spun = new SpinSimulator(unknown ? unknownDictionary : dictionary, habits).spin("doc" + i, clean,
        spinSeed);
    if (!spun.substitutions().isEmpty()) {
      for (ProposedEdit p : (unknown ? unknownRestorer : restorer).proposals(spun.spun())) {
        out.add(new Example(p.features(), right(p.edit(), spun.spun(), spun.substitutions()), false));
      }
    }
    return new DocExamples(out, clean.split("\\s+").length);
  }

  /**
   * Trains on {@code documents} (clean text, one document each).
   *
   * @param provenance the caller's notes (source, licence); settings and figures are added
   */
  public Result train(List<String> documents, Map<String, String> provenance, DetectorTrainer.Progress progress) {
    int n = documents.size();
    if (n < 4) {
      throw new IllegalArgumentException("need at least 4 documents (got " + n + ")");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(config.seed());
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int nDev = Math.max(1, (int) Math.round(n * config.devShare()));
    boolean[] dev = new boolean[n];
    for (int k = 0; k < nDev; k++) {
      dev[order[k]] = true;
    }
    DocExamples[] per = new DocExamples[n];
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      List<Future<DocExamples>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int doc = i;
        futures.add(pool.submit(() -> examples(doc, documents.get(doc))));
      }
      for (int i = 0; i < n; i++) {
        per[i] = futures.get(i).get();
        progress.documentsDone(i + 1, n);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnspinException("interrupted while restoring training documents", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new UnspinException("restoring a training document failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<Example> train = new ArrayList<>();
    List<Example> devEx = new ArrayList<>();
    long devCleanWords = 0;
    for (int i = 0; i < n; i++) {
      (dev[i] ? devEx : train).addAll(per[i].examples());
      if (dev[i]) {
        devCleanWords += per[i].words();
      }
    }
    int trainRight = (int) train.stream().filter(Example::right).count();
    if (trainRight == 0 || trainRight == train.size()) {
      throw new IllegalArgumentException("the training edits need both right and wrong ones (got " + trainRight
          + " right of " + train.size() + ")");
    }
    int d = EditReranker.FEATURES.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (Example e : train) {
      for (int j = 0; j < d; j++) {
        mean[j] += e.x()[j] / train.size();
      }
    }
    for (Example e : train) {
      for (int j = 0; j < d; j++) {
        scale[j] += (e.x()[j] - mean[j]) * (e.x()[j] - mean[j]) / train.size();
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j]);
      if (!(scale[j] >= MIN_SCALE)) {
        scale[j] = 1;
      }
    }
    double[][] x = new double[train.size()][];
    int[] y = new int[train.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = standardize(train.get(i).x(), mean, scale);
      y[i] = train.get(i).right() ? 1 : 0;
    }
    LogisticRegression.Fit fit = LogisticRegression.fit(x, y, config.l2());
    Map<String, String> prov = new LinkedHashMap<>(provenance);
    EditReranker model = new EditReranker(mean, scale, fit.weights(), fit.bias(), config.threshold(), Map.of());
    int acceptedRight = 0;
    int acceptedWrongSpun = 0;
    int rightTotal = 0;
    int acceptedClean = 0;
    for (Example e : devEx) {
      boolean accept = model.probability(e.x()) >= config.threshold();
      if (e.clean()) {
        acceptedClean += accept ? 1 : 0;
      } else {
        rightTotal += e.right() ? 1 : 0;
        acceptedRight += accept && e.right() ? 1 : 0;
        acceptedWrongSpun += accept && !e.right() ? 1 : 0;
      }
    }
    double precision = ratio(acceptedRight, acceptedRight + acceptedWrongSpun);
    double recall = ratio(acceptedRight, rightTotal);
    double cleanPer100 = ratio(100.0 * acceptedClean, devCleanWords);
    prov.put("documents_train_dev", (n - nDev) + " / " + nDev);
    prov.put("edits_train", train.size() + " (" + trainRight + " right)");
    prov.put("edits_dev", devEx.size() + " (" + rightTotal + " right in spun documents)");
    prov.put("simulator", "SpinSimulator per document with SimulatorConfig.random: rate uniform in 0.1-0.8, first or"
        + " random synonym, morphology errors 0-1, names mangled or not"
        + (config.consistentShare() > 0 ? String.format(Locale.ROOT, ", consistent (one decision per dictionary"
            + " entry and document) for a seeded share %s of the documents", config.consistentShare()) : "")
        + (config.protectShare() > 0 ? String.format(Locale.ROOT, ", closed-class words left alone for a seeded"
            + " share %s of the documents", config.protectShare()) : "")
        + (config.unknownShare() > 0 ? String.format(Locale.ROOT, ", an unknown spinner (the trainer's other"
            + " dictionary, restored by a restorer without its entries) for a seeded share %s of the documents",
            config.unknownShare()) : "")
        + "; each document also restored clean");
    prov.put("trainer", String.format(Locale.ROOT, "seed=%d dev_share=%s l2=%s newton_iterations=%d",
        config.seed(), config.devShare(), config.l2(), fit.iterations()));
    prov.put("dev_at_threshold", String.format(Locale.ROOT,
        "precision %.4f, recall %.4f of the right proposals (spun documents); %.3f accepted edits per 100 clean"
            + " words", precision, recall, cleanPer100));
    EditReranker withProv = new EditReranker(mean, scale, fit.weights(), fit.bias(), config.threshold(), prov);
    LOG.info("edit reranker: {} train edits, dev precision {} recall {}", train.size(), precision, recall);
    return new Result(withProv, devEx.size(), precision, recall, cleanPer100);
  }

  private static double[] standardize(double[] x, double[] mean, double[] scale) {
    double[] z = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      z[j] = (x[j] - mean[j]) / scale[j];
    }
    return z;
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }
}
