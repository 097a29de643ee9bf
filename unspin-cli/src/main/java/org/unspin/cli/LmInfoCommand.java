package org.unspin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.lm.BinaryLm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin lm info}: what a binary model holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show a binary model's order, n-gram counts, vocabulary, size, quantization and provenance.")
public final class LmInfoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "The binary model.")
  Path model;

  @Override
  public Integer call() {
    try (BinaryLm lm = BinaryLm.open(model)) {
      PrintWriter w = spec.commandLine().getOut();
      w.println("file: " + model);
      w.println("order: " + lm.order());
      w.println("vocabulary: " + lm.vocabulary().size() + " words");
      for (int n = 1; n <= lm.order(); n++) {
        long blanks = lm.recordCount(n) - lm.ngramCount(n);
        w.println("ngram " + n + ": " + lm.ngramCount(n)
            + (n > 1 && blanks > 0 ? " (+" + blanks + " blank records for trie closure)" : ""));
      }
      w.println("file size: " + lm.fileSize() + " bytes");
      w.println(String.format(Locale.ROOT, "bytes per n-gram: %.2f", bytesPerNgram(lm)));
      w.println("quantization: " + (lm.quantBits() == 32 ? "none (32-bit floats)" : lm.quantBits() + "-bit codebooks"));
      w.println("bigram index: " + (lm.hasBigramIndex() ? "yes" : "no"));
      for (Map.Entry<String, String> e : lm.metadata().entrySet()) {
        w.println("meta " + e.getKey() + ": " + e.getValue().replace("\n", "\\n"));
      }
      w.flush();
    }
    return Main.EXIT_OK;
  }

  static long totalNgrams(BinaryLm lm) {
    long total = 0;
    for (int n = 1; n <= lm.order(); n++) {
      total += lm.ngramCount(n);
    }
    return total;
  }

  static double bytesPerNgram(BinaryLm lm) {
    return (double) lm.fileSize() / Math.max(1, totalNgrams(lm));
  }
}
