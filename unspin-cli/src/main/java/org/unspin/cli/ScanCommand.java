package org.unspin.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.api.UnspinException;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceReports;
import org.unspin.records.HostProfiles;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordChecker;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;
import org.unspin.records.ScanHtml;
import org.unspin.records.ScanSummary;
import org.unspin.util.Json;
import org.unspin.util.Utf8;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin scan}: check every document of files, directories, JSONL and WARC into a JSONL report. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Check every document of the inputs (directories, .txt, .html, .jsonl, .warc, .warc.gz) and "
        + "write one JSON line per record to the report, in input order: id, uri, source, verdict, "
        + "spun_probability and findings, or an error for a record that cannot be read.",
        "A checkpoint next to the report (REPORT.checkpoint) lets a killed scan continue with --resume, "
            + "giving exactly the report of an uninterrupted run. See docs/scan.md."})
public final class ScanCommand implements Callable<Integer> {

  /**
   * Records in flight per worker (read, being checked, or checked and waiting for the ordered
   * writer). The writer keeps input order, so while one worker checks a long page the others can
   * run at most this window ahead before they wait: a page takes up to about this many times the
   * mean page's time without idling the other workers. Memory per slot is one record (at most
   * --max-bytes) and its report line.
   */
  static final int IN_FLIGHT_PER_THREAD = 16;

  /** What --group-by can group by. */
  enum GroupBy { host }

  /** --progress values. */
  enum Progress { auto, bar, lines, off }

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions models;

  @Mixin
  SourceOptions sources;

