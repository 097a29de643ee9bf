package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.index.DomainLm;
import org.unspin.index.IndexOptions;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceIndexWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin index info}: what a source index holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print the document count, size and settings "
    + "of a source index.")
public final class IndexInfoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory.")
  Path index;

  @Override
  public Integer call() {
    try (SourceIndex idx = SourceIndex.open(index)) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(String.format(Locale.ROOT, "index %s: %d documents, %d bytes, %d segments", index,
          idx.documentCount(), idx.sizeBytes(), idx.segmentCount()));
      IndexOptions o = idx.options();
      out.println(String.format(Locale.ROOT, "synonym classes: max %d words, %d words classed, lexicon held out %s",
          o.maxClassSize(), idx.terms().classes().size(), o.holdOut() == 0 ? "none" : o.holdOut()
              + " (seed " + o.holdOutSeed() + ")"));
      out.println("stored text: " + (o.storeText() ? "yes" : "no") + "; baseline fields: "
          + (o.baselines() ? "yes" : "no"));
      out.println("domain LM: " + idx.domainLm().map(IndexInfoCommand::describeDomainLm).orElse("none"));
      out.flush();
    }
    return Main.EXIT_OK;
  }

  /** Shared by build and add: index the inputs, report, optionally build the domain LM. */
  static int fill(CommandSpec spec, Path dir, List<Path> inputs, boolean create, boolean domainLm, boolean merge)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    long added;
    long skipped;
    try (SourceIndexWriter w = create ? SourceIndexWriter.create(dir, IndexOptions.defaults())
        : SourceIndexWriter.append(dir)) {
      IndexInputs in = new IndexInputs(w, err);
      in.addAll(inputs);
      added = w.added();
      skipped = in.skipped();
      if (merge) {
        // One segment: searches at 1M documents cost about a fifth less CPU (BENCHMARKS.md, Tracing).
        err.println("index: merging segments...");
        err.flush();
        w.forceMerge(1);
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    try (SourceIndex idx = SourceIndex.open(dir)) {
      out.println(String.format(Locale.ROOT, "%s %d documents (%d skipped) in %.1f s; index %s: %d documents, %d bytes",
          create ? "indexed" : "added", added, skipped, secs, dir, idx.documentCount(), idx.sizeBytes()));
      out.flush();
      if (domainLm) {
        long t1 = System.nanoTime();
        Path lm = DomainLm.build(idx);
        out.println(String.format(Locale.ROOT, "domain LM %s in %.1f s", lm, (System.nanoTime() - t1) / 1e9));
        out.flush();
      }
    }
    return Main.EXIT_OK;
  }

  /** The domain model's path and the interpolation weight fitted for it, if any. */
  static String describeDomainLm(Path file) {
    try (org.unspin.lm.BinaryLm lm = org.unspin.lm.BinaryLm.open(file)) {
      String w = lm.metadata().get(org.unspin.api.Unspin.INTERPOLATION_WEIGHT_KEY);
      return file + " (order " + lm.order() + ", " + (w == null ? "equal interpolation weights"
          : "interpolation weight " + w + " against the default model, fitted on held-out documents") + ")";
    }
  }
}
