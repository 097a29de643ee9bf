package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.api.InputException;
import org.unspin.channel.TsvSynonymDictionary;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.detect.DetectorConfig;
import org.unspin.detect.DetectorModel;
import org.unspin.detect.DetectorTrainer;
import org.unspin.detect.PlattCalibration;
import org.unspin.detect.SignalAnalyzer;
import org.unspin.detect.TrainingDictionaries;
import org.unspin.detect.TrainerConfig;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.api.Unspin;
import org.unspin.lexicon.Lexicon;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.DefaultModels;
import org.unspin.lm.LanguageModel;
import org.unspin.restore.ChannelWeights;
import org.unspin.restore.Restorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin detect train}: fit the document detector on clean text and simulated spins of it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {"Train the document detector: every clean document is restored and analyzed as it is (label"
        + " clean) and after a simulated spinner with randomized habits rewrote it over --dictionary (label spun)."
        + " Documents are split by a seeded shuffle into train and dev; logistic regression is fitted on train,"
        + " Platt calibration and the reported figures on dev. Writes a self-documenting TSV model with the"
        + " provenance of its data (copy it to unspin-core/src/main/resources/org/unspin/detect/"
        + "default-detector.tsv to ship it).",
        "Input: --clean files hold one document per line (.txt, or .txt.gz decompressed); directories are"
            + " searched for *.txt and *.txt.gz in name order. The shipped detector must be trained on permissively"
            + " licensed text only (../shared/corpora-permissive), never on research-only news.",
        "Progress goes to stderr."})
