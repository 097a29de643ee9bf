package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.eval.EvalConfig;
import org.unspin.bench.eval.EvalSetting;
import org.unspin.bench.trace.TraceEval;
import org.unspin.bench.trace.TraceScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin eval trace}: source tracing on simulated spins of the news corpora, with baselines. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = {"Evaluate source tracing: index every document of the corpora (BBC, Reuters, AG News), trace "
        + "simulated spins of a seeded sample of test documents at each rate (known and unknown spinner), and "
        + "search the same queries with BM25 on raw words and MinHash over 5-word shingles.",
        "Prints Markdown tables: index size and build time; recall@1, recall@10, MRR, latency p50/p95, and the "
            + "share of true substitutions the alignment recovered.",
        "--scale N,N,...: instead, grow one index with synthetic documents (sentences of the corpora sampled and "
            + "recombined) to each size and measure recall and latency there."})
public final class EvalTraceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--corpora", paramLabel = "DIR", description = "The corpora directory (default: $UNSPIN_CORPORA, "
      + "../shared/corpora beside the repository, or /work/shared/corpora).")
  Path corpora;

  @Option(names = "--work", paramLabel = "DIR", required = true,
      description = "Where the indexes go (kept and reused by later runs).")
  Path work;

  @Option(names = "--queries", paramLabel = "N", defaultValue = "200",
      description = "Test documents spun at each rate (default ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--rates", paramLabel = "R,R,...", split = ",", defaultValue = "0.1,0.2,0.4,0.6,0.8",
      description = "Spin rates (default ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(names = "--settings", paramLabel = "LIST", split = ",", defaultValue = "known,unknown",
      description = "known and/or unknown spinner (default ${DEFAULT-VALUE}).")
  List<String> settings;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the sample and the spins (default "
      + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Indexing threads (default "
      + "${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--rebuild", description = "Rebuild indexes found in --work.")
  boolean rebuild;

  @Option(names = "--scale", paramLabel = "N,N,...", split = ",",
      description = "Index sizes for the scale run (e.g. 100000,300000,1000000).")
  List<Integer> scale;

  @Option(names = "--reuse-scale", description = "With --scale: measure the scale index left in --work by an "
      + "earlier run, at its size, without building.")
  boolean scaleReuse;

  @Option(names = "--force-merge", description = "With --scale: merge the index into one segment before measuring "
      + "at each size (also an index reused with --reuse-scale; that one is changed in place).")
  boolean forceMerge;

  @Option(names = "--misses", paramLabel = "FILE", description = "Write the true substitutions the alignment "
      + "missed here, with the aligned replacements around them (not with --scale).")
  Path misses;

  @Option(names = "--no-baselines", description = "Trace only: skip the BM25 and MinHash baselines (a quicker run "
      + "for alignment work; not with --scale).")
  boolean noBaselines;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the tables here.")
  Path markdown;

  @Override
  public Integer call() throws IOException {
    List<EvalSetting> s = new ArrayList<>();
    for (String name : settings) {
      EvalSetting setting;
      try {
        setting = EvalSetting.parse(name);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--settings: " + e.getMessage());
      }
      if (setting != EvalSetting.KNOWN && setting != EvalSetting.UNKNOWN) {
        throw new UsageException("--settings: eval trace takes known or unknown (got '" + name + "')");
      }
      s.add(setting);
    }
    Path dir = CorporaDirectory.resolve(corpora, EnumSet.allOf(CorpusSource.class));
    for (double r : rates) {
      if (!(r > 0 && r <= 1)) {
        throw new UsageException("--rates must be in (0, 1] (got " + r + ")");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    String md;
    try {
      if (scale != null && !scale.isEmpty()) {
        md = new TraceScale(new TraceScale.Config(dir, work, scale, queries, rates, seed, threads,
            !rebuild && scaleReuse, forceMerge), err).run()
            .markdown();
      } else {
        md = new TraceEval(new TraceEval.Config(dir, work, queries, rates, s, EvalConfig.DEFAULT_HOLD_OUT, seed,
            threads, rebuild, misses, !noBaselines), err).run().markdown();
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(md);
    out.flush();
    if (markdown != null) {
      Files.writeString(markdown, md, StandardCharsets.UTF_8);
    }
    return Main.EXIT_OK;
  }
}
