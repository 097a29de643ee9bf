package org.unspin.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.unspin.records.InputRecord;
import org.unspin.records.PendingRecord;
import org.unspin.records.RecordChecker;
import org.unspin.records.RecordStream;

/**
 * The bounded scan pipeline: one reader thread pulls records, {@code threads} workers check them,
 * and the calling thread writes the results in input order.
 *
 * <p>The reader only frames records ({@link RecordStream#nextPending}: gzip, WARC and HTTP heads,
 * line splitting); the workers {@link PendingRecord#resolve resolve} them (charset decoding, JSON
 * parsing, HTML extraction) before checking, so that work runs on as many cores as the checking.
 *
 * <p>Back-pressure: at most {@code capacity} records are in flight between the reader and the
 * writer (a semaphore the reader acquires and the writer releases), so a slow writer or a slow
 * document stalls the reader instead of filling memory; memory per worker is one record and its
 * report. Results wait in a ring of {@code capacity} slots indexed by ordinal, so ordering needs
 * no sorting and no unbounded buffer.
 *
 * <p>Failure: an {@link IOException} of the input as a whole ends reading; everything read before
 * it is still checked and written, then {@link #run} throws it. An error in a worker stops the run.
 */
final class ScanPipeline {
  /** Receives each result in input order on the writer thread. */
  interface Sink {
    void accept(RecordChecker.Checked checked) throws IOException;
  }

  private static final Object POISON = new Object();

  private final RecordStream input;
  private final Function<InputRecord, RecordChecker.Checked> checker;
  private final int threads;
  private final int capacity;
  private final Semaphore inFlight;
  private final BlockingQueue<Object> work;
  private final RecordChecker.Checked[] ring;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile long produced = -1; // total records read once the reader is done, else -1
  private final AtomicLong workerCpu = new AtomicLong(); // CPU nanoseconds of finished workers
  private final AtomicLong readerCpu = new AtomicLong();
  private volatile long writerCpu;

  ScanPipeline(RecordStream input, Function<InputRecord, RecordChecker.Checked> checker, int threads, int capacity) {
    this.input = Objects.requireNonNull(input, "input");
    this.checker = Objects.requireNonNull(checker, "checker");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    if (capacity < threads) {
      throw new IllegalArgumentException("capacity must be >= threads (got " + capacity + ")");
    }
    this.threads = threads;
    this.capacity = capacity;
    this.inFlight = new Semaphore(capacity);
    this.work = new ArrayBlockingQueue<>(capacity + threads);
    this.ring = new RecordChecker.Checked[capacity];
  }

  private record Item(long ordinal, PendingRecord record) {}

  /**
   * Runs to the end of the input; records are numbered from 0 in this run.
   *
   * @throws IOException the input failed as a whole (after everything before it was written) or the sink failed
   */
  void run(Sink sink) throws IOException, InterruptedException {
    Thread reader = new Thread(this::read, "unspin-scan-reader");
    reader.setDaemon(true);
    Thread[] workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(this::work, "unspin-scan-worker-" + i);
      workers[i].setDaemon(true);
    }
    reader.start();
    for (Thread w : workers) {
      w.start();
    }
    boolean finished = false;
    long cpu0 = threadCpu();
    try {
      write(sink);
      finished = failure.get() == null;
    } finally {
      writerCpu = threadCpu() - cpu0;
      if (!finished) {
        reader.interrupt();
        for (Thread w : workers) {
          w.interrupt();
        }
      }
    }
    if (finished) { // everything is written and the reader has sent its poison: the threads are ending
      reader.join();
      for (Thread w : workers) {
        w.join();
      }
    }
    Throwable f = failure.get();
    if (f instanceof IOException io) {
      throw io;
    }
    if (f != null) {
      throw new IllegalStateException("scan worker failed: " + f, f);
    }
  }

  /** CPU time the workers used, in nanoseconds, once {@link #run} returned; 0 where the JVM cannot tell. */
  long workerCpuNanos() {
    return workerCpu.get();
  }

  /** CPU time the reader used, in nanoseconds, once {@link #run} returned; 0 where the JVM cannot tell. */
  long readerCpuNanos() {
    return readerCpu.get();
  }

  /** CPU time the writer (the thread that called {@link #run}) used, in nanoseconds, once it returned. */
  long writerCpuNanos() {
    return writerCpu;
  }

  private static long threadCpu() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    return mx.isCurrentThreadCpuTimeSupported() ? Math.max(0, mx.getCurrentThreadCpuTime()) : 0;
  }

  private void read() {
    long n = 0;
    long cpu0 = threadCpu();
    try {
      while (failure.get() == null) {
        PendingRecord r = input.nextPending();
        if (r == null) {
          break;
        }
        inFlight.acquire();
        work.put(new Item(n++, r));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      readerCpu.addAndGet(threadCpu() - cpu0);
      produced = n;
      try {
        for (int i = 0; i < threads; i++) {
          work.put(POISON);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      signal();
    }
  }

  private void work() {
    long cpu0 = threadCpu();
    try {
      while (true) {
        Object o = work.take();
        if (o == POISON) {
          return;
        }
        Item item = (Item) o;
        RecordChecker.Checked c = checker.apply(item.record().resolve());
        lock.lock();
        try {
          ring[(int) (item.ordinal() % capacity)] = c;
          ready.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      signal();
    } finally {
      workerCpu.addAndGet(threadCpu() - cpu0);
    }
  }

  private void signal() {
    lock.lock();
    try {
      ready.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void write(Sink sink) throws IOException, InterruptedException {
    long next = 0;
    while (true) {
      RecordChecker.Checked c;
      lock.lock();
      try {
        int slot = (int) (next % capacity);
        while ((c = ring[slot]) == null) {
          long total = produced;
          if (total >= 0 && next >= total) {
            return;
          }
          Throwable f = failure.get();
          if (f != null && !(f instanceof IOException)) {
            return;
          }
          ready.await();
        }
        ring[slot] = null;
      } finally {
        lock.unlock();
      }
      sink.accept(c);
      inFlight.release();
      next++;
    }
  }
}
