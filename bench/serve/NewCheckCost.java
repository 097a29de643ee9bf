import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.unspin.api.Unspin;
import org.unspin.restore.ChannelWeights;

/**
 * CPU time of one check of a text the process has not seen before: checks the first WARM bodies (JIT
 * warm-up), then times the next N, each checked once, so the span cache and the LM query cache
 * help only as much as they do on new traffic. An optional channel weights file (over the shipped
 * weights) compares settings. Run two at a time, one per core, so that both see the same phase of
 * the machine (BENCHMARKS.md §4k):
 * {@code java -Xmx4g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -cp unspin-server/target/unspin-server.jar
 * bench/serve/NewCheckCost.java BODIES WARM N [WEIGHTS.properties]}
 */
public class NewCheckCost {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: NewCheckCost BODIES WARM N [WEIGHTS.properties]");
      System.exit(2);
    }
    String all = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    List<String> bodies = Arrays.stream(all.split("\n\u001e\n")).filter(s -> !s.isBlank()).toList();
    int warm = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    if (warm + n > bodies.size()) {
      System.err.println("NewCheckCost: " + args[0] + " has " + bodies.size() + " bodies, fewer than " + (warm + n));
      System.exit(2);
    }
    Unspin.Builder b = Unspin.builder().lmHashIndex(true);
    if (args.length > 3) {
      b.channelWeights(ChannelWeights.load(Path.of(args[3]), ChannelWeights.shipped()));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Unspin u = b.build()) {
      for (int i = 0; i < warm; i++) {
        u.check(bodies.get(i));
      }
      long cpu0 = mx.getCurrentThreadCpuTime();
      for (int i = warm; i < warm + n; i++) {
        u.check(bodies.get(i));
      }
      System.out.printf(Locale.ROOT, "%.2f ms CPU per new check (%d checks after %d for warm-up)%n",
          (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / n, n, warm);
    }
  }
}
