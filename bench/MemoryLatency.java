import java.util.Random;

/**
 * The machine's latency of a dependent random read from main memory: a pointer chase over one
 * random cycle through 512 MB of ints. The restorer's LM look-ups are such reads, so this tells how a
 * VM's memory compares with another's when the same build runs at different speeds (BENCHMARKS.md
 * §4k). Run as {@code java -Xmx3g -XX:+UseTransparentHugePages bench/MemoryLatency.java}.
 */
public class MemoryLatency {
  public static void main(String[] args) {
    int n = 1 << 27;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    Random r = new Random(1);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] next = new int[n]; // one cycle through every slot, in the shuffled order
    for (int i = 0; i < n - 1; i++) {
      next[perm[i]] = perm[i + 1];
    }
    next[perm[n - 1]] = perm[0];
    perm = null;
    int steps = 20_000_000;
    for (int rep = 0; rep < 3; rep++) {
      int p = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        p = next[p];
      }
      System.out.printf("%.1f ns per dependent read (end %d)%n", (System.nanoTime() - t0) / (double) steps, p);
    }
  }
}
