package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.channel.ProfileFormat;
import org.unspin.channel.ProfileLearner;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.TextPair;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceMatch;
import org.unspin.index.SubstitutionCount;
import org.unspin.index.TraceConfig;
import org.unspin.index.TraceResult;
import org.unspin.index.Tracer;
import org.unspin.lm.DefaultModels;
import org.unspin.text.ExtractedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin trace}: find the sources of a (spun) text in a source index. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = {"Find the sources of a text in a source index (see 'unspin index build'): candidates by the "
        + "words a spinner leaves alone and by synonym classes, re-ranked by word alignment.",
        "--json prints {\"matches\": [{\"id\", \"score\", \"coverage\", \"passages\": [{\"start\", \"end\", "
            + "\"source_start\", \"source_end\"}], \"substitutions\": [{\"surface\", \"original\", \"count\"}]}]}; "
            + "offsets are UTF-16 code units (start/end into the input's text, source_* into the source)."})
public final class TraceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The source index.")
  Path index;

  @Option(names = "--json", description = "Print one JSON object instead of the readable list.")
  boolean json;

  @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Most sources to list (default "
      + "${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--no-restore", description = "Never search again with the restored text when no source covers "
      + "half of the input (faster; no language model is loaded).")
  boolean noRestore;

  @Option(names = "--learn-profile", paramLabel = "FILE",
      description = "Learn a spinner profile (TSV) from the best source's aligned passages and write it to FILE "
          + "(refused when its support is too weak for a source).")
  Path learnProfile;

  @Parameters(paramLabel = "FILE|-", description = "The text to trace ('-' reads standard input).")
  String input;

  @Override
  public Integer call() throws IOException {
    if (top < 1) {
      throw new UsageException("--top must be >= 1 (got " + top + ")");
    }
    ExtractedText text = InputText.read(input, System.in);
    String t = text.text();
    TraceResult r;
    // the restore fallback's models: the options' and the index's domain LM, if it has one
    try (SourceIndex idx = SourceIndex.open(index);
        Unspin unspin = noRestore ? null : SourceOptions.buildWithDomainLm(models, idx)) {
      r = new Tracer(idx, unspin, TraceConfig.defaults(),
          DefaultModels.languageModel()).trace(t, top);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(r.toJson());
    } else if (r.matches().isEmpty()) {
      out.println("no source found");
    } else {
      for (int i = 0; i < r.matches().size(); i++) {
        SourceMatch m = r.matches().get(i);
        out.println(String.format(Locale.ROOT, "%d. %s  score %.3f  coverage %.3f  support %.3f%s  %d passages%s",
            i + 1, m.id(), m.score(), m.coverage(), m.support(),
            m.support() < SourceMatch.MIN_SUPPORT ? " (too weak to be a source)" : "", m.passages().size(),
            m.uri() == null ? "" : "  " + m.uri()));
        int shown = 0;
        for (SubstitutionCount s : m.substitutions()) {
          if (shown++ == 10) {
            out.println("   ...");
            break;
          }
          out.println(String.format(Locale.ROOT, "   %s <- %s%s", s.surface(), s.original(),
              s.count() > 1 ? " (x" + s.count() + ")" : ""));
        }
      }
    }
    out.flush();
    if (learnProfile != null) {
      SourceMatch best = r.best();
      if (best == null) {
        throw new org.unspin.api.InputException("no source found: nothing to learn a profile from");
      }
      if (best.support() < SourceMatch.MIN_SUPPORT) {
        throw new org.unspin.api.InputException(String.format(Locale.ROOT, "the best match, %s (support %.3f), is too"
            + " weak to be a source: nothing to learn a profile from", best.id(), best.support()));
      }
      ProfileLearner learner = new ProfileLearner();
      for (TextPair p : best.textPairs(t)) {
        learner.add(p);
      }
      SpinnerProfile profile = learner.build("trace:" + best.id(), "unspin trace of " + input + " against "
          + best.id(), "same as the traced text", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
      ProfileFormat.save(profile, learnProfile);
      PrintWriter err = spec.commandLine().getErr();
      err.println(String.format(Locale.ROOT, "learned %d substitutions from %d passages -> %s",
          profile.entries().size(), best.passages().size(), learnProfile));
      err.flush();
    }
    return Main.EXIT_OK;
  }
}
