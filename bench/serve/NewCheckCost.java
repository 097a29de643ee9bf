import java.lang.management.ManagementFactory;
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
 * bench/serve/NewCheckCost.java BODIES WARM N [WEIGHTS.properties]}. With {@code -Dthreads=T} the N checks are
 * shared by T threads at once, the way the server's workers share the cores; it also prints the
 * process's CPU per check (garbage collection and compilation included) and the checks per second.
 */
public class NewCheckCost {
  /** CPU ticks (user plus system, 1/100 s) of each of this process's threads, by thread id and name. */
  static java.util.Map<String, Long> taskCpu() throws java.io.IOException {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    try (var dirs = Files.list(Path.of("/proc/self/task"))) {
      for (Path d : dirs.toList()) {
        try {
          String stat = Files.readString(d.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.put(d.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (java.io.IOException | RuntimeException gone) {
          // the thread ended while we read
        }
      }
    }
    return out;
  }

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
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (Unspin u = b.build()) {
      for (int i = 0; i < warm; i++) {
        u.check(bodies.get(i));
      }
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      int threads = Integer.getInteger("threads", 1);
      long[] threadCpu = new long[threads];
      long[] allocated = new long[threads];
      java.util.Map<String, Long> tasks0 = taskCpu();
      long process0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      Thread[] workers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        int first = t;
        workers[t] = new Thread(() -> {
          long cpu0 = mx.getCurrentThreadCpuTime();
          long bytes0 = mx.getCurrentThreadAllocatedBytes();
          for (int i = warm + first; i < warm + n; i += threads) {
            u.check(bodies.get(i));
          }
          threadCpu[first] = mx.getCurrentThreadCpuTime() - cpu0;
          allocated[first] = mx.getCurrentThreadAllocatedBytes() - bytes0;
        });
        workers[t].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      long wall = System.nanoTime() - wall0;
      System.out.printf(Locale.ROOT, "%.2f ms CPU per new check in the checking threads, %.2f ms of the process's CPU,"
          + " %.1f checks/s, %.2f MB allocated per check (%d checks after %d for warm-up, %d threads)%n",
          Arrays.stream(threadCpu).sum() / 1e6 / n, (os.getProcessCpuTime() - process0) / 1e6 / n, n / (wall / 1e9),
          Arrays.stream(allocated).sum() / 1e6 / n, n, warm, threads);
      if (Boolean.getBoolean("tasks")) { // the JVM's own threads (collector, compiler) by name, from /proc
        java.util.Map<String, Long> by = new java.util.TreeMap<>();
        taskCpu().forEach((k, v) -> by.merge(k.replaceAll("[0-9#]+", "#"), v - tasks0.getOrDefault(k, 0L), Long::sum));
        by.entrySet().stream().filter(e -> e.getValue() > 0).sorted((a, c) -> Long.compare(c.getValue(), a.getValue()))
            .limit(8).forEach(e -> System.out.printf(Locale.ROOT, "  %-24s %.2f ms per check%n", e.getKey(),
                e.getValue() * 10.0 / n));
      }
    }
  }
}
