package org.unspin.lm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.UnspinException;

/**
 * Counts packed n-gram keys (see {@link NgramKeys}) within a fixed memory budget. Keys are summed in
 * an open-addressing hash table; when it is three quarters full its entries are sorted in key order
 * and spilled to a run file. {@link #merge} streams the union of all runs and the table, in key
 * order, with equal keys summed (a k-way merge; more than {@link #FAN_IN} runs are first merged in
 * groups). {@code merge} may be called several times; {@link #close} deletes the run files.
 *
 * <p>Not thread-safe.
 *
 * @lucene.internal
 */
final class NgramCounter implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(NgramCounter.class);
  /** Bytes per table slot: two key longs and a count. */
  static final int SLOT_BYTES = 24;
  /** Most runs merged at once. */
  static final int FAN_IN = 64;
  private static final int RECORD_BYTES = 24;
  private static final int IO_BUFFER = 1 << 18;

  /** Receives merged keys in ascending order. */
  @FunctionalInterface
  interface Sink {
    void accept(long hi, long lo, long count);
  }

  private final Path tmpDir;
  private final long[] keyHi;
  private final long[] keyLo;
  private final long[] counts;
  private final int mask;
  private final int spillAt;
  private int size;
  private boolean sorted;
  private final List<Path> runs = new ArrayList<>();
  private long spilledEntries;

  NgramCounter(long memoryBytes, Path tmpDir) {
    long slots = Math.max(16, Long.highestOneBit(memoryBytes / SLOT_BYTES));
    if (slots > (1 << 30)) {
      slots = 1 << 30;
    }
    int capacity = (int) slots;
    this.keyHi = new long[capacity];
    this.keyLo = new long[capacity];
    this.counts = new long[capacity];
    this.mask = capacity - 1;
    this.spillAt = capacity / 4 * 3;
    this.tmpDir = tmpDir;
  }

  /** Adds {@code count} to the key (hi, lo); the key must not be (0, 0). */
  void add(long hi, long lo, long count) {
    if (sorted) {
      throw new IllegalStateException("add after merge");
    }
    int i = (int) NgramKeys.hash(hi, lo) & mask;
    while (true) {
      long h = keyHi[i];
      if (h == 0) {
        keyHi[i] = hi;
        keyLo[i] = lo;
        counts[i] = count;
        if (++size >= spillAt) {
          spill();
        }
        return;
      }
      if (h == hi && keyLo[i] == lo) {
        counts[i] += count;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Number of spilled runs so far. */
  int runCount() {
    return runs.size();
  }

  private void compactAndSort() {
    int j = 0;
    for (int i = 0; i < keyHi.length; i++) {
      if (keyHi[i] != 0) {
        keyHi[j] = keyHi[i];
        keyLo[j] = keyLo[i];
        counts[j] = counts[i];
        j++;
      }
    }
    for (int i = j; i < keyHi.length; i++) {
      keyHi[i] = 0;
    }
    sort(0, j - 1);
  }

  private void spill() {
    compactAndSort();
    try {
      Files.createDirectories(tmpDir);
      Path run = Files.createTempFile(tmpDir, "unspin-ngrams-", ".run");
      runs.add(run);
      try (RunWriter out = new RunWriter(run)) {
        for (int i = 0; i < size; i++) {
          out.write(keyHi[i], keyLo[i], counts[i]);
        }
      }
      spilledEntries += size;
      LOG.debug("spilled run {} with {} n-grams", runs.size(), size);
    } catch (IOException e) {
      throw new UnspinException("cannot write n-gram run to " + tmpDir + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < size; i++) {
      keyHi[i] = 0;
    }
    size = 0;
  }

  /** Streams every counted key once, ascending, with its summed count. */
  void merge(Sink sink) {
    if (!sorted) {
      if (!runs.isEmpty() && size > 0) {
        spill();
      } else if (runs.isEmpty()) {
        compactAndSort();
      }
      sorted = true;
      while (runs.size() > FAN_IN) {
        List<Path> group = new ArrayList<>(runs.subList(0, FAN_IN));
        runs.subList(0, FAN_IN).clear();
        runs.add(mergeToFile(group));
      }
      if (!runs.isEmpty()) {
        LOG.debug("merging {} runs holding {} entries", runs.size(), spilledEntries);
      }
    }
    if (runs.isEmpty()) {
      for (int i = 0; i < size; i++) {
        sink.accept(keyHi[i], keyLo[i], counts[i]);
      }
    } else {
      mergeRuns(runs, sink);
    }
  }

  private Path mergeToFile(List<Path> group) {
    try {
      Path out = Files.createTempFile(tmpDir, "unspin-ngrams-", ".run");
      try (RunWriter o = new RunWriter(out)) {
        mergeRuns(group, o::write);
      } catch (RuntimeException e) {
        Files.deleteIfExists(out);
        throw e;
      }
      for (Path p : group) {
        Files.deleteIfExists(p);
      }
      return out;
    } catch (IOException e) {
      throw new UnspinException("cannot merge n-gram runs in " + tmpDir + ": " + e.getMessage(), e);
    }
  }

  /** Writes (hi, lo, count) records through a large buffer. */
  private static final class RunWriter implements Closeable {
    private final Path path;
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER);

    RunWriter(Path path) throws IOException {
      this.path = path;
      this.ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    void write(long hi, long lo, long count) {
      if (buf.remaining() < RECORD_BYTES) {
        drain();
      }
      buf.putLong(hi).putLong(lo).putLong(count);
    }

    private void drain() {
      buf.flip();
      try {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      } catch (IOException e) {
        throw new UnspinException("cannot write n-gram run " + path + ": " + e.getMessage(), e);
      }
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      drain();
      ch.close();
    }
  }

  /** Reads a run's records in order. */
  private static final class Cursor implements Closeable {
    final Path path;
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER);
    long hi;
    long lo;
    long count;

    Cursor(Path path) throws IOException {
      this.path = path;
      this.ch = FileChannel.open(path, StandardOpenOption.READ);
      buf.limit(0);
    }

    boolean next() throws IOException {
      if (buf.remaining() < RECORD_BYTES) {
        buf.compact();
        while (buf.position() < RECORD_BYTES && ch.read(buf) >= 0) {
          // keep reading until a record is complete or the file ends
        }
        buf.flip();
        if (buf.remaining() < RECORD_BYTES) {
          if (buf.hasRemaining()) {
            throw new IOException("truncated n-gram run " + path);
          }
          return false;
        }
      }
      hi = buf.getLong();
      lo = buf.getLong();
      count = buf.getLong();
      return true;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  private static void mergeRuns(List<Path> paths, Sink sink) {
    PriorityQueue<Cursor> heap = new PriorityQueue<>(Math.max(1, paths.size()),
        (a, b) -> NgramKeys.compare(a.hi, a.lo, b.hi, b.lo));
    List<Cursor> open = new ArrayList<>();
    try {
      for (Path p : paths) {
        Cursor c = new Cursor(p);
        open.add(c);
        if (c.next()) {
          heap.add(c);
        }
      }
      long curHi = 0;
      long curLo = 0;
      long curCount = 0;
      while (!heap.isEmpty()) {
        Cursor c = heap.poll();
        if (curCount != 0 && c.hi == curHi && c.lo == curLo) {
          curCount += c.count;
        } else {
          if (curCount != 0) {
            sink.accept(curHi, curLo, curCount);
          }
          curHi = c.hi;
          curLo = c.lo;
          curCount = c.count;
        }
        if (c.next()) {
          heap.add(c);
        }
      }
      if (curCount != 0) {
        sink.accept(curHi, curLo, curCount);
      }
    } catch (IOException e) {
      throw new UnspinException("cannot read n-gram runs: " + e.getMessage(), e);
    } finally {
      for (Cursor c : open) {
        try {
          c.close();
        } catch (IOException e) {
          LOG.warn("cannot close run {}: {}", c.path, e.getMessage());
        }
      }
    }
  }

  @Override
  public void close() {
    for (Path p : runs) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("cannot delete run {}: {}", p, e.getMessage());
      }
    }
    runs.clear();
  }

  // Quicksort of the parallel key/count arrays by key; keys are unique after hashing.
  private void sort(int lo, int hi) {
    while (hi - lo > 16) {
      int mid = (lo + hi) >>> 1;
      // median of three into position mid
      if (less(mid, lo)) {
        swap(mid, lo);
      }
      if (less(hi, lo)) {
        swap(hi, lo);
      }
      if (less(hi, mid)) {
        swap(hi, mid);
      }
      long pHi = keyHi[mid];
      long pLo = keyLo[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (NgramKeys.compare(keyHi[i], keyLo[i], pHi, pLo) < 0) {
          i++;
        }
        while (NgramKeys.compare(keyHi[j], keyLo[j], pHi, pLo) > 0) {
          j--;
        }
        if (i <= j) {
          swap(i, j);
          i++;
          j--;
        }
      }
      if (j - lo < hi - i) {
        sort(lo, j);
        lo = i;
      } else {
        sort(i, hi);
        hi = j;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      for (int k = i; k > lo && less(k, k - 1); k--) {
        swap(k, k - 1);
      }
    }
  }

  private boolean less(int a, int b) {
    return NgramKeys.compare(keyHi[a], keyLo[a], keyHi[b], keyLo[b]) < 0;
  }

  private void swap(int a, int b) {
    long t = keyHi[a];
    keyHi[a] = keyHi[b];
    keyHi[b] = t;
    t = keyLo[a];
    keyLo[a] = keyLo[b];
    keyLo[b] = t;
    t = counts[a];
    counts[a] = counts[b];
    counts[b] = t;
  }
}
