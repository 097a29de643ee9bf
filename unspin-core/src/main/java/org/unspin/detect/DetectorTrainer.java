package org.unspin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.restore.Restorer;

/**
 * Trains a {@link DetectorModel} from clean documents: each document gives a clean example and,
 * spun by a {@link SpinSimulator} over a {@link SynonymDictionary} with a randomized spinner
 * (rate uniform in {@link TrainerConfig#minRate()}..{@link TrainerConfig#maxRate()}, first or
 * random synonym, morphology errors, names mangled or not), a spun example (dropped when the spinner found nothing to replace). Both
 * are restored and analyzed; documents are split by a seeded shuffle into train and dev (a
 * document's clean and spun versions stay on the same side). The logistic regression is fitted on
 * standardized train features, Platt scaling on the dev logits, and the dev figures go into the
 * model's provenance.
 *
 * <p>Deterministic for the same documents, components and config. Not thread-safe per call
 * (progress callbacks run on the caller's thread); the instance itself holds no state.
 *
 * <p>The shipped model must be trained on permissively licensed text only (DESIGN.md §4); the
 * caller records what it used in the provenance map.
 */
public final class DetectorTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(DetectorTrainer.class);
  /** A standard deviation below this counts as a constant feature (scale 1). */
  private static final double MIN_SCALE = 1e-9;

  private final Restorer restorer;
  private final SignalAnalyzer analyzer;
  private final SynonymDictionary dictionary;
  private final TrainerConfig config;

  /** Receives progress: documents done out of the total. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void documentsDone(int done, int total);
  }

  /**
   * The trained model and the figures it reached on the dev documents.
   *
   * @param model the model, provenance filled in
   * @param dev figures on the dev examples after calibration
   */
  public record Result(DetectorModel model, Evaluation dev) {}

  /**
   * Detection figures on labelled examples.
   *
   * @param examples how many
   * @param positives how many are spun
   * @param auc ROC area under the curve (ties count half)
   * @param logLoss mean negative log-likelihood of the calibrated probabilities (natural log)
   * @param accuracy share right at probability 0.5
   * @param recallAtSpun share of spun examples with verdict spun
   * @param falsePositiveRate share of clean examples with verdict spun
   */
  public record Evaluation(int examples, int positives, double auc, double logLoss, double accuracy,
      double recallAtSpun, double falsePositiveRate) {}

  public DetectorTrainer(Restorer restorer, SignalAnalyzer analyzer, SynonymDictionary dictionary,
      TrainerConfig config) {
    this.restorer = Objects.requireNonNull(restorer, "restorer");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Trains on {@code documents}.
   *
   * @param documents clean texts, one document each
   * @param provenance what the caller knows about the data (source, licence, command); the
   *     trainer adds its settings, counts and dev figures after these entries
   * @throws IllegalArgumentException when too few usable documents remain for both splits
   */
  public Result train(List<String> documents, Map<String, String> provenance, Progress progress) {
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (wordCount(documents.get(i)) >= config.minWords()) {
        usable.add(i);
      }
    }
    int skipped = documents.size() - usable.size();
    // seeded Fisher-Yates shuffle, then the first devShare of the documents go to dev
    SplittableRandom rnd = new SplittableRandom(config.seed());
    for (int i = usable.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Integer t = usable.get(i);
      usable.set(i, usable.get(j));
      usable.set(j, t);
    }
    int nDev = (int) Math.round(usable.size() * config.devShare());
    if (nDev < 1 || usable.size() - nDev < 1) {
      throw new IllegalArgumentException("need at least one train and one dev document of " + config.minWords()
          + "+ words (got " + usable.size() + " usable of " + documents.size() + ")");
    }
    boolean[] dev = new boolean[documents.size()];
    for (int k = 0; k < nDev; k++) {
      dev[usable.get(k)] = true;
    }
    List<double[]> trainX = new ArrayList<>();
    List<Integer> trainY = new ArrayList<>();
    List<double[]> devX = new ArrayList<>();
    List<Integer> devY = new ArrayList<>();
    int noSubs = 0;
    int done = 0;
    List<Integer> inOrder = new ArrayList<>(usable);
    inOrder.sort(null);
    for (int i : inOrder) {
      String clean = documents.get(i);
      List<double[]> xs = dev[i] ? devX : trainX;
      List<Integer> ys = dev[i] ? devY : trainY;
      xs.add(features(clean));
      ys.add(0);
      SpinSimulator sim = new SpinSimulator(dictionary, spinnerFor(i));
      SpunText spun = sim.spin("doc" + i, clean, new SplittableRandom(config.seed()).split().nextLong() + i);
      if (spun.substitutions().isEmpty()) {
        noSubs++;
      } else {
        xs.add(features(spun.spun()));
        ys.add(1);
      }
      progress.documentsDone(++done, inOrder.size());
    }
    int[] ytr = trainY.stream().mapToInt(Integer::intValue).toArray();
    int[] ydev = devY.stream().mapToInt(Integer::intValue).toArray();
    double[][] xtr = trainX.toArray(new double[0][]);
    double[][] xdev = devX.toArray(new double[0][]);
    requireBothLabels(ytr, "train");
    requireBothLabels(ydev, "dev");

    List<String> names = analyzer.featureNames();
    int d = names.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] x : xtr) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[j] / xtr.length;
      }
    }
    for (double[] x : xtr) {
      for (int j = 0; j < d; j++) {
        scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / xtr.length;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j]);
      if (!(scale[j] >= MIN_SCALE)) {
        scale[j] = 1;
      }
    }
    LogisticRegression.Fit fit = LogisticRegression.fit(standardize(xtr, mean, scale), ytr, config.l2());
    double[] devLogits = new double[xdev.length];
    double[][] sdev = standardize(xdev, mean, scale);
    for (int i = 0; i < sdev.length; i++) {
      devLogits[i] = fit.logit(sdev[i]);
    }
    PlattCalibration platt = PlattCalibration.fit(devLogits, ydev);
    double[] devP = new double[devLogits.length];
    for (int i = 0; i < devP.length; i++) {
      devP[i] = platt.probability(devLogits[i]);
    }
    Evaluation ev = evaluate(devP, ydev, config.spunThreshold());
    LOG.info("detector trained: {} train and {} dev examples, dev AUC {}", xtr.length, xdev.length, ev.auc());

    List<DetectorModel.Feature> feats = new ArrayList<>();
    double[] w = fit.weights();
    for (int j = 0; j < d; j++) {
      feats.add(new DetectorModel.Feature(names.get(j), mean[j], scale[j], w[j]));
    }
    Map<String, String> prov = new LinkedHashMap<>(provenance);
    prov.put("documents", Integer.toString(documents.size()));
    prov.put("documents_too_short", skipped + " (under " + config.minWords() + " words)");
    prov.put("documents_train_dev", (usable.size() - nDev) + " / " + nDev);
    prov.put("examples_train", xtr.length + " (" + count(ytr) + " spun)");
    prov.put("examples_dev", xdev.length + " (" + count(ydev) + " spun)");
    prov.put("spun_without_substitutions", Integer.toString(noSubs));
    prov.put("simulator", String.format(Locale.ROOT, "SpinSimulator per document: rate uniform in %s-%s, first or"
        + " random synonym, morphology errors 0-1, names mangled or not", config.minRate(), config.maxRate()));
    prov.put("trainer", String.format(Locale.ROOT, "seed=%d dev_share=%s l2=%s min_words=%d newton_iterations=%d",
        config.seed(), config.devShare(), config.l2(), config.minWords(), fit.iterations()));
    prov.put("dev_auc", fmt(ev.auc()));
    prov.put("dev_log_loss", fmt(ev.logLoss()));
    prov.put("dev_accuracy_at_0.5", fmt(ev.accuracy()));
    prov.put("dev_recall_at_spun_threshold", fmt(ev.recallAtSpun()));
    prov.put("dev_false_positive_rate_at_spun_threshold", fmt(ev.falsePositiveRate()));
    DetectorModel model = new DetectorModel(feats, fit.bias(), platt, config.spunThreshold(), config.cleanThreshold(),
        prov);
    return new Result(model, ev);
  }

  /**
   * Keeps {@code model}'s features, weights and thresholds and fits a new calibration that reads
   * the length ({@link PlattCalibration#fitWithLength}) on every document of {@code documents} with
   * {@link TrainerConfig#minWords()} or more words, each as it is (clean) and spun by the spinner
   * {@link #spinnerFor} gives it, at the length the caller gives it. Since
   * session 24: the shipped weights were fitted on texts of 25 to 400 words and score longer texts'
   * evidence too low; refitting the weights themselves on today's restorer did worse on news dev
   * (BENCHMARKS.md §7n). The figures of the result are in-sample (every document is used to fit).
   *
   * @param provenance entries to add (source of the documents, command); the model's own are kept
   * @throws IllegalArgumentException without both a clean and a spun usable example
   */
  public Result recalibrate(DetectorModel model, List<String> documents, Map<String, String> provenance,
      Progress progress) {
    List<String> names = model.featureNames();
    int lengthIndex = analyzer.featureNames().indexOf(DocumentFeatures.LOG_LENGTH);
    if (lengthIndex < 0) {
      throw new IllegalArgumentException("the analyzer has no feature " + DocumentFeatures.LOG_LENGTH);
    }
    List<Double> logits = new ArrayList<>();
    List<Double> lengths = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int usable = 0;
    for (int i = 0; i < documents.size(); i++) {
      String clean = documents.get(i);
      if (wordCount(clean) < config.minWords()) {
        progress.documentsDone(i + 1, documents.size());
        continue;
      }
      usable++;
      SpinSimulator sim = new SpinSimulator(dictionary, spinnerFor(i));
      SpunText spun = sim.spin("doc" + i, clean, new SplittableRandom(config.seed()).split().nextLong() + i);
      for (int label = 0; label < 2; label++) {
        if (label == 1 && spun.substitutions().isEmpty()) {
          continue;
        }
        String text = label == 0 ? clean : spun.spun();
        DocumentFeatures all = analyzer.analyze(text, restorer.restore(text).forScoring()).features();
        logits.add(model.logit(all.select(names)));
        lengths.add(all.value(lengthIndex));
        labels.add(label);
      }
      progress.documentsDone(i + 1, documents.size());
    }
    double[] z = logits.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ll = lengths.stream().mapToDouble(Double::doubleValue).toArray();
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    requireBothLabels(y, "calibration");
    PlattCalibration platt = PlattCalibration.fitWithLength(z, ll, y);
    double[] before = new double[z.length];
    double[] after = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      before[i] = model.calibration().probability(z[i], ll[i]); // (a calibration without a length term ignores it)
      after[i] = platt.probability(z[i], ll[i]);
    }
    Evaluation evBefore = evaluate(before, y, model.spunThreshold());
    Evaluation ev = evaluate(after, y, model.spunThreshold());
    LOG.info("detector recalibrated on {} examples: a={} b={} c={} m={}", y.length, platt.a(), platt.b(),
        platt.lengthSlope(), platt.lengthCenter());
    Map<String, String> prov = new LinkedHashMap<>(model.provenance());
    prov.putAll(provenance);
    prov.put("calibration_documents", usable + " of " + documents.size() + " (" + config.minWords() + "+ words)");
    prov.put("calibration_examples", y.length + " (" + count(y) + " spun)");
    prov.put("calibration_simulator", String.format(Locale.ROOT, "SpinSimulator per document: rate uniform in %s-%s,"
        + " first or random synonym, morphology errors 0-1, names mangled or not", config.minRate(), config.maxRate()));
    prov.put("calibration_fit", String.format(Locale.ROOT, "p = 1 / (1 + exp(-(%s z + %s + %s (log_length - %s))))"
        + "; before: %s z + %s", fmt(platt.a()), fmt(platt.b()), fmt(platt.lengthSlope()), fmt(platt.lengthCenter()),
        fmt(model.calibration().a()), fmt(model.calibration().b())));
    prov.put("calibration_in_sample", String.format(Locale.ROOT, "log loss %s -> %s; recall %s -> %s and"
        + " false-positive rate %s -> %s at spun >= %s", fmt(evBefore.logLoss()), fmt(ev.logLoss()),
        fmt(evBefore.recallAtSpun()), fmt(ev.recallAtSpun()), fmt(evBefore.falsePositiveRate()),
        fmt(ev.falsePositiveRate()), model.spunThreshold()));
    DetectorModel out = new DetectorModel(model.features(), model.bias(), platt, model.spunThreshold(),
        model.cleanThreshold(), prov);
    return new Result(out, ev);
  }

  /**
   * The simulated spinner of document {@code i}: habits from {@link SimulatorConfig#random(long)}
   * with the rate drawn uniformly from the config's range. The seed is mixed first:
   * {@code SimulatorConfig.random} uses {@link java.util.Random}, whose first draws for
   * consecutive seeds are nearly equal, which gave every document the same rate.
   */
  SimulatorConfig spinnerFor(int i) {
    SplittableRandom r = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + i);
    SimulatorConfig habits = SimulatorConfig.random(r.nextLong());
    double rate = config.minRate() + (config.maxRate() - config.minRate()) * r.nextDouble();
    return new SimulatorConfig(rate, habits.choice(), habits.morphologyErrorRate(), habits.mangleNames(),
        habits.maxPhraseWords());
  }

  private double[] features(String text) {
    return analyzer.analyze(text, restorer.restore(text).forScoring()).features().values();
  }

  private static double[][] standardize(double[][] x, double[] mean, double[] scale) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    return out;
  }

  private static void requireBothLabels(int[] y, String split) {
    int pos = count(y);
    if (pos == 0 || pos == y.length) {
      throw new IllegalArgumentException("the " + split + " split needs clean and spun examples (got " + y.length
          + " examples, " + pos + " spun); give more documents or a dictionary that covers their words");
    }
  }

  private static int count(int[] y) {
    int s = 0;
    for (int v : y) {
      s += v;
    }
    return s;
  }

  /** Figures of probabilities {@code p} against labels {@code y}; verdict spun at {@code spunThreshold}. */
  public static Evaluation evaluate(double[] p, int[] y, double spunThreshold) {
    int n = p.length;
    int pos = count(y);
    int neg = n - pos;
    double logLoss = 0;
    int right = 0;
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < n; i++) {
      double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
      logLoss -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
      if ((p[i] >= 0.5) == (y[i] == 1)) {
        right++;
      }
      if (p[i] >= spunThreshold) {
        if (y[i] == 1) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return new Evaluation(n, pos, auc(p, y), n == 0 ? Double.NaN : logLoss / n, n == 0 ? Double.NaN
        : (double) right / n, pos == 0 ? Double.NaN : (double) tp / pos, neg == 0 ? Double.NaN : (double) fp / neg);
  }

  /** ROC AUC by ranks (Mann-Whitney U), ties counted half; NaN without both classes. */
  public static double auc(double[] p, int[] y) {
    int n = p.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
    double rankSumPos = 0;
    int pos = 0;
    for (int i = 0; i < n;) {
      int j = i;
      while (j < n && p[idx[j]] == p[idx[i]]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0; // mean 1-based rank of the tie group
      for (int k = i; k < j; k++) {
        if (y[idx[k]] == 1) {
          rankSumPos += rank;
          pos++;
        }
      }
      i = j;
    }
    int neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  private static int wordCount(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
