package org.unspin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.detect.CheckReport;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceMatch;
import org.unspin.index.TraceResult;
import org.unspin.report.HtmlReport;
import org.unspin.report.ReportView;
import org.unspin.report.SourceOffsets;
import org.unspin.text.ExtractedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin check}: is this text spun, and where. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Score a text: the probability that it was machine-spun, a verdict (spun, clean or uncertain), "
        + "and every tortured phrase with its likely original and the rule that found it.",
        "Offsets in --json are UTF-16 code units into the input (for HTML input: into the HTML source)."})
public final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Mixin
  LanguageOptions language;

  @Option(names = "--json", description = "Print one JSON object instead of the readable report.")
  boolean json;

  @Option(names = "--html", description = "Print a self-contained HTML report (findings highlighted, restored text "
      + "beside it, score gauge, the source with --index; inline CSS/JS, no network) instead of the readable report.")
  boolean html;

  @Mixin
  SourceOptions sources;

  @Parameters(paramLabel = "FILE|-", description = "The text to check ('-' reads standard input).")
  String input;

  @Override
  public Integer call() {
    if (json && html) {
      throw new UsageException("--json and --html exclude each other");
    }
    ExtractedText text = InputText.read(input, System.in);
    language.requireEnglish(input.equals("-") ? "<stdin>" : input, text.text());
    try (SourceIndex idx = sources.open()) {
      Unspin.Builder b = models.builder().preloadDetector(true);
      SourceOptions.addDomainLm(b, idx);
      try (Unspin unspin = b.build()) {
        CheckReport report = unspin.check(text.text());
        SourceMatch source = sources.source(idx, text.text());
        if (source != null) {
          report = SourceOptions.withSource(report, source);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (html) {
          // The HTML view shows the extracted text, so its offsets stay on the text, not the source.
          String title = input.equals("-") ? "standard input" : input;
          ReportView view = source == null ? ReportView.of(title, report) : new ReportView(title, report,
              new TraceResult(List.of(source)).toJson(), java.util.Map.of(source.id(), source.sourceText()));
          out.print(HtmlReport.render(view));
          out.flush();
          return Main.EXIT_OK;
        }
        report = SourceOffsets.toSource(report, text);
        if (idx == null) {
          out.println(json ? report.toJson() : report.toText());
        } else {
          out.println(json ? SourceOptions.json(report, source) : report.toText() + System.lineSeparator()
              + SourceOptions.text(source));
        }
        out.flush();
      }
    }
    return Main.EXIT_OK;
  }
}
