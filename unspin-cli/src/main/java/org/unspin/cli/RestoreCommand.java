package org.unspin.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceMatch;
import org.unspin.index.SourceReports;
import org.unspin.report.RestoreJson;
import org.unspin.restore.RestoredText;
import org.unspin.text.ExtractedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin restore}: the likely original wording of a spun text. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Print the restored text: each tortured phrase replaced by its likely original, everything "
        + "else (spacing, punctuation, line breaks) as in the input, one output line for each input line.",
        "HTML input (by extension or content) is reduced to its main text first; the restored main text is printed.",
        "With --index, a source found in the index restores by alignment: its wording replaces each aligned change."})
public final class RestoreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Mixin
  LanguageOptions language;

  @Mixin
  SourceOptions sources;

  @Option(names = "--json", description = "Print one JSON object {\"restored\", \"edits\", ...} (as the server's "
      + "/api/restore; offsets into the extracted text) instead of the restored text.")
  boolean json;

  @Parameters(paramLabel = "FILE|-", description = "The text to restore ('-' reads standard input).")
  String input;

  @Override
  public Integer call() {
    ExtractedText text = InputText.read(input, System.in);
    language.requireEnglish(input.equals("-") ? "<stdin>" : input, text.text());
    try (SourceIndex idx = sources.open()) {
      SourceMatch source = sources.source(idx, text.text());
      String restored;
      RestoredText full = null;
      if (source != null) {
        restored = source.restore(text.text());
        if (json) {
          full = SourceReports.restored(text.text(), source);
        }
      } else {
        Unspin.Builder b = models.builder();
        SourceOptions.addDomainLm(b, idx);
        try (Unspin unspin = b.build()) {
          full = unspin.restore(text.text());
          restored = full.text();
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(RestoreJson.of(full));
        out.flush();
        return Main.EXIT_OK;
      }
      out.print(restored);
      if (!restored.endsWith("\n")) {
        out.println();
      }
      out.flush();
    }
    return Main.EXIT_OK;
  }
}
