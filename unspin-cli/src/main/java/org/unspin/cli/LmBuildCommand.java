package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.LmBuildConfig;
import org.unspin.lm.LmBuilder;
import org.unspin.lm.NgramModelData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin lm build}: count a corpus and estimate an interpolated modified Kneser-Ney model. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build an n-gram language model (interpolated modified Kneser-Ney) from text.",
        "CORPUS: files, directories (read recursively in name order) and .gz files; UTF-8 text, "
            + "one document or sentence per line or running text."})
public final class LmBuildCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--order", paramLabel = "N", defaultValue = "4",
      description = "N-gram order, 1 to 5. Default: ${DEFAULT-VALUE}.")
  int order;

  @Mixin
  LmOutputOptions output;

  @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "256m",
      description = "Counting buffer; past it sorted runs spill to disk (k, m, g suffixes). Default: ${DEFAULT-VALUE}.")
  String memory;

  @Option(names = "--prune", paramLabel = "C1,C2,...", split = ",",
      description = "Minimum raw count per order, one value per order, non-decreasing, first 0 or 1 "
          + "(e.g. 0,1,2,3 keeps bigrams seen once and drops trigrams seen once). Default: no pruning.")
  int[] prune;

  @Option(names = "--max-vocab", paramLabel = "N", defaultValue = "0",
      description = "Keep only the N most frequent word forms; others become <unk>. 0 = all. Default: ${DEFAULT-VALUE}.")
  int maxVocab;

  @Option(names = "--min-word-count", paramLabel = "N", defaultValue = "1",
      description = "Words seen fewer times become <unk>. Default: ${DEFAULT-VALUE}.")
  long minWordCount;

  @Option(names = "--tmp-dir", paramLabel = "DIR",
      description = "Where spilled runs go. Default: a new directory beside --out.")
  Path tmpDir;

  @Option(names = "--source-note", paramLabel = "TEXT",
      description = "Provenance stored in the model's metadata (e.g. corpus names and licences).")
  String sourceNote;

  @Parameters(paramLabel = "CORPUS", arity = "1..*", description = "Text files, directories or .gz files.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    Path out = output.out;
    int quantBits = output.quantBits();
    long memoryBytes = parseSize("--memory", memory);
    Path absOut = out.toAbsolutePath();
    Path tmp = tmpDir != null ? tmpDir : Files.createTempDirectory(absOut.getParent(), ".unspin-lm-build-");
    LmBuildConfig config;
    try {
      config = new LmBuildConfig(order, memoryBytes, prune == null ? new int[0] : prune, maxVocab, minWordCount, tmp);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    long t0 = System.nanoTime();
    LmBuilder builder = new LmBuilder(config);
    NgramModelData data;
    try {
      data = builder.build(inputs);
    } finally {
      if (tmpDir == null) {
        try (var s = Files.list(tmp)) {
          if (s.findAny().isEmpty()) {
            Files.deleteIfExists(tmp);
          }
        }
      }
    }
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("sources", sourceNote != null ? sourceNote
        : String.join(",", DetectDocuments.fileNames(inputs)));
    meta.put("smoothing", "interpolated modified Kneser-Ney");
    meta.put("tokens", Long.toString(builder.tokens()));
    meta.put("sentences", Long.toString(builder.sentences()));
    meta.put("build-command", "unspin lm build --order " + order
        + (prune == null ? "" : " --prune " + join(prune))
        + (maxVocab > 0 ? " --max-vocab " + maxVocab : "")
        + (minWordCount > 1 ? " --min-word-count " + minWordCount : "")
        + " --quant-bits " + quantBits);
    BinaryLmWriter.write(data, out, new BinaryLmWriter.Options(quantBits, meta));
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    try (BinaryLm lm = BinaryLm.open(out)) {
      PrintWriter w = spec.commandLine().getOut();
      w.println(String.format(Locale.ROOT,
          "wrote %s: order %d, %d tokens, %d sentences, %d n-grams, %d bytes (%.2f bytes per n-gram); "
              + "estimated in %.1f s (%.0f tokens/s), written in %.1f s",
          out, lm.order(), builder.tokens(), builder.sentences(), LmInfoCommand.totalNgrams(lm), lm.fileSize(),
          LmInfoCommand.bytesPerNgram(lm), buildSeconds, builder.tokens() / buildSeconds,
          totalSeconds - buildSeconds));
      w.flush();
    }
    return Main.EXIT_OK;
  }

  private static String join(int[] a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      sb.append(i == 0 ? "" : ",").append(a[i]);
    }
    return sb.toString();
  }

  /** Parses sizes like {@code 512m}, {@code 2g}, {@code 65536}. */
  static long parseSize(String option, String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
      mult = switch (t.charAt(t.length() - 1)) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        default -> 1L << 30;
      };
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t);
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(v, mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException(option + " must be a positive size such as 512m or 2g (got '" + s + "')");
    }
  }
}
