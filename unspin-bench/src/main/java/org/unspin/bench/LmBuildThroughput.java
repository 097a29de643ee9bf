package org.unspin.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.unspin.lm.LmBuildConfig;
import org.unspin.lm.LmBuilder;
import org.unspin.lm.NgramModelData;

/**
 * Measures the LM builder end to end: wall time, process CPU time and tokens per second of each.
 * CPU time is the fair figure on a shared machine.
 *
 * <pre>
 * java -Xmx8g -cp unspin-bench/target/unspin-bench.jar org.unspin.bench.LmBuildThroughput \
 *     ORDER MEMORY_MB MIN_COUNTS|- INPUT...
 * e.g. ... LmBuildThroughput 4 512 1,2,2,3 ../shared/corpora-permissive
 * </pre>
 */
public final class LmBuildThroughput {
  private LmBuildThroughput() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length < 4) {
      out.println("usage: LmBuildThroughput ORDER MEMORY_MB MIN_COUNTS|- INPUT...");
      System.exit(2);
    }
    int order = Integer.parseInt(args[0]);
    long memory = Long.parseLong(args[1]) << 20;
    int[] minCount = args[2].equals("-") ? new int[0]
        : Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    List<Path> inputs = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    Path tmp = Files.createTempDirectory("unspin-lm-bench");
    LmBuildConfig config = new LmBuildConfig(order, memory, minCount, 0, 1, tmp);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    LmBuilder builder = new LmBuilder(config);
    NgramModelData model = builder.build(inputs);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    Files.deleteIfExists(tmp);
    out.printf(Locale.ROOT, "%s%ntokens=%d sentences=%d ngrams=[%s]%n"
        + "wall=%.1fs cpu=%.1fs tokens/wall-s=%.0f tokens/cpu-s=%.0f heap-used=%dMB%n", config,
        builder.tokens(), builder.sentences(), model.metadata().get("ngrams"), wall, cpu,
        builder.tokens() / wall, builder.tokens() / cpu,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }
}
