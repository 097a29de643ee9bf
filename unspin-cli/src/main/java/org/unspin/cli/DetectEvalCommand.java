package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.unspin.api.InputException;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.TsvSynonymDictionary;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.detect.Detector;
import org.unspin.detect.DetectorConfig;
import org.unspin.detect.DetectorModel;
import org.unspin.detect.DetectorTrainer;
import org.unspin.detect.SignalAnalyzer;
import org.unspin.detect.TrainingDictionaries;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.DefaultModels;
import org.unspin.lm.LanguageModel;
import org.unspin.restore.Restorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin detect eval}: figures of a detector model on clean documents and simulated spins of them. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {"Evaluate a detector model: every clean document is checked as it is and after a simulated"
        + " spinner rewrote it over --dictionary at each --rates value (first synonym for even documents, a random"
        + " one for odd; half the irregular participles wrong; names mangled).",
        "Prints a TSV table on stdout: setting, documents, ROC AUC and, at the spun threshold, recall, precision"
            + " and F1 of verdict=spun against the clean documents, and the clean false-positive rate.",
        "--documents lines: one document per line (.txt/.txt.gz); files: each file one document (news corpora).",
        "Progress goes to stderr."})
public final class DetectEvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Detector model (TSV).")
  Path model;

  @Option(names = "--clean", required = true, paramLabel = "DIR|FILE", description = "Clean documents (repeatable).")
  List<Path> clean;

  @Option(names = "--documents", paramLabel = "lines|files", defaultValue = "lines",
      description = "How inputs hold documents (default ${DEFAULT-VALUE}).")
  String documents;

  @Option(names = "--dictionary", required = true, paramLabel = "FILE",
      description = "Synonym dictionary (TSV) of the simulated spinner and, reversed, of the restorer.")
  Path dictionary;

  @Option(names = "--spinner-dictionary", paramLabel = "FILE", description = "A different dictionary for the"
      + " simulated spinner (an unknown spinner: the restorer only knows --dictionary).")
  Path spinnerDictionary;

  @Option(names = "--fingerprint-spins", description = "Put the tortured-phrase list's entries (expected ->"
      + " tortured phrase) in front of the dictionary, for the spinner and the restorer, so that spins contain known"
      + " tortured phrases.")
  boolean fingerprintSpins;

  @Option(names = "--lm", paramLabel = "FILE", description = "Language model; default: the embedded model.")
  Path lm;

  @Option(names = "--fingerprints", paramLabel = "FILE", description = "Tortured-phrase list (PPS CSV); default:"
      + " the shipped list.")
  Path fingerprints;

  @Option(names = "--rates", paramLabel = "R,R,...", split = ",", defaultValue = "0.1,0.2,0.4,0.8",
      description = "Spinner replacement rates (default ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(names = "--threshold", paramLabel = "P", description = "Spun threshold (default: the model's).")
  Double threshold;

  @Option(names = "--max-docs", paramLabel = "N", defaultValue = "200",
      description = "Use the first N documents in path order (default ${DEFAULT-VALUE}).")
  int maxDocs;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000",
      description = "Cut longer documents at the last space before N chars (default ${DEFAULT-VALUE}).")
  int maxChars;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the spinners (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    DetectDocuments mode = switch (documents.toLowerCase(Locale.ROOT)) {
      case "lines" -> DetectDocuments.LINES;
      case "files" -> DetectDocuments.FILES;
      default -> throw new InputException("--documents must be 'lines' or 'files' (got '" + documents + "')");
    };
    for (double r : rates) {
      if (!(r > 0 && r <= 1)) {
        throw new InputException("--rates must be in (0, 1] (got " + r + ")");
      }
    }
    DetectorModel m = DetectorModel.load(model);
    double spunAt = threshold == null ? m.spunThreshold() : threshold;
    if (!(spunAt >= 0 && spunAt <= 1)) {
      throw new InputException("--threshold must be in [0, 1] (got " + spunAt + ")");
    }
    List<String> docs = mode.read(clean, maxDocs, maxChars, err);
    SynonymDictionary dict = TsvSynonymDictionary.load(dictionary);
    SynonymDictionary spinDict = spinnerDictionary == null ? dict : TsvSynonymDictionary.load(spinnerDictionary);
    FingerprintList list = fingerprints == null ? FingerprintList.loadDefault() : FingerprintList.load(fingerprints);
    FingerprintMatcher matcher = new FingerprintMatcher(list);
    if (fingerprintSpins) {
      SynonymDictionary fp = TrainingDictionaries.fromFingerprints(list);
      dict = TrainingDictionaries.merge(fp, dict);
      spinDict = TrainingDictionaries.merge(fp, spinDict);
    }
    LanguageModel lang = lm == null ? DefaultModels.languageModel() : BinaryLm.open(lm);
    try {
      Restorer restorer = Restorer.builder(lang).candidates(new DictionaryCandidates(dict)).build();
      DetectorConfig dc = DetectorConfig.DEFAULTS.withThresholds(spunAt, Math.min(spunAt, m.cleanThreshold()));
      Detector det = new Detector(new SignalAnalyzer(lang, SignalAnalyzer.standardRules(matcher), dc), m);
      int n = docs.size();
      double[][] p = new double[rates.size() + 1][n];
      long start = System.nanoTime();
      for (int d = 0; d < n; d++) {
        String text = docs.get(d);
        p[0][d] = det.check(text, restorer.restore(text)).spunProbability();
        for (int k = 0; k < rates.size(); k++) {
          SimulatorConfig cfg = new SimulatorConfig(rates.get(k), d % 2 == 0 ? SimulatorConfig.Choice.FIRST
              : SimulatorConfig.Choice.RANDOM, 0.5, true, 3);
          long s = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + d * 31L + k).nextLong();
          String spun = new SpinSimulator(spinDict, cfg).spin("doc" + d, text, s).spun();
          p[k + 1][d] = det.check(spun, restorer.restore(spun)).spunProbability();
        }
        if ((d + 1) % Math.max(1, n / 10) == 0 || d + 1 == n) {
          err.printf(Locale.ROOT, "checked %d/%d documents (%.0f s)%n", d + 1, n, (System.nanoTime() - start) / 1e9);
          err.flush();
        }
      }
      int fp = 0;
      for (double q : p[0]) {
        if (q >= spunAt) {
          fp++;
        }
      }
      out.printf(Locale.ROOT, "# model %s, verdict spun at p >= %.3f; %d clean documents from %s; spinner dictionary"
          + " %s%n", model, spunAt, n, clean, spinnerDictionary == null ? dictionary : spinnerDictionary);
      out.println("setting\tdocuments\tauc\trecall\tprecision\tf1\tfalse_positive_rate");
      out.printf(Locale.ROOT, "clean\t%d\t-\t-\t-\t-\t%.4f%n", n, fp / (double) n);
      for (int k = 0; k < rates.size(); k++) {
        double[] all = new double[2 * n];
        int[] y = new int[2 * n];
        for (int d = 0; d < n; d++) {
          all[d] = p[0][d];
          all[n + d] = p[k + 1][d];
          y[n + d] = 1;
        }
        DetectorTrainer.Evaluation ev = DetectorTrainer.evaluate(all, y, spunAt);
        double tp = ev.recallAtSpun() * n;
        double precision = tp + fp == 0 ? 1 : tp / (tp + fp);
        double f1 = precision + ev.recallAtSpun() == 0 ? 0 : 2 * precision * ev.recallAtSpun()
            / (precision + ev.recallAtSpun());
        out.printf(Locale.ROOT, "rate=%.2f\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t-%n", rates.get(k), n, ev.auc(),
            ev.recallAtSpun(), precision, f1);
      }
      out.flush();
    } finally {
      if (lm != null) {
        lang.close();
      }
    }
    return 0;
  }
}
