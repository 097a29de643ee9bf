package org.unspin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.detect.EditEvidence;
import org.unspin.detect.SignalAnalyzer;
import org.unspin.restore.RestoredText;
import org.unspin.util.TsvModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin detect clean-edits --out FILE [--source TEXT] DIR|FILE...}. */
@Command(
    name = "clean-edits",
    mixinStandardHelpOptions = true,
    description = {"Count the confident edits the default model makes in clean text (distinct substitutions"
        + " restored with a confidence of at least --min-confidence, abbreviations written out left out) and"
        + " the words and documents read: the file the detector reads to tell a text whose restorations are"
        + " too many for clean text of its length (docs/detect.md, 'The edits' evidence').",
        "Input: files with one document per line (.txt, or .txt.gz decompressed); directories are searched for"
            + " *.txt and *.txt.gz in name order. The clean text must be new to the language model (not from"
            + " its corpus), as real input is. Progress goes to stderr.",
        "The shipped counts: the Brown corpus, each of its 500 texts as one document (MODEL_CARD.md)."})
final class DetectCleanEditsCommand implements Callable<Integer> {
  /** Documents read before they are restored together. */
  private static final int BATCH = 64;

  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The counts file to write.")
  Path out;

  @Option(names = "--source", paramLabel = "TEXT",
      description = "Where the clean text comes from and its licence, recorded in the file's provenance.")
  String source;

  @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.9",
      description = "The confidence from which an edit counts (default ${DEFAULT-VALUE}).")
  double minConfidence;

  @Option(names = "--threads", paramLabel = "N", description = "Documents restored at once (default: the cores).")
  Integer threads;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Clean text, one document per line.")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    if (!(minConfidence > 0 && minConfidence <= 1)) {
      throw new UsageException("--min-confidence must be in (0, 1] (got " + minConfidence + ")");
    }
    int n = Threads.resolve(threads);
    List<Path> files = DetectDocuments.files(inputs);
    if (files.isEmpty()) {
      throw new InputException("no .txt or .txt.gz files in " + inputs);
    }
    PrintWriter err = spec.commandLine().getErr();
    long[] totals = new long[3]; // words, documents, edits
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try (Unspin unspin = Unspin.withDefaults()) {
      for (Path f : files) {
        List<String> batch = new ArrayList<>(BATCH);
        DetectDocuments.eachLine(f, t -> {
          batch.add(t);
          if (batch.size() == BATCH) {
            count(unspin, pool, batch, totals);
            batch.clear();
          }
          return true;
        });
        count(unspin, pool, batch, totals);
        err.printf(Locale.ROOT, "%s: %,d documents, %,d words, %,d confident edits so far%n", f, totals[1], totals[0],
            totals[2]);
        err.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    if (totals[0] == 0) {
      throw new InputException("no words in " + inputs);
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("clean-text", source != null ? source : inputs.toString());
    provenance.put("restorer", "the default model (Unspin.withDefaults), as 'check' runs it");
    provenance.put("build-command", "unspin detect clean-edits --out " + out.getFileName()
        + (minConfidence == EditEvidence.DEFAULT_MIN_CONFIDENCE ? "" : " --min-confidence " + minConfidence) + " "
        + String.join(" ", DetectDocuments.fileNames(inputs)));
    EditEvidence counts = new EditEvidence(totals[0], totals[1], totals[2], minConfidence, provenance);
    TsvModelFile.save(out, "clean-edits", counts::write);
    err.printf(Locale.ROOT, "wrote %s: %,d confident edits in %,d documents of %,d words (%.3f per 1,000 words)%n",
        out, totals[2], totals[1], totals[0], 1000.0 * totals[2] / totals[0]);
    err.flush();
    return 0;
  }

  /** Restores {@code batch} on {@code pool} and adds its words, documents and confident edits to {@code totals}. */
  private void count(Unspin unspin, ExecutorService pool, List<String> batch, long[] totals) throws Exception {
    List<Future<long[]>> done = new ArrayList<>(batch.size());
    for (String t : batch) {
      done.add(pool.submit(() -> {
        RestoredText r = unspin.restore(t);
        return new long[] {SignalAnalyzer.wordCount(r.tokens()), EditEvidence.confidentEdits(r.edits(), minConfidence)};
      }));
    }
    for (Future<long[]> f : done) {
      long[] c;
      try {
        c = f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof Exception x ? x : e;
      }
      totals[0] += c[0];
      totals[1]++;
      totals[2] += c[1];
    }
  }
}
