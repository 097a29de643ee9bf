import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.unspin.api.Unspin;

/**
 * CPU time of one check in-process (no HTTP), on the Serve benchmark's bodies, for comparison with
 * the server's CPU per request. Run with the server jar on the class path:
 * {@code java -Xmx1g -cp unspin-server/target/unspin-server.jar bench/serve/LibraryCheckCost.java BODIES [PASSES]}
 */
public class LibraryCheckCost {
  /**
   * The defaults, with the language model's n-gram hash index as {@code unspin serve} builds it
   * (by reflection, so that builds from before the index can be compared too).
   */
  static Unspin build() throws Exception {
    Unspin.Builder b = Unspin.builder();
    try {
      b.getClass().getMethod("lmHashIndex", boolean.class).invoke(b, true);
    } catch (NoSuchMethodException e) {
      // an older build: no index
    }
    return b.build();
  }

  public static void main(String[] args) throws Exception {
    String all = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    List<String> bodies = Arrays.stream(all.split("\n\u001e\n")).filter(s -> !s.isBlank()).toList();
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Unspin unspin = build()) {
      for (String b : bodies) {
        unspin.check(b); // warm-up pass
      }
      long cpu0 = mx.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      int n = 0;
      long bytes = 0;
      for (int p = 0; p < passes; p++) {
        for (String b : bodies) {
          unspin.check(b);
          n++;
          bytes += b.getBytes(StandardCharsets.UTF_8).length;
        }
      }
      double cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6;
      double wallMs = (System.nanoTime() - wall0) / 1e6;
      System.out.printf(Locale.ROOT, "%d checks of %.0f bytes on average: %.1f ms CPU each (%.1f ms wall), "
          + "%.3f MB/s per core of CPU%n", n, (double) bytes / n, cpuMs / n, wallMs / n, bytes / 1e6 / (cpuMs / 1e3));
    }
  }
}