  @Parameters(paramLabel = "INPUT", arity = "1..*",
      description = "Files or directories (walked recursively, in path order).")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "REPORT.jsonl", description = "The report to write.")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--field", paramLabel = "F", defaultValue = "text",
      description = "JSONL field that holds the text (default: ${DEFAULT-VALUE}).")
  String field;

  @Option(names = "--id-field", paramLabel = "F", defaultValue = "id",
      description = "JSONL field that holds the record id (default: ${DEFAULT-VALUE}).")
  String idField;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "10000000",
      description = "Largest document in bytes; bigger ones become error lines (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(names = "--all-languages",
      description = "Check texts that do not look English too (default: they become error lines).")
  boolean allLanguages;

  @Option(names = "--resume", description = "Continue the unfinished scan recorded in REPORT.checkpoint.")
  boolean resume;

  @Option(names = "--html", paramLabel = "SUMMARY.html",
      description = "Also write a self-contained HTML summary with a histogram of the scores.")
  Path html;

  @Option(names = "--group-by", paramLabel = "host",
      description = "Learn a spinner profile per host and report hosts that share a spinner.")
  GroupBy groupBy;

  @Option(names = "--hosts-out", paramLabel = "FILE",
      description = "Where --group-by writes its JSON (default: REPORT.hosts.json).")
  Path hostsOut;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a bar on a terminal, else lines), bar, lines or off (default: ${DEFAULT-VALUE}).")
  Progress progress;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
      description = "Seconds between progress lines when not on a terminal (default: ${DEFAULT-VALUE}).")
  double progressInterval;

  @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds between checkpoints (default: ${DEFAULT-VALUE}); each forces the report to disk.")
  double checkpointInterval;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    int n = Threads.resolve(threads);
    if (!(checkpointInterval >= 0) || !(progressInterval > 0)) {
      throw new UsageException("--checkpoint-interval must be >= 0 and --progress-interval > 0");
    }
    RecordOptions options;
    try {
      options = new RecordOptions(field, idField, maxBytes);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<Path> files = Records.files(inputs);
    long totalBytes = 0;
    for (Path f : files) {
      totalBytes += Files.size(f);
    }
    String digest = digest(files, options);
    Path ckptFile = ScanCheckpoint.pathFor(out);
    ScanCheckpoint ckpt = ScanCheckpoint.read(ckptFile);
    if (ckpt != null && !resume && !ckpt.complete()) {
      throw new UsageException(out + " holds an unfinished scan (" + ckpt.records() + " records); add --resume to "
          + "continue it, or delete " + ckptFile + " to start over");
    }
    if (resume && ckpt != null && !ckpt.inputs().equals(digest)) {
      throw new InputException(ckptFile + ": the checkpoint was written for other inputs or options (files, their "
          + "sizes or times, --field, --id-field, --max-bytes, --all-languages or model options changed)");
    }
    if (!resume || ckpt == null) {
      if (resume) {
        err.println("scan: no checkpoint at " + ckptFile + "; starting from the beginning");
      }
      ckpt = new ScanCheckpoint(0, 0, false, digest);
    }
    createParent(out);

    ScanSummary summary = new ScanSummary();
    HostProfiles hosts = groupBy == null ? null : new HostProfiles(HostProfiles.Config.defaults());
    try (SourceIndex idx = sources.open();
        Unspin unspin = SourceOptions.buildWithDomainLm(models, idx, true);
        FileChannel report = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        RecordStream records = Records.open(files, options)) {
      if (ckpt.records() == 0) {
        ckpt.write(ckptFile); // before the report is emptied, so no checkpoint ever names bytes that are gone
      }
      long size = report.size();
      if (size < ckpt.bytes()) {
        throw new UnspinException(out + ": the report is shorter (" + size + " bytes) than its checkpoint says ("
            + ckpt.bytes() + " bytes); start over without --resume");
      }
      report.truncate(ckpt.bytes());
      report.position(ckpt.bytes());
      if (ckpt.records() > 0) {
        replay(records, ckpt, summary, hosts);
        err.println("scan: resuming after " + ckpt.records() + " records");
      }
      unspin.detector(); // load it now, so that the figures of this run are the checking's
      RecordChecker checker = new RecordChecker(unspin, !allLanguages);
      Writer writer = new Writer(report, ckptFile, ckpt, digest, summary, hosts,
          (long) (checkpointInterval * 1e9));
      long bytesBefore = records.bytesRead();
      long start = System.nanoTime();
      long processCpu0 = processCpuNanos();
      ScanProgress.Mode mode = switch (progress) {
        case auto -> System.console() != null ? ScanProgress.Mode.BAR : ScanProgress.Mode.LINES;
        case bar -> ScanProgress.Mode.BAR;
        case lines -> ScanProgress.Mode.LINES;
        case off -> ScanProgress.Mode.OFF;
      };
      ScanPipeline pipeline = new ScanPipeline(records,
          idx == null ? checker::check : r -> SourceReports.withSourceMatch(checker.check(r), idx, sources.minCoverage),
          n, IN_FLIGHT_PER_THREAD * n + 2);
      IOException inputFailure = null;
      try (ScanProgress bar = new ScanProgress(err, mode, progressInterval, totalBytes,
          () -> records.bytesRead(), bytesBefore, writer.written::get)) {
        pipeline.run(writer);
      } catch (IOException e) {
        inputFailure = e;
      } finally {
        writer.checkpoint(false);
      }
      if (inputFailure != null) {
        throw new UnspinException("scan stopped: the input cannot be read further (" + inputFailure.getMessage()
            + "); " + writer.records + " records are in " + out + "; fix the input and run again with --resume",
            inputFailure);
      }
      writer.checkpoint(true);
      double secs = (System.nanoTime() - start) / 1e9;
      double processCpu = (processCpuNanos() - processCpu0) / 1e9;
      long readBytes = records.bytesRead() - bytesBefore;
      HostProfiles.Result grouped = null;
      if (hosts != null) {
        err.println("scan: learning spinner profiles of " + hosts.hostCount() + " hosts...");
        grouped = hosts.learn(unspin.restorer(), n);
        Path hp = hostsOut != null ? hostsOut : out.resolveSibling(out.getFileName() + ".hosts.json");
        createParent(hp);
        Files.writeString(hp, grouped.toJson() + "\n", StandardCharsets.UTF_8);
        err.println("scan: host profiles written to " + hp);
      }
      ScanStats stats = new ScanStats(writer.written.get(), readBytes, writer.textBytes, secs, n,
          pipeline.workerCpuNanos() / 1e9, pipeline.readerCpuNanos() / 1e9, pipeline.writerCpuNanos() / 1e9,
          processCpu);
      err.print(summaryText(summary, stats, grouped));
      if (html != null) {
        createParent(html);
        String run = String.format(Locale.ROOT, "%d records in %s; input %.4f MB/s, text %.4f MB/s, %.2f docs/s, "
            + "%d threads", stats.records(), ScanProgress.duration(stats.seconds()), stats.mbPerSecond(),
            stats.textMbPerSecond(), stats.docsPerSecond(), stats.threads());
        Files.writeString(html, ScanHtml.page(summary, run, grouped, out.toString()), StandardCharsets.UTF_8);
      }
      err.flush();
    }
    return Main.EXIT_OK;
  }

  /** CPU nanoseconds the whole process used so far (all threads: JIT and GC too), or 0 when unknown. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /**
   * Figures of this run (not of the records a resume skipped); CPU seconds of the workers, the
   * reader, the writer and the whole process (JIT compiler and GC threads included) during the scan.
   */
  record ScanStats(long records, long bytes, long textBytes, double seconds, int threads, double workerCpu,
      double readerCpu, double writerCpu, double processCpu) {
    double mbPerSecond() {
      return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }

    double textMbPerSecond() {
      return seconds <= 0 ? 0 : textBytes / 1e6 / seconds;
    }

    double docsPerSecond() {
      return seconds <= 0 ? 0 : records / seconds;
    }
  }

  /** Re-reads the records and report lines a checkpoint covers, to rebuild the summary and host samples. */
  private void replay(RecordStream records, ScanCheckpoint ckpt, ScanSummary summary, HostProfiles hosts)
      throws IOException {
    try (InputStream in = Files.newInputStream(out);
        BufferedReader lines = new BufferedReader(new InputStreamReader(limit(in, ckpt.bytes()),
            Utf8.strictDecoder()), 1 << 16)) {
      for (long i = 0; i < ckpt.records(); i++) {
        String line = lines.readLine();
        InputRecord r = records.next();
        if (line == null || r == null) {
          throw new InputException(out + ": the checkpoint covers " + ckpt.records() + " records but "
              + (line == null ? "the report" : "the input") + " ends after " + i);
        }
        Map<String, Object> m;
        try {
          m = Json.parseObject(line);
        } catch (IllegalArgumentException e) {
          throw new InputException(out + ": line " + (i + 1) + " is not a report line (" + e.getMessage() + ")");
        }
        if (!r.id().equals(m.get("id"))) {
          throw new InputException(out + ": line " + (i + 1) + " is about " + m.get("id") + " but the input's record "
              + (i + 1) + " is " + r.id() + "; the inputs changed since the checkpoint");
        }
        summary.add(line);
        if (hosts != null) {
          hosts.offer(r, m.get("verdict") instanceof String v ? v : null);
        }
      }
      if (lines.readLine() != null) {
        throw new InputException(out + ": more lines than the checkpoint's " + ckpt.records() + " records in its "
            + ckpt.bytes() + " bytes");
      }
    }
  }

  private static InputStream limit(InputStream in, long max) {
    return new java.io.FilterInputStream(in) {
      long left = max;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int k = super.read(b, off, (int) Math.min(len, left));
        if (k > 0) {
          left -= k;
        }
        return k;
      }
    };
  }

  /** Writes report lines in order, feeds the summary and host samples, and checkpoints. */
  private static final class Writer implements ScanPipeline.Sink {
    final FileChannel channel;
    final OutputStream buffered;
    final Path ckptFile;
    final String digest;
    final ScanSummary summary;
    final HostProfiles hosts;
    final long intervalNanos;
    final AtomicLong written = new AtomicLong();
    long records;
    long bytes;
    long textBytes; // UTF-8 bytes of the texts checked in this run
    long lastCheckpoint = System.nanoTime();

    Writer(FileChannel channel, Path ckptFile, ScanCheckpoint start, String digest, ScanSummary summary,
        HostProfiles hosts, long intervalNanos) {
      this.channel = channel;
      this.buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      this.ckptFile = ckptFile;
      this.digest = digest;
      this.summary = summary;
      this.hosts = hosts;
      this.intervalNanos = intervalNanos;
      this.records = start.records();
      this.bytes = start.bytes();
    }

    @Override
    public void accept(RecordChecker.Checked c) throws IOException {
      byte[] line = (c.json() + "\n").getBytes(StandardCharsets.UTF_8);
      buffered.write(line);
      bytes += line.length;
      records++;
      written.incrementAndGet();
      summary.add(c.json());
      if (c.report() != null) {
        textBytes += utf8Length(c.record().text());
      }
      if (hosts != null && c.report() != null) {
        hosts.offer(c.record(), c.report().verdict().jsonName());
      }
      if (System.nanoTime() - lastCheckpoint >= intervalNanos) {
        checkpoint(false);
      }
    }

    /** Forces the report to disk, then records how much of it is complete. */
    void checkpoint(boolean complete) throws IOException {
      buffered.flush();
      channel.force(false);
      new ScanCheckpoint(records, bytes, complete, digest).write(ckptFile);
      lastCheckpoint = System.nanoTime();
    }
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** A digest of the inputs (paths, sizes, times) and of every option that changes the report's lines. */
  private String digest(List<Path> files, RecordOptions options) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      sb.append(f).append('\t').append(Files.size(f)).append('\t').append(Files.getLastModifiedTime(f).toMillis())
          .append('\n');
    }
    sb.append(options).append('\n').append(allLanguages).append('\n');
    sb.append(models.lms).append(models.noDefaultLm).append(models.lmWeights == null ? "" : java.util.Arrays.toString(
        models.lmWeights)).append(models.profiles).append(models.noDefaultProfile)
        .append(models.defaultProfileEverywhere ? "everywhere" : "").append(models.channelWeights)
        .append(models.detector).append(models.threshold);
    // (only when given, so that the checkpoints of scans without them still match)
    if (models.fingerprints != null) {
      sb.append("\tfingerprints ").append(models.fingerprints);
    }
    if (models.reranker != null || models.noReranker) {
      sb.append("\treranker ").append(models.noReranker ? "none" : models.reranker);
    }
    sb.append('\n').append(sources.index).append(sources.index == null ? "" : sources.minCoverage);
    return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static String summaryText(ScanSummary s, ScanStats stats, HostProfiles.Result grouped) {
    StringBuilder sb = new StringBuilder(s.describe("scan: "));
    sb.append(String.format(Locale.ROOT, "  this run: %d records in %s: input %.2f MB at %.4f MB/s, text %.2f MB at "
        + "%.4f MB/s, %.2f docs/s (%d threads)%n", stats.records(), ScanProgress.duration(stats.seconds()),
        stats.bytes() / 1e6, stats.mbPerSecond(), stats.textBytes() / 1e6, stats.textMbPerSecond(),
        stats.docsPerSecond(), stats.threads()));
    if (stats.processCpu() > 0) {
      double rest = stats.processCpu() - stats.workerCpu() - stats.readerCpu() - stats.writerCpu();
      sb.append(String.format(Locale.ROOT, "  cpu: %.1f s in the workers, %.1f s in the reader, %.1f s in the writer, "
          + "%.1f s in the whole process (JIT compiler, GC and the rest: %.1f s)%n", stats.workerCpu(),
          stats.readerCpu(), stats.writerCpu(), stats.processCpu(), Math.max(0, rest)));
    }
    if (grouped != null) {
      sb.append(grouped.describe());
    }
    return sb.toString();
  }
}
