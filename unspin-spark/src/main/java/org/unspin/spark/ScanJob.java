package org.unspin.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.InputException;
import org.unspin.api.UnspinException;
import org.unspin.records.HostProfiles;
import org.unspin.records.ScanHtml;
import org.unspin.records.ScanSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code unspin-spark}: the scan of {@code unspin scan} as an Apache Spark job. Reads WARC and
 * JSONL files from any Hadoop file system path, checks every record with one Unspin model per
 * executor, and writes the report as JSONL part files (the same lines as {@code unspin scan}) or
 * Parquet.
 *
 * <p>Each input file is one task (a {@code .warc.gz} is a sequence of gzip members that cannot be
 * split), so a job has as many tasks as files; records keep their order within a file and each
 * task writes its file's part under a name derived from the file ({@link PartFiles}), so
 * {@code cat part-*} gives the lines in the order {@code unspin scan} writes them for the same
 * files, and {@code --resume} checks only the files whose part is missing ({@link JobManifest}
 * refuses another job's output). With {@code --partitions N} the records of few large files are
 * read per file, then spread over N checking tasks; the lines are then not in input order (and
 * there is no resume). Exit codes: 0 done, 1 the job failed, 2 bad usage or input.
 *
 * <pre>
 * spark-submit --class org.unspin.spark.ScanJob unspin-spark.jar hdfs:///crawl/*.warc.gz --out hdfs:///reports/r1
 * </pre>
 */
@Command(name = "unspin-spark", mixinStandardHelpOptions = true,
    description = {"Scan WARC and JSONL files on any Hadoop file system with Unspin as a Spark job: one report "
        + "line per document (verdict, spun probability, findings), as JSONL or Parquet part files under --out.",
        "Run it with spark-submit; see docs/spark.md."})
public final class ScanJob implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ScanJob.class);

  /** Exit code for a finished job. */
  public static final int EXIT_OK = 0;
  /** Exit code for a job that failed (I/O, model, Spark). */
  public static final int EXIT_FAILURE = 1;
  /** Exit code for bad usage or bad input. */
  public static final int EXIT_USAGE = 2;

  @Parameters(paramLabel = "INPUT", arity = "1..*",
      description = "WARC/ARC (.warc, .arc) or JSONL (.jsonl, .ndjson) files, plain or .gz, directories "
          + "or globs, on any Hadoop file system (hdfs://, s3a://, file:, ...).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (Hadoop path).")
  String out;

  @Option(names = "--format", paramLabel = "jsonl|parquet", defaultValue = "jsonl",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--compression", paramLabel = "CODEC",
      description = "Output compression (e.g. gzip, bzip2 for JSONL; snappy, zstd, gzip for Parquet); "
          + "default: none for JSONL, snappy for Parquet.")
  String compression;

  @Option(names = "--overwrite", description = "Replace --out if it exists (default: fail).")
  boolean overwrite;

  @Option(names = "--resume",
      description = "Finish the job that wrote --out (a driver that died, a job that failed): check only the input "
          + "files whose part file is missing, keep the others, and summarize the whole scan. The inputs and the "
          + "options that shape the lines must be those of the earlier job. A missing or empty --out starts the scan. "
          + "Not with --partitions.")
  boolean resume;

  @Option(names = "--field", paramLabel = "F", defaultValue = "text",
      description = "JSONL field with the text (default: ${DEFAULT-VALUE}).")
  String textField;

  @Option(names = "--id-field", paramLabel = "F", defaultValue = "id",
      description = "JSONL field with the record's id (default: ${DEFAULT-VALUE}).")
  String idField;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "10000000",
      description = "Records larger than this become error lines (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(names = "--all-languages",
      description = "Check texts that do not look English too (default: they become error lines, as in scan).")
  boolean allLanguages;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Check records in N tasks instead of one task per file: records are read per file, then "
          + "spread over N partitions (a shuffle). Use it when there are fewer files than cores. The lines are then "
          + "not in input order. Default: 0 (one task per file, lines in input order).")
  int partitions;

  /** What --group-by can group by. */
  enum GroupBy { host }

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write a self-contained HTML summary (totals, a histogram of the scores, top "
          + "substitutions, error kinds, hosts that share a spinner) to FILE (Hadoop path), as scan --html.")
  String html;

  @Option(names = "--group-by", paramLabel = "host",
      description = "Learn a spinner profile per host from the scanned pages (on the executors) and report hosts "
          + "that share a spinner, as scan --group-by host.")
  GroupBy groupBy;

  @Option(names = "--hosts-out", paramLabel = "FILE",
      description = "Where --group-by writes its JSON (Hadoop path; default: OUT/_hosts.json, which Spark's "
          + "readers skip).")
  String hostsOut;

  @CommandLine.Mixin
  JobModelOptions models = new JobModelOptions();

  private final SparkSession givenSession;
  private final PrintWriter err;
  private JobSummary summary;

  private ScanJob(SparkSession session, PrintWriter err) {
    this.givenSession = session;
    this.err = err;
  }

  public static void main(String[] args) {
    int code = run(null, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (code != EXIT_OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the job with the given arguments.
   *
   * @param session the Spark session to run in (left running), or {@code null} to get or create
   *     the one {@code spark-submit} configured (stopped at the end)
   * @return the exit code
   */
  public static int run(SparkSession session, String[] args, PrintWriter out, PrintWriter err) {
    return execute(session, args, out, err).code();
  }

  /** The exit code and, when the job ran, its summary. */
  record Result(int code, JobSummary summary) {}

  static Result runForTest(SparkSession session, String[] args, PrintWriter out, PrintWriter err) {
    return execute(session, args, out, err);
  }

  private static Result execute(SparkSession session, String[] args, PrintWriter out, PrintWriter err) {
    ScanJob job = new ScanJob(session, err);
    CommandLine cl = new CommandLine(job);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("unspin-spark: " + ex.getMessage());
      err.println("Try 'unspin-spark --help' for usage.");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      UnspinException known = unspinCause(ex);
      err.println("unspin-spark: " + (known != null ? known.getMessage() : firstLine(ex)));
      LOG.debug("job failed", ex);
      err.flush();
      return known instanceof InputException ? EXIT_USAGE : EXIT_FAILURE;
    });
    int code = cl.execute(args);
    return new Result(code, job.summary);
  }

  @Override
  public Integer call() throws IOException {
    OutputFormat fmt = parseFormat(format);
    if (partitions < 0) {
      throw new InputException("--partitions must be >= 0 (got " + partitions + ")");
    }
    if (maxBytes <= 0) {
      throw new InputException("--max-bytes must be > 0 (got " + maxBytes + ")");
    }
    if (hostsOut != null && groupBy == null) {
      throw new InputException("--hosts-out needs --group-by host");
    }
    SparkSession spark = givenSession != null ? givenSession
        : SparkSession.builder().appName("unspin-scan").getOrCreate();
    try {
      summary = scan(spark, fmt);
      err.print(summary.totals().describe("unspin-spark: "));
      if (summary.hosts() != null) {
        err.print(summary.hosts().describe());
      }
      err.println("unspin-spark: " + summary.toLine());
      err.flush();
      LOG.info("scan done: {}", summary.toLine());
    } finally {
      if (givenSession == null) {
        spark.stop();
      }
    }
    return EXIT_OK;
  }

  private JobSummary scan(SparkSession spark, OutputFormat fmt) throws IOException {
    long t0 = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(out);
    FileSystem outFs = outPath.getFileSystem(conf);
    if (resume && overwrite) {
      throw new InputException("--resume and --overwrite exclude each other");
    }
    if (resume && partitions > 0) {
      throw new InputException("--resume works only in the one-task-per-file mode: with --partitions every part "
          + "file mixes records of all input files (leave out --partitions, or start over with --overwrite)");
    }
    boolean exists = outFs.exists(outPath);
    if (exists && !overwrite && !resume) {
      throw new InputException("output " + out + " exists (use --overwrite to replace it, or --resume to finish it)");
    }
    List<String> files = InputFiles.expand(inputs, conf);
    HadoopConf hadoopConf = new HadoopConf(conf);
    // Validates --compression before anything is written.
    PartFiles parts = partitions == 0 ? new PartFiles(out, fmt, compression, files.size(), hadoopConf) : null;
    JobManifest manifest = JobManifest.of(lineSettings(fmt, parts), files, conf);
    long bytes = manifest.bytes();
    ModelSpec spec = models.shipTo(jsc);
    LOG.info("scanning {} files ({} bytes) into {} as {}", files.size(), bytes, out, fmt);

    FileRecords reader = new FileRecords(textField, idField, maxBytes, hadoopConf);
    HostSampleAccumulator hostSamples = null;
    if (groupBy != null) {
      hostSamples = new HostSampleAccumulator(HostProfiles.Config.defaults());
      jsc.sc().register(hostSamples, "unspin host samples");
    }
    Counts counts = parts != null
        ? perFile(jsc, spec, reader, hostSamples, parts, manifest, files, exists)
        : shuffled(spark, jsc, fmt, spec, reader, hostSamples, files);
    HostProfiles.Result grouped = null;
    if (hostSamples != null) {
      grouped = learnHosts(jsc, spec, hostSamples.value(), conf);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    JobSummary result = new JobSummary(files.size(), bytes, counts.documents(), counts.errors(), counts.spun(),
        seconds, counts.totals(), grouped, counts.keptFiles(), counts.keptBytes(), counts.keptDocuments());
    if (result.keptFiles() > 0) {
      err.println("unspin-spark: resumed " + out + ": " + result.keptFiles() + " of " + result.files()
          + " files were done; their lines were kept, the summary counts them");
    }
    if (html != null) {
      String run = String.format(Locale.ROOT, "%d files, %d records in %.1f s: input %.4f MB/s, %.2f docs/s (Spark, "
          + "%s)", files.size(), result.documents(), seconds, result.megabytesPerSecond(), result.documentsPerSecond(),
          jsc.master());
      if (result.keptFiles() > 0) {
        run += String.format(Locale.ROOT, "; resumed: %d files, %d records kept from the earlier run",
            result.keptFiles(), result.keptDocuments());
      }
      writeText(conf, html, ScanHtml.page(counts.totals(), run, grouped, out));
    }
    return result;
  }

  /** The whole scan's counts, and what of them an earlier run had done. */
  private record Counts(long documents, long errors, long spun, ScanSummary totals, long keptFiles, long keptBytes,
      long keptDocuments) {}

  /** One input file: its index in the sorted list and its URI. */
  record FileTask(int index, String uri) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One input file's summary, as a task hands it to the driver. */
  record FileSummary(int index, ScanSummary summary) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The options that shape the report's lines and files, for {@link JobManifest}. */
  private Map<String, String> lineSettings(OutputFormat fmt, PartFiles parts) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("--format", fmt.name().toLowerCase(Locale.ROOT));
    m.put("--compression", parts != null ? parts.codec()
        : compression == null ? "" : compression.toLowerCase(Locale.ROOT));
    m.put("--field", textField);
    m.put("--id-field", idField);
    m.put("--max-bytes", Long.toString(maxBytes));
    m.put("--all-languages", Boolean.toString(allLanguages));
    m.putAll(models.settings());
    return m;
  }

  /**
   * One task per file: each task writes its file's part and the part's state ({@link PartFiles});
   * with {@code --resume}, files whose part is complete are skipped and their states read back.
   */
  private Counts perFile(JavaSparkContext jsc, ModelSpec spec, FileRecords reader, HostSampleAccumulator hostSamples,
      PartFiles parts, JobManifest manifest, List<String> files, boolean exists) throws IOException {
    Configuration conf = jsc.hadoopConfiguration();
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(out);
    FileSystem outFs = outPath.getFileSystem(conf);
    boolean[] done = new boolean[files.size()];
    JobManifest earlier = null;
    if (exists && overwrite) {
      if (!outFs.delete(outPath, true)) {
        throw new IOException("cannot delete " + out);
      }
    } else if (exists) {
      if (!outFs.getFileStatus(outPath).isDirectory()) {
        throw new InputException("cannot resume " + out + ": it is not a directory");
      }
      earlier = JobManifest.readFrom(outPath, conf);
      if (earlier == null && outFs.listStatus(outPath).length > 0) {
        throw new InputException("cannot resume " + out + ": it has no " + JobManifest.NAME
            + " (not the output of an unspin-spark job in the one-task-per-file mode)");
      }
      if (earlier != null) {
        String difference = manifest.differenceFrom(earlier);
        if (difference != null) {
          throw new InputException("cannot resume " + out + ": the earlier job differs: " + difference);
        }
        done = parts.complete(files);
      }
    }
    if (earlier == null) {
      if (resume) {
        err.println("unspin-spark: nothing to resume in " + out + ", starting the scan");
      }
      outFs.mkdirs(outPath);
      manifest.writeTo(outPath, conf);
    }
    org.apache.hadoop.fs.Path success = new org.apache.hadoop.fs.Path(outPath, "_SUCCESS");
    outFs.delete(success, false);

    List<FileTask> todo = new ArrayList<>();
    List<FileTask> kept = new ArrayList<>();
    long keptBytes = 0;
    for (int i = 0; i < files.size(); i++) {
      (done[i] ? kept : todo).add(new FileTask(i, files.get(i)));
      if (done[i]) {
        keptBytes += manifest.files().get(i).size();
      }
    }
    LOG.info("{} files to check, {} done by an earlier run", todo.size(), kept.size());
    RecordCheck checker = new RecordCheck(spec, !allLanguages, null, null, null, null, hostSamples);
    ScanSummary[] byFile = new ScanSummary[files.size()];
    if (!kept.isEmpty()) {
      HostSampleAccumulator hosts = hostSamples;
      // Reading a state is cheap; spread them over a few tasks. With --group-by host the task also
      // re-reads the file's records (without checking them) to give the host samples their pages.
      List<FileSummary> before = jsc.parallelize(kept, Math.min(kept.size(), 4 * jsc.defaultParallelism()))
          .map(t -> {
            PartState state = parts.readState(t.index(), t.uri());
            if (hosts != null) {
              RecordCheck.replayHosts(reader.read(List.of(t.uri()).iterator()), t.index(), state, hosts);
            }
            return new FileSummary(t.index(), state.summary());
          })
          .collect();
      before.forEach(f -> byFile[f.index()] = f.summary());
    }
    long keptDocuments = 0;
    for (FileTask t : kept) {
      keptDocuments += byFile[t.index()].documents() + byFile[t.index()].errors();
    }
    if (!todo.isEmpty()) {
      // One slice per file: parallelize puts element i alone into slice i when the counts are equal.
      List<FileSummary> now = jsc.parallelize(todo, todo.size())
          .map(t -> new FileSummary(t.index(),
              checker.checkFile(reader.read(List.of(t.uri()).iterator()), t.index(), t.uri(), parts).summary()))
          .collect();
      now.forEach(f -> byFile[f.index()] = f.summary());
    }
    // Merged in file order, so a resumed job sums exactly as an uninterrupted one.
    ScanSummary totals = new ScanSummary();
    for (ScanSummary s : byFile) {
      totals.merge(s);
    }
    parts.deleteTemporary();
    try (var o = outFs.create(success, true)) {
      LOG.debug("wrote {}", success);
    }
    return new Counts(totals.documents() + totals.errors(), totals.errors(), totals.spun(), totals, kept.size(),
        keptBytes, keptDocuments);
  }

  /**
   * {@code --partitions N}: records are read in one task per file, then dealt out to N checking
   * tasks (order not kept) and written with Spark's writer.
   */
  private Counts shuffled(SparkSession spark, JavaSparkContext jsc, OutputFormat fmt, ModelSpec spec,
      FileRecords reader, HostSampleAccumulator hostSamples, List<String> files) {
    LongAccumulator documents = jsc.sc().longAccumulator("unspin documents");
    LongAccumulator errors = jsc.sc().longAccumulator("unspin errors");
    LongAccumulator spun = jsc.sc().longAccumulator("unspin spun");
    SummaryAccumulator totals = new SummaryAccumulator();
    jsc.sc().register(totals, "unspin summary");
    RecordCheck checker = new RecordCheck(spec, !allLanguages, documents, errors, spun, totals, hostSamples);
    JavaRDD<String> lines = jsc.parallelize(files, files.size())
        .mapPartitionsWithIndex((i, f) -> RecordCheck.ordered(reader.read(f), i), false)
        .repartition(partitions)
        .mapPartitions(checker::checkShuffled);
    Dataset<String> report = spark.createDataset(lines.rdd(), Encoders.STRING());
    SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    switch (fmt) {
      case JSONL -> report.write().mode(mode).option("compression", compression == null ? "none" : compression)
          .text(out);
      case PARQUET -> ReportSchema.rows(report).write().mode(mode)
          .option("compression", compression == null ? "snappy" : compression).parquet(out);
      default -> throw new IllegalStateException("format " + fmt);
    }
    return new Counts(documents.value(), errors.value(), spun.value(), totals.value(), 0, 0, 0);
  }

  /**
   * Learns one profile per host with enough pages, on the executors (hosts spread over the
   * default parallelism), compares them on the driver and writes the JSON.
   */
  private HostProfiles.Result learnHosts(JavaSparkContext jsc, ModelSpec spec, HostSamples samples,
      Configuration conf) throws IOException {
    HostProfiles profiles = new HostProfiles(samples.config());
    samples.feed(profiles);
    List<HostProfiles.HostSample> eligible = profiles.eligible();
    LOG.info("learning spinner profiles of {} hosts ({} with enough pages)", profiles.hostCount(), eligible.size());
    List<HostProfiles.Learned> learned = eligible.isEmpty() ? List.of()
        : jsc.parallelize(eligible, Math.max(1, Math.min(eligible.size(), 4 * jsc.defaultParallelism())))
            .map(h -> HostProfiles.Learned.of(ExecutorModels.get(spec).restorer(), h))
            .collect();
    HostProfiles.Result grouped = profiles.compare(learned);
    String target = hostsOut != null ? hostsOut : new org.apache.hadoop.fs.Path(out, "_hosts.json").toString();
    writeText(conf, target, grouped.toJson() + "\n");
    err.println("unspin-spark: host profiles written to " + target);
    return grouped;
  }

  /** Writes a small UTF-8 file to a Hadoop path (replacing it). */
  private static void writeText(Configuration conf, String path, String text) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try (var o = p.getFileSystem(conf).create(p, true)) {
      o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static OutputFormat parseFormat(String s) {
    try {
      return OutputFormat.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--format must be jsonl or parquet (got " + s + ")");
    }
  }

  /** The first {@link UnspinException} in the cause chain (Spark wraps executor failures), or null. */
  static UnspinException unspinCause(Throwable t) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof UnspinException u) {
        return u;
      }
    }
    return null;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    String s = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
