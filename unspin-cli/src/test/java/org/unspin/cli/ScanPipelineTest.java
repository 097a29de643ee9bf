package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.unspin.records.InputRecord;
import org.unspin.records.PendingRecord;
import org.unspin.records.RecordChecker;
import org.unspin.records.RecordStream;

class ScanPipelineTest {
  /** A stream of {@code n} records that fails with an IOException after {@code failAfter} (or never, -1). */
  static RecordStream stream(int n, int failAfter, AtomicInteger read) {
    return new RecordStream() {
      int i;

      @Override
      public InputRecord next() throws IOException {
        if (i == failAfter) {
          throw new IOException("disk gone");
        }
        if (i == n) {
          return null;
        }
        read.incrementAndGet();
        String id = "r" + i++;
        return InputRecord.ofText(id, null, id, "text " + id, false);
      }

      @Override
      public void close() {}
    };
  }

  static Function<InputRecord, RecordChecker.Checked> slowChecker(long seed, AtomicInteger written,
      AtomicInteger read, int capacity, List<String> violations) {
    Random rnd = new Random(seed);
    return r -> {
      int delay;
      synchronized (rnd) {
        delay = rnd.nextInt(3);
      }
      // read - written is what is in flight: records taken from the stream and not yet written
      int inFlight = read.get() - written.get();
      if (inFlight > capacity + 1) { // + the one the reader holds while it waits for a permit
        synchronized (violations) {
          violations.add(r.id() + ": " + inFlight + " in flight");
        }
      }
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new RecordChecker.Checked(r, null, "checked", "{\"id\":\"" + r.id() + "\"}");
    };
  }

  @Test
  void resultsAreWrittenInInputOrderWithBoundedRecordsInFlight() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(400);
    int threads = 1 + rnd.nextInt(4);
    int capacity = threads + rnd.nextInt(6);
    AtomicInteger read = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    List<String> violations = new ArrayList<>();
    List<String> out = new ArrayList<>();
    new ScanPipeline(stream(n, -1, read), slowChecker(seed, written, read, capacity, violations), threads, capacity)
        .run(c -> {
          out.add(c.record().id());
          written.incrementAndGet();
        });
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add("r" + i);
    }
    assertEquals(expected, out, "seed=" + seed);
    assertEquals(List.of(), violations, "seed=" + seed + " capacity=" + capacity);
  }

  @Test
  void recordsReadBeforeAnInputFailureAreWrittenThenTheFailureIsThrown() {
    AtomicInteger read = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    List<String> out = new ArrayList<>();
    IOException e = assertThrows(IOException.class, () -> new ScanPipeline(stream(100, 37, read),
        slowChecker(1, written, read, 4, new ArrayList<>()), 2, 4).run(c -> out.add(c.record().id())));
    assertEquals("disk gone", e.getMessage());
    assertEquals(37, out.size());
    assertEquals("r36", out.get(36));
  }

  @Test
  void aFailingWorkerStopsTheRun() {
    AtomicInteger read = new AtomicInteger();
    Function<InputRecord, RecordChecker.Checked> boom = r -> {
      if (r.id().equals("r5")) {
        throw new OutOfMemoryError("simulated");
      }
      return new RecordChecker.Checked(r, null, "x", "{}");
    };
    List<String> out = new ArrayList<>();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ScanPipeline(stream(50, -1, read), boom, 2, 4).run(c -> out.add(c.record().id())));
    assertTrue(e.getMessage().contains("simulated"), e.getMessage());
    assertTrue(out.size() <= 5, out.toString());
  }

  @Test
  void workersResolvePendingRecordsAndTheReaderOnlyFramesThem() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    int n = 1 + new Random(seed).nextInt(200);
    List<String> resolvedOn = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> framedOn = java.util.Collections.synchronizedList(new ArrayList<>());
    RecordStream framing = new RecordStream() {
      int i;

      @Override
      public InputRecord next() {
        throw new AssertionError("the pipeline must read through nextPending");
      }

      @Override
      public PendingRecord nextPending() {
        if (i == n) {
          return null;
        }
        framedOn.add(Thread.currentThread().getName());
        String id = "r" + i++;
        return () -> {
          resolvedOn.add(Thread.currentThread().getName());
          return InputRecord.ofText(id, null, id, "text " + id, false);
        };
      }

      @Override
      public void close() {}
    };
    List<String> out = new ArrayList<>();
    ScanPipeline p = new ScanPipeline(framing, r -> {
      double x = 0; // some work, so that the workers' CPU time is above the clock's resolution
      for (int k = 0; k < 20_000; k++) {
        x += Math.sqrt(k + r.id().length());
      }
      return new RecordChecker.Checked(r, null, "x=" + x, "{\"id\":\"" + r.id() + "\"}");
    }, 2, 6);
    p.run(c -> out.add(c.record().id()));
    assertEquals(n, out.size(), "seed=" + seed);
    assertEquals("r" + (n - 1), out.get(n - 1), "seed=" + seed);
    assertTrue(framedOn.stream().allMatch("unspin-scan-reader"::equals), framedOn.toString());
    assertEquals(n, resolvedOn.size(), "seed=" + seed);
    assertTrue(resolvedOn.stream().allMatch(t -> t.startsWith("unspin-scan-worker-")), resolvedOn.toString());
    assertTrue(p.workerCpuNanos() > 0, "worker CPU " + p.workerCpuNanos());
    assertTrue(p.readerCpuNanos() >= 0 && p.writerCpuNanos() >= 0, p.readerCpuNanos() + " " + p.writerCpuNanos());
  }

  @Test
  void progressRateLeavesOutTheBytesAResumeReplayed() throws InterruptedException {
    ScanProgress p = new ScanProgress(new java.io.PrintWriter(new java.io.StringWriter()), ScanProgress.Mode.OFF, 10,
        1_000_000_000L, () -> 500_000_000L, 500_000_000L, () -> 0L);
    Thread.sleep(20);
    String line = p.line();
    assertTrue(line.contains(" 50% ") && line.contains("0.000 MB/s") && line.contains("ETA ?"), line);
    p.close();
  }
}
