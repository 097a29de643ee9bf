package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.lexicon.Lexicon;
import org.unspin.restore.ChannelFitter;
import org.unspin.restore.ChannelWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin tune channel}: fit the channel weights by coordinate ascent on simulated spins. */
@Command(
    name = "channel",
    mixinStandardHelpOptions = true,
    description = {"Fit channel weights (ChannelFitter: coordinate ascent) on simulated spins of clean text: each"
        + " document is used clean and spun by a randomized spinner over the embedded lexicon; the objective is the"
        + " share of spun word errors removed minus --over-edit-weight times the over-edit rate on the clean copies."
        + " The restorer is built from the model options as 'check' builds it (reranker included), starting from"
        + " --channel-weights or the defaults. Writes a properties file for --channel-weights.",
        "Input: --clean files hold one document per line (.txt or .txt.gz)."})
public final class TuneChannelCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Mixin
  CleanTextOptions clean;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the weights.")
  Path out;

  @Option(names = "--skip-docs", paramLabel = "N", defaultValue = "0",
      description = "Leave out the first N documents (default ${DEFAULT-VALUE}).")
  int skipDocs;

  @Option(names = "--max-docs", paramLabel = "N", defaultValue = "100",
      description = "Use the next N documents (default ${DEFAULT-VALUE}).")
  int maxDocs;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "3000",
      description = "Cut longer documents at the last space before N chars (default ${DEFAULT-VALUE}).")
  int maxChars;

  @Option(names = "--sweeps", paramLabel = "N", defaultValue = "2",
      description = "Most sweeps over the parameters (default ${DEFAULT-VALUE}).")
  int sweeps;

  @Option(names = "--params", paramLabel = "NAME:STEP", split = ",",
      description = "Parameters to fit with their initial steps (default: ChannelFitter.DEFAULT_DIMENSIONS).")
  List<String> params;

  @Option(names = "--over-edit-weight", paramLabel = "X", defaultValue = "20",
      description = "Penalty per unit of over-edit rate (default ${DEFAULT-VALUE}).")
  double overEditWeight;

  @Option(names = "--protect-share", paramLabel = "F", defaultValue = "0",
      description = "Share of the spun documents whose spinner leaves closed-class words (prepositions, articles,"
          + " conjunctions, forms of 'be' and 'have', modals) alone (default ${DEFAULT-VALUE}).")
  double protectShare;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the spinners (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--source-note", paramLabel = "TEXT", description = "Where the clean text comes from, for the header.")
  String sourceNote;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!(protectShare >= 0 && protectShare <= 1)) {
      throw new InputException("--protect-share must be in [0, 1] (got " + protectShare + ")");
    }
    List<ChannelFitter.Dimension> dims = new ArrayList<>();
    try {
      if (params == null) {
        dims.addAll(ChannelFitter.DEFAULT_DIMENSIONS);
      } else {
        for (String p : params) {
          int c = p.indexOf(':');
          if (c < 0) {
            throw new IllegalArgumentException("--params entries are NAME:STEP (got '" + p + "')");
          }
          dims.add(new ChannelFitter.Dimension(p.substring(0, c), Double.parseDouble(p.substring(c + 1))));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
    List<String> docs = clean.readAfter(skipDocs, maxDocs, maxChars, err);
    List<ChannelFitter.Pair> pairs = new ArrayList<>();
    int spun = 0;
    for (int i = 0; i < docs.size(); i++) {
      String doc = docs.get(i);
      pairs.add(new ChannelFitter.Pair(doc, doc));
      long spinSeed = new SplittableRandom(seed * 31 + i).nextLong();
      SimulatorConfig habits = SimulatorConfig.random(spinSeed).withProtectClosedClasses(protectShare, spinSeed);
      SpunText s = new SpinSimulator(Lexicon.loadDefault().dictionary(), habits).spin("doc" + i, doc, spinSeed);
      if (!s.substitutions().isEmpty()) {
        pairs.add(new ChannelFitter.Pair(s.spun(), doc));
        spun++;
      }
    }
    ChannelWeights start = models.channelWeights == null ? ChannelWeights.shipped()
        : ChannelWeights.load(models.channelWeights, ChannelWeights.shipped());
    Unspin.Builder base = models.builder();
    ChannelFitter fitter = new ChannelFitter(w -> base.channelWeights(w).build().restorer(), pairs, sweeps,
        overEditWeight).threads(threads);
    err.printf(Locale.ROOT, "fitting %s on %d clean and %d spun documents%n", dims, docs.size(), spun);
    err.flush();
    ChannelFitter.Result r = fitter.fit(start, dims);
    String header = String.format(Locale.ROOT, "Fitted by 'unspin tune channel' (ChannelFitter, coordinate ascent,"
        + " %d trials) on %d clean and %d spun documents%s (documents %d-%d),%nspinner SimulatorConfig.random"
        + " over the embedded lexicon%s, seed %d; objective = errors removed - %s x over-edit rate: %.4f -> %.4f."
        + "%nFitted parameters: %s", r.trials(), docs.size(), spun, sourceNote == null ? "" : " of " + sourceNote,
        skipDocs, skipDocs + docs.size(), protectShare > 0 ? String.format(Locale.ROOT, " (closed-class words left"
            + " alone for a seeded share %s of the documents)", protectShare) : "", seed, overEditWeight,
        r.startObjective(), r.objective(),
        dims.stream().map(ChannelFitter.Dimension::name).toList());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      r.weights().store(w, header);
    }
    err.printf(Locale.ROOT, "objective %.4f -> %.4f in %d trials -> %s%n", r.startObjective(), r.objective(),
        r.trials(), out);
    err.flush();
    return 0;
  }
}