public final class DetectTrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  CleanTextOptions clean;

  @Option(names = "--dictionary", paramLabel = "FILE",
      description = "Synonym dictionary (TSV 'original<TAB>syn1|syn2', '#' comments): the simulated spinner's"
          + " dictionary and, reversed, the restorer's candidates. Default: the embedded lexicon for the spinner and"
          + " the restorer exactly as 'check' runs it (lexicon and shipped profile candidates).")
  Path dictionary;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
  Path out;

  @Option(names = "--fingerprint-spins", description = "Put the tortured-phrase list's entries (expected ->"
      + " tortured phrase) in front of the dictionary, for the spinner and the restorer, so that spins contain known"
      + " tortured phrases.")
  boolean fingerprintSpins;

  @Option(names = "--lm", paramLabel = "FILE", description = "Language model (binary, from 'lm build' or 'lm"
      + " import'); default: the embedded model.")
  Path lm;

  @Option(names = "--channel-weights", paramLabel = "FILE", description = "Channel cost settings for the restorer"
      + " (properties file; keys left out keep the shipped value; see docs/restore.md); not with --dictionary.")
  Path channelWeights;

  @Option(names = "--judge", paramLabel = "FILE", description = "The detector model the restorer asks after"
      + " self-training when the channel weights' judge gates are on (default: the embedded detector); not with"
      + " --dictionary.")
  Path judge;

  @Option(names = "--fingerprints", paramLabel = "FILE", description = "Tortured-phrase list (PPS CSV) for"
      + " KNOWN_TORTURED_PHRASE; default: the shipped PPS list.")
  Path fingerprints;

  @Option(names = "--max-docs", paramLabel = "N", defaultValue = "3000",
      description = "Use the first N documents in path order (default ${DEFAULT-VALUE}).")
  int maxDocs;

  @Option(names = "--skip-docs", paramLabel = "N", defaultValue = "0",
      description = "Leave out the first N documents in path order (default ${DEFAULT-VALUE}), e.g. those another"
          + " model was fitted on.")
  int skipDocs;

  @Option(names = "--recalibrate", paramLabel = "MODEL",
      description = "Keep this detector model's features, weights and thresholds and fit only a calibration that"
          + " reads the length (p = 1 / (1 + exp(-(a z + b + c (log_length - m))))) on every document as it is and"
          + " spun, without a train/dev split (the figures printed are in-sample); see docs/detect.md.")
  Path recalibrate;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000",
      description = "Cut longer documents at the last space before N chars (default ${DEFAULT-VALUE}).")
  int maxChars;

  @Option(names = "--min-words", paramLabel = "N", defaultValue = "50",
      description = "Skip documents with fewer words (default ${DEFAULT-VALUE}).")
  int minWords;

  @Option(names = "--random-length", paramLabel = "MIN,MAX", split = ",", hideParamSyntax = true,
      description = "Cut each document after a random number of words, uniform in [MIN, MAX] (seeded per document),"
          + " at the first sentence end past it, so the detector sees short texts too (news briefs are 30-80 words).")
  int[] randomLength;

  @Option(names = "--min-rate", paramLabel = "R", defaultValue = "0.05",
      description = "Lowest replacement rate of the simulated spinners (default ${DEFAULT-VALUE}).")
  double minRate;

  @Option(names = "--max-rate", paramLabel = "R", defaultValue = "0.8",
      description = "Highest replacement rate of the simulated spinners (default ${DEFAULT-VALUE}).")
  double maxRate;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the split and the spinners (default"
      + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dev-share", paramLabel = "F", defaultValue = "0.25",
      description = "Share of documents held out for calibration (default ${DEFAULT-VALUE}).")
  double devShare;

  @Option(names = "--l2", paramLabel = "X", defaultValue = "1.0",
      description = "L2 penalty on the standardized weights (default ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--spun-threshold", paramLabel = "P", defaultValue = "0.5",
      description = "Verdict spun from this probability (default ${DEFAULT-VALUE}).")
  double spunThreshold;

  @Option(names = "--clean-threshold", paramLabel = "P", defaultValue = "0.2",
      description = "Verdict clean up to this probability (default ${DEFAULT-VALUE}).")
  double cleanThreshold;

  @Option(names = "--source-note", paramLabel = "TEXT",
      description = "Where the clean text comes from and its licence, recorded in the model's provenance.")
  String sourceNote;

  /** {@code text} up to the first sentence end ('.', '!' or '?' before a space) after {@code words} words. */
  static String cutAfterWords(String text, int words) {
    int seen = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        seen++;
      }
      inWord = !space;
      if (seen >= words && space && i > 0 && ".!?".indexOf(text.charAt(i - 1)) >= 0) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (maxDocs < 2) {
      throw new InputException("--max-docs must be >= 2 (got " + maxDocs + ")");
    }
    if (maxChars < 100) {
      throw new InputException("--max-chars must be >= 100 (got " + maxChars + ")");
    }
    if ((channelWeights != null || judge != null) && (dictionary != null || fingerprintSpins)) {
      throw new UsageException("--channel-weights and --judge set up the shipped restorer; they do not go with"
          + " --dictionary or --fingerprint-spins");
    }
    TrainerConfig config;
    try {
      config = new TrainerConfig(seed, devShare, l2, spunThreshold, cleanThreshold, minWords, minRate, maxRate);
    } catch (IllegalArgumentException e) {
      throw new InputException("bad training setting: " + e.getMessage(), e);
    }
    if (skipDocs < 0) {
      throw new InputException("--skip-docs must be >= 0 (got " + skipDocs + ")");
    }
    DetectorModel startModel = null;
    if (recalibrate != null) {
      if (dictionary != null || fingerprintSpins) {
        throw new UsageException("--recalibrate refits the shipped restorer's detector; it does not go with"
            + " --dictionary or --fingerprint-spins");
      }
      startModel = DetectorModel.load(recalibrate);
    }
    List<String> docs = skipDocs == 0 ? clean.read(maxDocs, maxChars, err)
        : clean.readAfter(skipDocs, maxDocs, maxChars, err);
    if (randomLength != null) {
      if (randomLength.length != 2 || randomLength[0] < 1 || randomLength[1] < randomLength[0]) {
        throw new InputException("--random-length needs MIN,MAX with 1 <= MIN <= MAX (got "
            + java.util.Arrays.toString(randomLength) + ")");
      }
      List<String> cut = new java.util.ArrayList<>(docs.size());
      for (int i = 0; i < docs.size(); i++) {
        int words = randomLength[0]
            + new java.util.SplittableRandom(seed * 1_000_003L + i).nextInt(randomLength[1] - randomLength[0] + 1);
        cut.add(cutAfterWords(docs.get(i), words));
      }
      docs = cut;
    }
    SynonymDictionary dict = dictionary == null ? Lexicon.loadDefault().dictionary()
        : TsvSynonymDictionary.load(dictionary);
    FingerprintList list = fingerprints == null ? FingerprintList.loadDefault() : FingerprintList.load(fingerprints);
    FingerprintMatcher matcher = new FingerprintMatcher(list);
    if (fingerprintSpins) {
      dict = TrainingDictionaries.merge(TrainingDictionaries.fromFingerprints(list), dict);
    }
    LanguageModel model = lm == null ? DefaultModels.languageModel() : BinaryLm.open(lm);
    Unspin facade = null;
    try {
      Restorer restorer;
      if (dictionary == null && !fingerprintSpins) {
        Unspin.Builder ub = Unspin.builder();
        if (lm != null) {
          ub.defaultLanguageModel(false).languageModel(lm);
        }
        if (channelWeights != null) {
          ub.channelWeights(ChannelWeights.load(channelWeights, ChannelWeights.shipped()));
        }
        if (judge != null) {
          ub.detector(judge);
        }
        facade = ub.build();
        restorer = facade.restorer();
      } else {
        restorer = Restorer.builder(model).candidates(new DictionaryCandidates(dict)).build();
      }
      DetectorConfig dc = DetectorConfig.DEFAULTS.withThresholds(spunThreshold, cleanThreshold);
      SignalAnalyzer analyzer = new SignalAnalyzer(model, SignalAnalyzer.standardRules(matcher), dc);
      Map<String, String> prov = new LinkedHashMap<>();
      String source = (sourceNote == null ? "" : sourceNote + "; ") + "files: " + clean.files
          + (skipDocs == 0 ? "" : "; documents after the first " + skipDocs)
          + (randomLength == null ? "" : "; each cut after a random " + randomLength[0] + "-" + randomLength[1]
          + " words at a sentence end");
      DetectorTrainer trainer = new DetectorTrainer(restorer, analyzer, dict, config);
      long start = System.nanoTime();
      int step = Math.max(1, docs.size() / 20);
      DetectorTrainer.Progress progress = (done, total) -> {
        if (done % step == 0 || done == total) {
          err.printf(Locale.ROOT, "restored and analyzed %d/%d documents (%.0f s)%n", done, total,
              (System.nanoTime() - start) / 1e9);
          err.flush();
        }
      };
      if (startModel != null) {
        prov.put("calibration_source", source);
        prov.put("calibration_created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        DetectorTrainer.Result result = trainer.recalibrate(startModel, docs, prov, progress);
        result.model().save(out);
        DetectorTrainer.Evaluation ev = result.dev();
        PlattCalibration c = result.model().calibration();
        err.printf(Locale.ROOT, "recalibrated: a=%.4f b=%.4f c=%.4f m=%.4f; in-sample %d examples (%d spun), AUC %.4f,"
            + " log loss %.4f, recall %.4f and false-positive rate %.4f at spun >= %.2f -> %s%n", c.a(), c.b(),
            c.lengthSlope(), c.lengthCenter(), ev.examples(), ev.positives(), ev.auc(), ev.logLoss(), ev.recallAtSpun(),
            ev.falsePositiveRate(), startModel.spunThreshold(), out);
        err.flush();
        return 0;
      }
      prov.put("source", source);
      prov.put("dictionary", (dictionary == null ? "embedded lexicon" : dictionary.toString()) + (fingerprintSpins ? " after the certain entries of the fingerprint list"
          : ""));
      prov.put("language_model", lm == null ? "embedded default" : lm.toString());
      prov.put("fingerprints", fingerprints == null ? "shipped PPS list" : fingerprints.toString());
      prov.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      DetectorTrainer.Result result = trainer.train(docs, prov, progress);
      DetectorModel m = result.model();
      m.save(out);
      DetectorTrainer.Evaluation ev = result.dev();
      err.printf(Locale.ROOT, "dev: %d examples (%d spun), AUC %.4f, log loss %.4f, accuracy %.4f, recall %.4f and"
          + " false-positive rate %.4f at spun >= %.2f -> %s%n", ev.examples(), ev.positives(), ev.auc(), ev.logLoss(),
          ev.accuracy(), ev.recallAtSpun(), ev.falsePositiveRate(), spunThreshold, out);
      err.flush();
    } finally {
      if (facade != null) {
        facade.close();
      }
      if (lm != null) {
        model.close();
      }
    }
    return 0;
  }
}
