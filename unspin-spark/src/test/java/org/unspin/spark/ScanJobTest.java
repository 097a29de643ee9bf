package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.index.IndexOptions;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceIndexWriter;
import org.unspin.index.SourceReports;
import org.unspin.lm.DefaultModels;
import org.unspin.records.HostProfiles;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordChecker;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;
import org.unspin.records.ScanSummary;
import org.unspin.util.Json;

/** The job in {@code local[2]} on a small crawl, against the lines {@code unspin scan} writes for it. */
class ScanJobTest {
  @TempDir
  static Path tmp;

  static Path crawl;
  static List<Path> files;
  /** The report {@code unspin scan} writes for {@link #files}: its records, in its order, through the same checker. */
  static List<String> scanLines;

  @BeforeAll
  static void writeCrawlAndScanIt() throws IOException {
    crawl = Fixtures.crawl(tmp.resolve("crawl"));
    files = List.of(crawl.resolve("a.warc"), crawl.resolve("b.warc.gz"), crawl.resolve("c.jsonl"),
        crawl.resolve("d.warc.gz"));
    scanLines = linesOf(files.toArray(Path[]::new));
  }

  static List<String> linesOf(Path... inputs) throws IOException {
    List<String> lines = new ArrayList<>();
    try (RecordStream s = Records.open(List.of(inputs), RecordOptions.defaults())) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
        lines.add(new RecordChecker(ExecutorModels.get(ModelSpec.DEFAULTS)).toJson(r));
      }
    }
    return lines;
  }

  record Run(int code, String out, String err, JobSummary summary) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    SparkSession spark = LocalSpark.session();
    ScanJob.Result r = ScanJob.runForTest(spark, args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(r.code(), out.toString(), err.toString(), r.summary());
  }

  /** The JSONL report: the part files in name order, concatenated. */
  static List<String> readParts(Path dir) throws IOException {
    assertTrue(Files.exists(dir.resolve("_SUCCESS")), "the job committed its output");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  @Test
  void fixtureHoldsDocumentsAndErrorsOfEveryKind() throws IOException {
    long errors = scanLines.stream().filter(l -> l.contains("\"error\":")).count();
    assertTrue(errors >= 5, "bad charset twice, truncated gzip, broken JSON line, corrupt gzip: " + scanLines);
    List<String> corrupt = linesOf(crawl.resolve("d.warc.gz"));
    assertEquals(3, corrupt.size(), "one line per member, the broken one an error: " + corrupt);
    assertTrue(corrupt.get(1).contains("\"error\":") && corrupt.get(2).contains("spinner.example/three"),
        "the reader goes on after the broken member: " + corrupt);
    assertTrue(scanLines.size() - errors >= 8, "documents: " + scanLines);
    assertTrue(scanLines.stream().anyMatch(l -> l.contains("\"verdict\":\"spun\"")), "a spun page: " + scanLines);
    assertTrue(scanLines.stream().anyMatch(l -> l.contains("\"verdict\":\"clean\"")), "a clean page: " + scanLines);
  }

  @Test
  void jsonlReportEqualsScanLinesInScanOrder() throws IOException {
    Path out = tmp.resolve("report-jsonl");
    Run r = run(crawl.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(scanLines, readParts(out));
    JobSummary s = r.summary();
    assertEquals(files.size(), s.files());
    assertEquals(scanLines.size(), s.documents());
    assertEquals(scanLines.stream().filter(l -> l.contains("\"error\":")).count(), s.errors());
    assertEquals(scanLines.stream().filter(l -> l.contains("\"verdict\":\"spun\"")).count(), s.spun());
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    assertEquals(bytes, s.bytes());
    assertTrue(r.err().contains(scanLines.size() + " documents"), r.err());
  }

  /**
   * --group-by host, --hosts-out and --html: the hosts' JSON equals what {@code unspin scan
   * --group-by host} learns from the same records (in file order or spread over partitions), and
   * the summary and its HTML page hold the scan's totals.
   */
  @Test
  void groupByHostAndHtmlSummaryEqualTheScans() throws IOException {
    HostProfiles scanHosts = new HostProfiles(HostProfiles.Config.defaults());
    ScanSummary scanTotals = new ScanSummary();
    RecordChecker checker = new RecordChecker(ExecutorModels.get(ModelSpec.DEFAULTS));
    try (RecordStream s = Records.open(files, RecordOptions.defaults())) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
        RecordChecker.Checked c = checker.check(r);
        scanTotals.add(c.json());
        scanHosts.offer(c.record(), c.report() == null ? null : c.report().verdict().jsonName());
      }
    }
    String expected = scanHosts.learn(ExecutorModels.get(ModelSpec.DEFAULTS).restorer(), 1).toJson() + "\n";
    assertTrue(scanHosts.eligible().size() >= 2, "the crawl has hosts with enough pages: " + scanHosts);

    Path out = tmp.resolve("report-hosts");
    Path page = tmp.resolve("summary.html");
    Run r = run(crawl.toString(), "--out", out.toString(), "--group-by", "host", "--html", page.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(scanLines, readParts(out), "_hosts.json is not a part file");
    assertEquals(expected, Files.readString(out.resolve("_hosts.json")));
    assertEquals(scanTotals.describe("unspin-spark: "), r.summary().totals().describe("unspin-spark: "));
    assertTrue(r.err().contains(scanTotals.describe("unspin-spark: ")), r.err());
    assertTrue(r.err().contains("  hosts: " + r.summary().hosts().hosts().size() + " profiled"), r.err());
    String html = Files.readString(page);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("Hosts that share a spinner")
        && html.contains("<svg") && html.contains(Long.toString(scanTotals.documents())), html);

    Path spread = tmp.resolve("report-hosts-spread");
    Path hostsFile = tmp.resolve("hosts-spread.json");
    Run p = run(crawl.toString(), "--out", spread.toString(), "--partitions", "3", "--group-by", "host",
        "--hosts-out", hostsFile.toString());
    assertEquals(0, p.code(), p.err());
    assertEquals(expected, Files.readString(hostsFile), "the same hosts whatever the order tasks finish in");

    Run bad = run(crawl.toString(), "--out", tmp.resolve("report-bad").toString(), "--hosts-out", "x.json");
    assertEquals(ScanJob.EXIT_USAGE, bad.code());
    assertTrue(bad.err().startsWith("unspin-spark: --hosts-out needs --group-by host"), bad.err());
  }

  /**
   * --index: the index is shipped to the executors and every line ends with the same
   * "source_match" that {@code unspin scan --index} writes for the record.
   */
  @Test
  void indexedSourcesAreNamedAsTheScanNamesThem() throws IOException {
    Path index = tmp.resolve("sources");
    try (SourceIndexWriter w = SourceIndexWriter.create(index, IndexOptions.defaults())) {
      w.add("rates-story", "https://wire.example/rates", Fixtures.CLEAN);
      w.add("ai-paper", "https://journal.example/ai", "The proposed strategy uses artificial intelligence and deep "
          + "learning to detect breast cancer, and a random forest classifier was trained on the data in our study.");
    }
    List<String> expected = new ArrayList<>();
    RecordChecker checker = new RecordChecker(ExecutorModels.get(ModelSpec.DEFAULTS));
    try (SourceIndex idx = SourceIndex.open(index);
        RecordStream s = Records.open(files, RecordOptions.defaults())) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
        expected.add(SourceReports.withSourceMatch(checker.check(r), idx, 0.5).json());
      }
    }
    assertTrue(expected.stream().anyMatch(l -> l.contains("\"source_match\": {\"id\": \"ai-paper\"")),
        String.join("\n", expected));
    assertTrue(expected.stream().anyMatch(l -> l.contains("\"source_match\": {\"id\": \"rates-story\"")),
        String.join("\n", expected));

    Path out = tmp.resolve("report-index");
    Run r = run(crawl.toString(), "--out", out.toString(), "--index", index.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(expected, readParts(out));

    Run notIndex = run(crawl.toString(), "--out", tmp.resolve("report-noindex").toString(), "--index",
        crawl.toString());
    assertEquals(ScanJob.EXIT_USAGE, notIndex.code());
    assertTrue(notIndex.err().startsWith("unspin-spark: not a source index"), notIndex.err());
  }

  @Test
  void filesNamedOneByOneAndByGlobGiveTheSameLines() throws IOException {
    Path out = tmp.resolve("report-glob");
    Run r = run(crawl + "/*.warc*", crawl.resolve("c.jsonl").toString(), "--out", "file:" + out);
    assertEquals(0, r.code(), r.err());
    assertEquals(scanLines, readParts(out));
  }

  @Test
  void spreadOverMorePartitionsThanFilesGivesTheSameLinesInAnotherOrder() throws IOException {
    Path out = tmp.resolve("report-partitions");
    Run r = run(crawl.toString(), "--out", out.toString(), "--partitions", "5");
    assertEquals(0, r.code(), r.err());
    List<String> lines = readParts(out);
    try (Stream<Path> parts = Files.list(out)) {
      assertEquals(5, parts.filter(p -> p.getFileName().toString().startsWith("part-")).count());
    }
    assertEquals(scanLines.stream().sorted().toList(), lines.stream().sorted().toList());
    assertEquals(scanLines.size(), r.summary().documents());
  }

  @Test
  void gzipOutputHoldsTheSameLines() throws IOException {
    Path out = tmp.resolve("report-gz");
    Run r = run(crawl.resolve("c.jsonl").toString(), "--out", out.toString(), "--compression", "gzip");
    assertEquals(0, r.code(), r.err());
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList()) {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
          lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
      }
    }
    assertEquals(linesOf(crawl.resolve("c.jsonl")), lines);
  }

  @Test
  void parquetRowsHoldTheFieldsOfTheScanLines() throws IOException {
    Path out = tmp.resolve("report-parquet");
    Run r = run(crawl.toString(), "--out", out.toString(), "--format", "parquet");
    assertEquals(0, r.code(), r.err());
    List<Row> rows = LocalSpark.session().read().parquet(out.toString()).collectAsList();
    // Parquet rows are compared as a multiset of their fields: the crawl repeats ids across files.
    List<String> got = rows.stream().map(ScanJobTest::fieldsOfRow).sorted().toList();
    List<String> expected = scanLines.stream().map(ScanJobTest::fieldsOfLine).sorted().toList();
    assertEquals(expected, got);

    // A part lost (its driver died before the rename): --resume writes it again, the rest is kept.
    Path lost;
    try (Stream<Path> parts = Files.list(out)) {
      lost = parts.filter(p -> p.getFileName().toString().matches("part-00002-[0-9a-f]{8}\\.snappy\\.parquet"))
          .findFirst().orElseThrow();
    }
    Files.delete(lost);
    Run resumed = run(crawl.toString(), "--out", out.toString(), "--format", "parquet", "--resume");
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(3, resumed.summary().keptFiles());
    assertTrue(Files.exists(lost));
    assertEquals(expected, LocalSpark.session().read().parquet(out.toString()).collectAsList().stream()
        .map(ScanJobTest::fieldsOfRow).sorted().toList());
    assertEquals(r.summary().totals().describe(""), resumed.summary().totals().describe(""));
  }

  private static String fieldsOfLine(String line) {
    Map<String, Object> m = Json.parseObject(line);
    StringBuilder sb = new StringBuilder();
    sb.append(m.get("id")).append('|').append(m.get("uri")).append('|').append(m.get("source")).append('|')
        .append(m.get("error")).append('|').append(m.get("verdict")).append('|')
        .append(m.get("spun_probability") == null ? null : ((Number) m.get("spun_probability")).doubleValue())
        .append('|').append(m.get("note"));
    List<?> findings = m.get("findings") == null ? List.of() : (List<?>) m.get("findings");
    for (Object o : findings) {
      Map<?, ?> f = (Map<?, ?>) o;
      sb.append("|[").append(((Number) f.get("start")).intValue()).append(',')
          .append(((Number) f.get("end")).intValue()).append(',').append(f.get("text")).append(',')
          .append(f.get("suggestion")).append(',').append(((Number) f.get("confidence")).doubleValue()).append(',')
          .append(f.get("rule")).append(']');
    }
    return sb.toString();
  }

  private static String fieldsOfRow(Row row) {
    StringBuilder sb = new StringBuilder();
    sb.append((String) row.getAs("id")).append('|').append((String) row.getAs("uri")).append('|')
        .append((String) row.getAs("source")).append('|').append((String) row.getAs("error")).append('|')
        .append((String) row.getAs("verdict")).append('|').append((Double) row.getAs("spun_probability"))
        .append('|').append((String) row.getAs("note"));
    List<Row> findings = row.isNullAt(row.fieldIndex("findings")) ? List.of()
        : row.getList(row.fieldIndex("findings"));
    for (Row f : findings) {
      sb.append("|[").append((int) f.getAs("start")).append(',').append((int) f.getAs("end")).append(',')
          .append((String) f.getAs("text")).append(',').append((String) f.getAs("suggestion")).append(',')
          .append((double) f.getAs("confidence")).append(',').append((String) f.getAs("rule")).append(']');
    }
    return sb.toString();
  }

  @Test
  void shippedLanguageModelIsMappedOnTheExecutorsAndScoresLikeTheSameModelEmbedded() throws IOException {
    DefaultModels.languageModel();
    Path copy;
    try (Stream<Path> cached = Files.list(DefaultModels.cacheDirectory())) {
      copy = cached.filter(p -> p.getFileName().toString().matches("default-.*\\.ulm")).findFirst().orElseThrow();
    }
    Path out = tmp.resolve("report-shipped-lm");
    Run r = run(crawl.resolve("a.warc").toString(), "--out", out.toString(), "--lm", copy.toString(),
        "--no-default-lm");
    assertEquals(0, r.code(), r.err());
    assertEquals(linesOf(crawl.resolve("a.warc")), readParts(out));
  }

  @Test
  void existingOutputIsRefusedUnlessOverwriteIsGiven() throws IOException {
    Path out = tmp.resolve("report-exists");
    Files.createDirectories(out);
    Files.writeString(out.resolve("old.txt"), "old");
    Run refused = run(crawl.resolve("c.jsonl").toString(), "--out", out.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("exists"), refused.err());
    Run replaced = run(crawl.resolve("c.jsonl").toString(), "--out", out.toString(), "--overwrite");
    assertEquals(0, replaced.code(), replaced.err());
    assertEquals(linesOf(crawl.resolve("c.jsonl")), readParts(out));
  }

  @Test
  void badUsageAndMissingInputsExitWithTwoAndOneLine() throws IOException {
    Path out = tmp.resolve("never");
    Run missing = run(tmp.resolve("nope.warc").toString(), "--out", out.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("unspin-spark: input not found: "), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());
    Run format = run(crawl.toString(), "--out", out.toString(), "--format", "csv");
    assertEquals(2, format.code());
    assertTrue(format.err().contains("--format"), format.err());
    Run model = run(crawl.toString(), "--out", out.toString(), "--lm", tmp.resolve("none.ulm").toString());
    assertEquals(2, model.code());
    assertTrue(model.err().contains("none.ulm"), model.err());
    Run partitions = run(crawl.toString(), "--out", out.toString(), "--partitions", "-1");
    assertEquals(2, partitions.code());
    assertTrue(partitions.err().contains("--partitions"), partitions.err());
    Files.createDirectories(tmp.resolve("m1"));
    Files.createDirectories(tmp.resolve("m2"));
    Files.writeString(tmp.resolve("m1/site.tsv"), "x");
    Files.writeString(tmp.resolve("m2/site.tsv"), "y");
    Run sameName = run(crawl.toString(), "--out", out.toString(), "--profile", tmp.resolve("m1/site.tsv").toString(),
        "--profile", tmp.resolve("m2/site.tsv").toString());
    assertEquals(2, sameName.code());
    assertTrue(sameName.err().contains("same name site.tsv"), sameName.err());
    Run noOut = run(crawl.toString());
    assertEquals(2, noOut.code());
    assertTrue(noOut.err().contains("--out"), noOut.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  void brokenModelFileFailsTheJobWithOneLineNamingIt() throws IOException {
    Path bad = tmp.resolve("broken.ulm");
    Files.writeString(bad, "not a language model");
    Path out = tmp.resolve("report-broken-model");
    Run r = run(crawl.resolve("c.jsonl").toString(), "--out", out.toString(), "--lm", bad.toString(),
        "--no-default-lm");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith("unspin-spark: ") && r.err().contains("broken.ulm"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
