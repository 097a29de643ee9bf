package org.unspin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.unspin.lm.ArpaWriter;
import org.unspin.lm.BinaryLm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin lm export}: the binary model back to ARPA text (scores dequantized). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a binary model as an ARPA file (quantized scores are written as stored).")
public final class LmExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "The binary model.")
  Path model;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write here instead of standard output; a name ending in .gz is gzip-compressed.")
  Path out;

  @Override
  public Integer call() throws IOException {
    try (BinaryLm lm = BinaryLm.open(model)) {
      if (out == null) {
        Writer w = spec.commandLine().getOut();
        ArpaWriter.write(lm.toModelData(), w);
        w.flush();
      } else {
        try (OutputStream os = Files.newOutputStream(out);
            OutputStream body = out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(os, 1 << 16) : os;
            Writer w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
          ArpaWriter.write(lm.toModelData(), w);
        }
      }
    }
    return Main.EXIT_OK;
  }
}
