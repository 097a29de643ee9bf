package org.unspin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.unspin.lm.ArpaReader;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.NgramModelData;

/**
 * Prints the size of the binary format (bytes per n-gram) and the load time for a model, at 8, 16
 * and 32 bits. Usage: {@code java -cp unspin-bench.jar org.unspin.bench.LmSizeReport [FILE.arpa]}
 * (without an argument, the synthetic 4-gram model of {@link LmQueryBenchmark}).
 */
public final class LmSizeReport {
  private LmSizeReport() {}

  public static void main(String[] args) throws IOException {
    NgramModelData data;
    if (args.length > 0) {
      data = ArpaReader.read(Path.of(args[0]));
    } else {
      SyntheticCorpus c = new SyntheticCorpus(50_000, 42);
      data = c.model(c.text(3_000_000, 1), 4);
    }
    long total = 0;
    StringBuilder counts = new StringBuilder();
    for (int n = 1; n <= data.order(); n++) {
      total += data.count(n);
      counts.append(n == 1 ? "" : " ").append(n).append("-grams=").append(data.count(n));
    }
    System.out.println("order=" + data.order() + " vocabulary=" + data.words().length + " " + counts);
    Path dir = Files.createTempDirectory("unspin-size");
    for (int bits : new int[] {8, 16, 32}) {
      Path f = dir.resolve("m" + bits + ".ulm");
      long t0 = System.nanoTime();
      BinaryLmWriter.write(data, f, BinaryLmWriter.Options.defaults().withQuantBits(bits));
      long t1 = System.nanoTime();
      try (BinaryLm lm = BinaryLm.open(f)) {
        long t2 = System.nanoTime();
        System.out.println(String.format(Locale.ROOT,
            "quant-bits=%d file=%d bytes bytes/ngram=%.2f write=%d ms open(checksum)=%d ms", bits, lm.fileSize(),
            (double) lm.fileSize() / total, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
      }
      Files.delete(f);
    }
    Files.delete(dir);
  }
}
