package org.unspin.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * split), so a job has as many tasks as files; records keep their order within a file and part
 * files follow the sorted file order, so {@code cat part-*} gives the lines in the order
 * {@code unspin scan} writes them for the same files. With {@code --partitions N} the records of
 * few large files are read per file, then spread over N checking tasks; the lines are then not in
 * input order. Exit codes: 0 done, 1 the job failed, 2 bad usage or input.
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
    if (!overwrite && outPath.getFileSystem(conf).exists(outPath)) {
      throw new InputException("output " + out + " exists (use --overwrite to replace it)");
    }
    List<String> files = InputFiles.expand(inputs, conf);
    long bytes = 0;
    for (String f : files) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f);
      FileSystem fs = p.getFileSystem(conf);
      bytes += fs.getFileStatus(p).getLen();
    }
    ModelSpec spec = models.shipTo(jsc);
    LOG.info("scanning {} files ({} bytes) into {} as {}", files.size(), bytes, out, fmt);

    LongAccumulator documents = jsc.sc().longAccumulator("unspin documents");
    LongAccumulator errors = jsc.sc().longAccumulator("unspin errors");
    LongAccumulator spun = jsc.sc().longAccumulator("unspin spun");
    FileRecords reader = new FileRecords(textField, idField, maxBytes, new HadoopConf(conf));
    SummaryAccumulator totals = new SummaryAccumulator();
    jsc.sc().register(totals, "unspin summary");
    HostSampleAccumulator hostSamples = null;
    if (groupBy != null) {
      hostSamples = new HostSampleAccumulator(HostProfiles.Config.defaults());
      jsc.sc().register(hostSamples, "unspin host samples");
    }
    RecordCheck checker = new RecordCheck(spec, !allLanguages, documents, errors, spun, totals, hostSamples);
    // One slice per file: parallelize puts element i alone into slice i when the counts are equal.
    JavaRDD<String> perFile = jsc.parallelize(files, files.size());
    JavaRDD<String> lines;
    if (partitions == 0) {
      lines = perFile.mapPartitionsWithIndex((i, f) -> checker.check(reader.read(f), i), false);
    } else {
      // Records are read in one task per file, then dealt out to the checking tasks (order not kept).
      lines = perFile.mapPartitionsWithIndex((i, f) -> RecordCheck.ordered(reader.read(f), i), false)
          .repartition(partitions)
          .mapPartitions(checker::checkShuffled);
    }
    Dataset<String> report = spark.createDataset(lines.rdd(), Encoders.STRING());
    SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    switch (fmt) {
      case JSONL -> report.write().mode(mode).option("compression", compression == null ? "none" : compression)
          .text(out);
      case PARQUET -> ReportSchema.rows(report).write().mode(mode)
          .option("compression", compression == null ? "snappy" : compression).parquet(out);
      default -> throw new IllegalStateException("format " + fmt);
    }
    HostProfiles.Result grouped = null;
    if (hostSamples != null) {
      grouped = learnHosts(jsc, spec, hostSamples.value(), conf);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    JobSummary result = new JobSummary(files.size(), bytes, documents.value(), errors.value(), spun.value(), seconds,
        totals.value(), grouped);
    if (html != null) {
      String run = String.format(Locale.ROOT, "%d files, %d records in %.1f s: input %.4f MB/s, %.2f docs/s (Spark, "
          + "%s)", files.size(), result.documents(), seconds, result.megabytesPerSecond(), result.documentsPerSecond(),
          jsc.master());
      writeText(conf, html, ScanHtml.page(totals.value(), run, grouped, out));
    }
    return result;
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
