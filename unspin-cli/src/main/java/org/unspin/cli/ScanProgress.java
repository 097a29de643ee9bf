package org.unspin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a scan on stderr: a bar redrawn in place on a terminal (documents, MB/s, estimated
 * time left), or a plain line every {@code intervalSeconds} otherwise. Runs on its own daemon
 * thread; the counters it reads are updated by the scan.
 */
final class ScanProgress implements AutoCloseable {
  enum Mode { BAR, LINES, OFF }

  private static final double MB = 1e6;
  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final Mode mode;
  private final long intervalMillis;
  private final long totalBytes;
  private final LongSupplier bytesRead;
  private final long startBytes;
  private final LongSupplier records;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile boolean stopped;
  private int lastWidth;

  /**
   * @param totalBytes bytes of all inputs (0 when unknown: no percentage or ETA)
   * @param bytesRead input bytes read so far, a resume's replay included
   * @param startBytes input bytes a resume replayed before this run's checking began (not in the rate)
   * @param records records written in this run so far
   */
  ScanProgress(PrintWriter err, Mode mode, double intervalSeconds, long totalBytes, LongSupplier bytesRead,
      long startBytes, LongSupplier records) {
    this.err = err;
    this.mode = mode;
    this.intervalMillis = mode == Mode.BAR ? 500 : Math.max(100, (long) (intervalSeconds * 1000));
    this.totalBytes = totalBytes;
    this.bytesRead = bytesRead;
    this.startBytes = startBytes;
    this.records = records;
    this.thread = new Thread(this::loop, "unspin-scan-progress");
    thread.setDaemon(true);
    if (mode != Mode.OFF) {
      thread.start();
    }
  }

  private void loop() {
    while (!stopped) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      if (!stopped) {
        print();
      }
    }
  }

  private synchronized void print() {
    String line = line();
    if (mode == Mode.BAR) {
      StringBuilder sb = new StringBuilder("\r").append(line);
      for (int i = line.length(); i < lastWidth; i++) {
        sb.append(' ');
      }
      lastWidth = line.length();
      err.print(sb);
    } else {
      err.println("scan: " + line);
    }
    err.flush();
  }

  String line() {
    double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long bytes = bytesRead.getAsLong();
    long docs = records.getAsLong();
    double rate = Math.max(0, bytes - startBytes) / secs; // bytes per second in this run
    double mbps = rate / MB;
    StringBuilder sb = new StringBuilder();
    if (totalBytes > 0) {
      double share = Math.min(1, bytes / (double) totalBytes);
      if (mode == Mode.BAR) {
        int filled = (int) Math.round(share * BAR_WIDTH);
        sb.append('[').append("=".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
      }
      sb.append(String.format(Locale.ROOT, "%3.0f%% ", 100 * share));
    }
    sb.append(String.format(Locale.ROOT, "%d docs, %.1f MB", docs, bytes / MB));
    if (totalBytes > 0) {
      sb.append(String.format(Locale.ROOT, " of %.1f MB", totalBytes / MB));
    }
    sb.append(String.format(Locale.ROOT, ", %.3f MB/s, %.1f docs/s", mbps, docs / secs));
    if (totalBytes > 0 && bytes < totalBytes) {
      sb.append(", ETA ").append(rate > 0 ? duration((totalBytes - bytes) / rate) : "?");
    }
    return sb.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    if (mode == Mode.BAR && lastWidth > 0) {
      synchronized (this) {
        err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.flush();
      }
    }
  }
}
