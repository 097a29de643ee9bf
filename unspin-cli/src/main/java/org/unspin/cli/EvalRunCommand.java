package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Split;
import org.unspin.bench.eval.EvalConfig;
import org.unspin.bench.eval.EvalRun;
import org.unspin.bench.eval.EvalSetting;
import org.unspin.bench.eval.EvalTables;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unspin eval run}: detection, restoration and speed figures on simulated spins of the news
 * corpora, per spin rate and setting (known / unknown spinner), with the fingerprint-list baseline.
 * The work is done by {@link EvalRun}; docs/evaluation.md explains each figure.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {"Evaluate check and restore on simulated spins of the news corpora: a seeded sample of"
        + " --docs documents of the split, spun at each --rates value by a spinner that knows the whole lexicon"
        + " (known) or only the held-out 25%% of its entries the restorer does not get (unknown).",
        "Prints a TSV table (one line per setting and rate) on stdout; --out and --markdown write it to files."
            + " Progress goes to stderr."})
public final class EvalRunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Option(names = "--corpora", paramLabel = "DIR",
      description = "Corpora directory holding bbc/, reuters21578/, agnews/ (default: $UNSPIN_CORPORA, "
          + "../shared/corpora beside the repository, or /work/shared/corpora).")
  Path corpora;

  @Option(names = "--split", paramLabel = "test|dev", defaultValue = "test",
      description = "Split the documents come from (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--source", paramLabel = "LIST", defaultValue = "bbc,reuters,agnews",
      description = "Comma-separated corpora (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--docs", paramLabel = "N", defaultValue = "200",
      description = "Documents sampled (seeded) from the split (default ${DEFAULT-VALUE}).")
  int docs;

  @Option(names = "--rates", paramLabel = "R,R,...", split = ",", defaultValue = "0.1,0.2,0.4,0.6,0.8",
      description = "Spinner replacement rates (default ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(names = "--settings", paramLabel = "LIST", split = ",", defaultValue = "known,unknown",
      description = "Spinner settings: known, unknown, consistent (the known lexicon, one decision per"
          + " dictionary entry and document), protected (the known lexicon, closed-class words left alone),"
          + " sparing (as protected, and names left alone too) (default ${DEFAULT-VALUE}).")
  List<String> settings;

  @Option(names = "--seed", defaultValue = "1",
      description = "Seed of the sample, the held-out entries and the spinners (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads sharing one model (default: available processors).")
  Integer threads;

  @Option(names = "--batch-profile", paramLabel = "C", defaultValue = "0",
      description = "Learn a spinner profile from each cell's spun texts alone, as 'profile learn --from-batch"
          + " --min-count C' does, and check and restore the cell's clean and spun texts with it (default 0: no).")
  double batchProfile;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the TSV table here.")
  Path out;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write the tables in Markdown here (figures, then substitutions reverted by kind).")
  Path markdown;

  @Option(names = "--kinds", paramLabel = "FILE",
      description = "Write per setting, rate and substitution kind how many substitutions were reverted (TSV).")
  Path kinds;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    EvalConfig config;
    try {
      Split s = Split.parse(split);
      Set<CorpusSource> sources = CorpusSource.parseList(source);
      List<EvalSetting> st = new ArrayList<>();
      for (String name : settings) {
        st.add(EvalSetting.parse(name));
      }
      Path dir = CorporaDirectory.resolve(corpora, sources);
      int t = Threads.resolve(threads);
      config = new EvalConfig(dir, sources, s, docs, rates, st, EvalConfig.DEFAULT_HOLD_OUT, seed, t);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    models.builder(); // fails on bad model options before any work
    EvalRun.UnspinFactory factory = new EvalRun.UnspinFactory() {
      @Override
      public Unspin create(LexiconDictionary view) {
        return ModelOptions.build(models.builder().lexicon(view));
      }

      @Override
      public Unspin create(LexiconDictionary view, SpinnerProfile batch) {
        return ModelOptions.build(models.builder().lexicon(view).profile(batch));
      }
    };
    if (!(batchProfile >= 0) || Double.isInfinite(batchProfile)) {
      throw new UsageException("--batch-profile must be >= 0 (got " + batchProfile + ")");
    }
    EvalRun run = new EvalRun(config, factory, Lexicon.loadDefault().dictionary(),
        new FingerprintMatcher(FingerprintList.loadDefault()), line -> {
          err.println(line);
          err.flush();
        }).batchProfile(batchProfile);
    EvalRun.Result result = run.run();
    String tsv = EvalTables.tsv(result.cells());
    PrintWriter o = spec.commandLine().getOut();
    String summary = String.format(Locale.ROOT, "# %d documents (%.1f kB) of the %s split, seed %d; whole run %.1f s"
        + " on %d threads%s", result.documents(), result.cleanBytes() / 1e3, config.split().label(), seed,
        (System.nanoTime() - start) / 1e9, config.threads(), peakRss());
    o.println(summary);
    o.print(tsv);
    o.flush();
    if (out != null) {
      Files.writeString(out, summary + "\n" + tsv, StandardCharsets.UTF_8);
    }
    if (markdown != null) {
      Files.writeString(markdown, summary.substring(2) + "\n\n" + EvalTables.markdown(result.cells())
          + "\nSubstitutions reverted, by kind: share (count)\n\n" + EvalTables.kindsMarkdown(result.kinds()),
          StandardCharsets.UTF_8);
    }
    if (kinds != null) {
      Files.writeString(kinds, EvalTables.kindsTsv(result.kinds()), StandardCharsets.UTF_8);
    }
    err.printf(Locale.ROOT, "eval run: %d cells in %.1f s%n", result.cells().size(), (System.nanoTime() - start) / 1e9);
    err.flush();
    return Main.EXIT_OK;
  }

  /** {@code "; peak RSS N MB"} from Linux's /proc/self/status, or nothing where that is not available. */
  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          String[] f = line.substring(6).trim().split("\\s+");
          return String.format(Locale.ROOT, "; peak RSS %.0f MB", Long.parseLong(f[0]) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return ""; // not Linux: the figure is optional
    }
    return "";
  }
}
