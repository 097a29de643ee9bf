package org.unspin.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.restore.RestoredText;
import org.unspin.text.ExtractedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin restore}: the likely original wording of a spun text. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Print the restored text: each tortured phrase replaced by its likely original, everything "
        + "else (spacing, punctuation, line breaks) as in the input, one output line for each input line.",
        "HTML input (by extension or content) is reduced to its main text first; the restored main text is printed."})
public final class RestoreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Parameters(paramLabel = "FILE|-", description = "The text to restore ('-' reads standard input).")
  String input;

  @Override
  public Integer call() {
    ExtractedText text = InputText.read(input, System.in);
    try (Unspin unspin = models.build()) {
      RestoredText r = unspin.restore(text.text());
      PrintWriter out = spec.commandLine().getOut();
      out.print(r.text());
      if (!r.text().endsWith("\n")) {
        out.println();
      }
      out.flush();
    }
    return Main.EXIT_OK;
  }
}
