package org.unspin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.records.EnglishGuess;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin eval check-speed}: the one-thread check speed on the documents a scan would read. */
@Command(name = "check-speed", mixinStandardHelpOptions = true,
    description = {"Benchmark tool: read the records of the inputs as 'scan' does and time Unspin.check on each "
        + "readable English text, one thread, no pipeline: the per-document speed that scan throughput is "
        + "compared with. Reading and HTML extraction are not timed."})
public final class EvalCheckSpeedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or directories, as for scan.")
  List<Path> inputs;

  @Option(names = "--max-docs", defaultValue = "200", description = "Documents timed (default: ${DEFAULT-VALUE}).")
  int maxDocs;

  @Option(names = "--warmup", defaultValue = "10",
      description = "Documents checked first and not timed (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws IOException {
    long docs = 0;
    long textBytes = 0;
    long nanos = 0;
    try (Unspin unspin = models.build(); RecordStream in = Records.open(inputs, RecordOptions.defaults())) {
      unspin.detector();
      int seen = 0;
      for (InputRecord r = in.next(); r != null && docs < maxDocs; r = in.next()) {
        if (r.isError() || EnglishGuess.problem(r.text()) != null) {
          continue;
        }
        long t0 = System.nanoTime();
        unspin.check(r.text());
        long dt = System.nanoTime() - t0;
        if (seen++ < warmup) {
          continue;
        }
        docs++;
        nanos += dt;
        textBytes += r.text().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    double secs = nanos / 1e9;
    spec.commandLine().getOut().printf(Locale.ROOT, "check: %d documents, %.3f MB of text in %.2f s: %.4f MB/s, "
        + "%.2f docs/s (one thread)%n", docs, textBytes / 1e6, secs, secs == 0 ? 0 : textBytes / 1e6 / secs,
        secs == 0 ? 0 : docs / secs);
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
