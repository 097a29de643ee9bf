package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.api.ModelException;
import org.unspin.lm.ArpaReader;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.NgramModelData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unspin lm import}: ARPA (plain or gzip) to the binary model format. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Convert an ARPA language model (plain or .gz, e.g. from KenLM or SRILM) to Unspin's binary format.")
public final class LmImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  LmOutputOptions output;

  @Option(names = "--bigram-index",
      description = "Add a hash index over the bigrams (about 1.3 x bits-per-bigram-id more per bigram) that replaces binary search.")
  boolean bigramIndex;

  @Parameters(paramLabel = "FILE", description = "The ARPA file.")
  Path arpa;

  @Override
  public Integer call() throws IOException {
    Path out = output.out;
    int quantBits = output.quantBits();
    NgramModelData data = ArpaReader.read(arpa);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("sources", arpa.getFileName().toString());
    meta.put("build-command", "unspin lm import --quant-bits " + quantBits + (bigramIndex ? " --bigram-index " : " ")
        + arpa.getFileName());
    try {
      BinaryLmWriter.write(data, out, new BinaryLmWriter.Options(quantBits, meta, bigramIndex));
    } catch (IllegalArgumentException e) {
      throw new ModelException("ARPA file " + arpa + ": " + e.getMessage(), e);
    }
    try (BinaryLm lm = BinaryLm.open(out)) {
      PrintWriter w = spec.commandLine().getOut();
      w.println(String.format(Locale.ROOT, "wrote %s: order %d, %d n-grams, %d bytes (%.2f bytes per n-gram)",
          out, lm.order(), LmInfoCommand.totalNgrams(lm), lm.fileSize(), LmInfoCommand.bytesPerNgram(lm)));
      w.flush();
    }
    return Main.EXIT_OK;
  }
}
