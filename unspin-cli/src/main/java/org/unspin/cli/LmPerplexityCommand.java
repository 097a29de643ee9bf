package org.unspin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.DefaultModels;
import org.unspin.lm.InterpolatedLm;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Perplexity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin lm perplexity}: how well one model, or an interpolation of several, predicts a text. */
@Command(name = "perplexity", mixinStandardHelpOptions = true,
    description = {"Compute the perplexity of a text under a model or a linear interpolation of models.",
        "Sentences are scored with </s>; words outside the vocabulary are counted as oov and left out."})
public final class LmPerplexityCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--lm", paramLabel = "MODEL",
      description = "A binary model; repeat to interpolate; 'default' is the embedded model (also used when no --lm is given).")
  List<String> models = new ArrayList<>();

  @Option(names = "--weights", paramLabel = "W1,W2,...", split = ",",
      description = "Interpolation weights, one per --lm, summing to 1 (default: equal).")
  double[] weights;

  @Option(names = "--fit-weights", paramLabel = "DEVTEXT",
      description = "Fit the interpolation weights on this text by EM (prints them).")
  String devText;

  @Parameters(paramLabel = "TEXT", description = "The text file to score, or - for standard input.")
  String text;

  @Override
  public Integer call() {
    if (weights != null && devText != null) {
      throw new UsageException("--weights and --fit-weights exclude each other");
    }
    List<String> names = models.isEmpty() ? List.of("default") : models;
    if (weights != null && weights.length != names.size()) {
      throw new UsageException("--weights has " + weights.length + " values for " + names.size() + " models");
    }
    String body = InputText.readPlain(text, System.in);
    List<LanguageModel> opened = new ArrayList<>();
    List<BinaryLm> owned = new ArrayList<>();
    try {
      for (String name : names) {
        if ("default".equals(name)) {
          opened.add(DefaultModels.languageModel());
        } else {
          BinaryLm m = BinaryLm.open(Path.of(name));
          owned.add(m);
          opened.add(m);
        }
      }
      LanguageModel lm;
      double[] w = null;
      if (opened.size() == 1) {
        lm = opened.get(0);
      } else {
        if (devText != null) {
          w = InterpolatedLm.fitWeights(opened, InputText.readPlain(devText, System.in));
        } else if (weights != null) {
          w = weights.clone();
          double sum = 0;
          for (double x : w) {
            if (!(x >= 0)) {
              throw new UsageException("--weights must be >= 0 (got " + x + ")");
            }
            sum += x;
          }
          if (Math.abs(sum - 1) > 1e-6) {
            throw new UsageException("--weights must sum to 1 (got " + sum + ")");
          }
        } else {
          w = new double[opened.size()];
          java.util.Arrays.fill(w, 1.0 / w.length);
        }
        lm = new InterpolatedLm(opened, w);
      }
      Perplexity.Result r = Perplexity.compute(lm, body);
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "perplexity=%.4f oov=%d tokens=%d sentences=%d log10=%.4f",
          r.perplexity(), r.oov(), r.tokens(), r.sentences(), r.log10Sum()));
      if (w != null) {
        sb.append(" weights=");
        for (int i = 0; i < w.length; i++) {
          sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", w[i]));
        }
      }
      out.println(sb);
      out.flush();
      return Main.EXIT_OK;
    } finally {
      owned.forEach(BinaryLm::close);
    }
  }
}
