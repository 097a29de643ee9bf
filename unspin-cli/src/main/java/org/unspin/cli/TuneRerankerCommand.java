package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.detect.EditRerankerTrainer;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin tune reranker}: train the edit reranker on simulated spins of clean text. */
@Command(
    name = "reranker",
    mixinStandardHelpOptions = true,
    description = {"Train the edit reranker: every clean document is restored as it is (every edit wrong) and after"
        + " a simulated spinner with randomized habits rewrote it over the embedded lexicon (an edit is right when"
        + " it puts back a substitution's original). A logistic regression over per-edit features is fitted on a"
        + " seeded train split of the documents; dev figures go to stderr and the model's provenance. The"
        + " restorer is built from the model options exactly as 'check' builds it, without a reranker.",
        "Input: --clean files hold one document per line (.txt or .txt.gz). Train what ships on permissively"
            + " licensed text only."})
public final class TuneRerankerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Mixin
  CleanTextOptions clean;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the reranker.")
  Path out;

  @Option(names = "--skip-docs", paramLabel = "N", defaultValue = "0",
      description = "Leave out the first N documents (e.g. those the detector was trained on; default ${DEFAULT-VALUE}).")
  int skipDocs;

  @Option(names = "--max-docs", paramLabel = "N", defaultValue = "1000",
      description = "Use the next N documents (default ${DEFAULT-VALUE}).")
  int maxDocs;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000",
      description = "Cut longer documents at the last space before N chars (default ${DEFAULT-VALUE}).")
  int maxChars;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the split and the spinners (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dev-share", paramLabel = "F", defaultValue = "0.25",
      description = "Share of documents held out for the reported figures (default ${DEFAULT-VALUE}).")
  double devShare;

  @Option(names = "--l2", paramLabel = "X", defaultValue = "1.0",
      description = "L2 penalty on the standardized weights (default ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--accept", paramLabel = "P", defaultValue = "0.5",
      description = "Keep edits whose probability is at least P (default ${DEFAULT-VALUE}).")
  double accept;

  @Option(names = "--consistent-share", paramLabel = "F", defaultValue = "0",
      description = "Share of the spun documents whose spinner decides once per dictionary entry and repeats itself"
          + " (default ${DEFAULT-VALUE}).")
  double consistentShare;

  @Option(names = "--protect-share", paramLabel = "F", defaultValue = "0",
      description = "Share of the spun documents whose spinner leaves closed-class words (prepositions, articles,"
          + " conjunctions, forms of 'be' and 'have', modals) alone (default ${DEFAULT-VALUE}).")
  double protectShare;

  @Option(names = "--unknown-share", paramLabel = "F", defaultValue = "0",
      description = "Share of the spun documents whose spinner uses lexicon entries the restorer does not have:"
          + " a seeded --unknown-hold-out of the embedded lexicon's entries is the spinner's dictionary, and a"
          + " restorer over the rest restores them, as in the unknown setting of 'eval run' (default ${DEFAULT-VALUE}).")
  double unknownShare;

  @Option(names = "--unknown-hold-out", paramLabel = "F", defaultValue = "0.25",
      description = "Share of the lexicon's entries held out for the unknown spinner, drawn with seed --seed plus"
          + " 1000 (default ${DEFAULT-VALUE}).")
  double unknownHoldOut;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--source-note", paramLabel = "TEXT",
      description = "Where the clean text comes from and its licence, recorded in the provenance.")
  String sourceNote;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (skipDocs < 0 || maxDocs < 4) {
      throw new InputException("--skip-docs must be >= 0 and --max-docs >= 4 (got " + skipDocs + ", " + maxDocs + ")");
    }
    EditRerankerTrainer.Config config;
    try {
      config = new EditRerankerTrainer.Config(seed, devShare, l2, accept, threads, consistentShare, protectShare,
          unknownShare);
      if (unknownShare > 0 && !(unknownHoldOut > 0 && unknownHoldOut < 1)) {
        throw new IllegalArgumentException("--unknown-hold-out must be in (0, 1) (got " + unknownHoldOut + ")");
      }
    } catch (IllegalArgumentException e) {
      throw new InputException("bad training setting: " + e.getMessage(), e);
    }
    List<String> docs = clean.readAfter(skipDocs, maxDocs, maxChars, err);
    Unspin.Builder b = models.builder().defaultEditReranker(false);
    LexiconDictionary full = Lexicon.loadDefault().dictionary();
    LexiconDictionary kept = unknownShare > 0 ? full.holdingOut(unknownHoldOut, seed + 1000) : null;
    try (Unspin unspin = b.build();
        Unspin without = kept == null ? null : models.builder().defaultEditReranker(false).lexicon(kept).build()) {
      Map<String, String> prov = new LinkedHashMap<>();
      prov.put("source", (sourceNote == null ? "" : sourceNote + "; ") + "files: " + clean.files + ", documents "
          + skipDocs + " to " + (skipDocs + docs.size()) + " in file order");
      prov.put("restorer", "as 'check' builds it" + (models.channelWeights == null ? "" : ", channel weights "
          + models.channelWeights) + (models.lms.isEmpty() ? "" : ", LMs " + models.lms));
      prov.put("spinner_dictionary", "embedded lexicon" + (kept == null ? "" : String.format(Locale.ROOT,
          "; the unknown spinner's: its held-out share %s (seed %d), restored over the rest", unknownHoldOut,
          seed + 1000)));
      long start = System.nanoTime();
      int step = Math.max(1, docs.size() / 20);
      EditRerankerTrainer.Result r = new EditRerankerTrainer(unspin.restorer(), full,
          without == null ? null : without.restorer(), kept == null ? null : kept.heldOut(), config).train(docs, prov,
          (done, total) -> {
            if (done % step == 0 || done == total) {
              err.printf(Locale.ROOT, "restored %d/%d documents (%.0f s)%n", done, total,
                  (System.nanoTime() - start) / 1e9);
              err.flush();
            }
          });
      r.model().save(out);
      err.printf(Locale.ROOT, "dev: %d proposed edits; at p >= %.2f precision %.4f, recall %.4f, %.3f edits per 100"
          + " clean words -> %s%n", r.devEdits(), accept, r.devPrecision(), r.devRecall(),
          r.devCleanEditsPer100Words(), out);
      err.flush();
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
    return 0;
  }
}
