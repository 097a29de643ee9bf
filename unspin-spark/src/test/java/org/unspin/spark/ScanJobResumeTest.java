package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume}: a job whose driver died finishes to the report, summary and host profiles of
 * one uninterrupted run.
 *
 * <p>A dead driver is simulated by deleting files from a finished run's output. That is what a
 * driver that dies leaves, because tasks write every part under a temporary name and publish it by
 * renaming, its state first: at any moment an input file has nothing in place, its state only, or
 * its state and its part, plus stray temporary files; {@code _SUCCESS} (and {@code _hosts.json})
 * are written only at the end. The test leaves each of those cases.
 */
class ScanJobResumeTest {
  @TempDir
  static Path tmp;

  static Path crawl;

  @BeforeAll
  static void writeCrawl() throws IOException {
    crawl = Fixtures.crawl(tmp.resolve("crawl"));
  }

  static List<Path> partFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
  }

  @Test
  void resumeAfterADeadDriverGivesTheLinesSummaryAndHostsOfAnUninterruptedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    ScanJobTest.Run a = ScanJobTest.run(crawl.toString(), "--out", whole.toString(), "--group-by", "host");
    assertEquals(0, a.code(), a.err());
    List<String> expected = ScanJobTest.readParts(whole);
    List<Path> parts = partFiles(whole);
    assertEquals(4, parts.size(), "one part per input file: " + parts);
    for (int i = 0; i < parts.size(); i++) {
      String name = parts.get(i).getFileName().toString();
      assertTrue(name.matches("part-0000" + i + "-[0-9a-f]{8}\\.jsonl"), name);
    }

    Path cut = tmp.resolve("cut");
    copyTree(whole, cut);
    Path states = cut.resolve(PartFiles.STATE_DIR);
    String second = parts.get(1).getFileName().toString();
    String fourth = parts.get(3).getFileName().toString();
    Files.delete(cut.resolve(second)); // the state was published, the part not yet
    Files.delete(cut.resolve(fourth)); // nothing published ...
    Files.delete(states.resolve(fourth + ".state"));
    Files.createDirectories(cut.resolve(PartFiles.TEMP_DIR)); // ... but an attempt had begun to write it
    Files.writeString(cut.resolve(PartFiles.TEMP_DIR).resolve(fourth + ".attempt-7"), "{\"id\": \"half a li");
    Files.delete(cut.resolve("_SUCCESS"));
    Files.delete(cut.resolve("_hosts.json"));

    ScanJobTest.Run b = ScanJobTest.run(crawl.toString(), "--out", cut.toString(), "--group-by", "host", "--resume");
    assertEquals(0, b.code(), b.err());
    assertEquals(expected, ScanJobTest.readParts(cut), "the same lines in the same order");
    assertEquals(expected.stream().sorted().toList(), ScanJobTest.readParts(cut).stream().sorted().toList());
    assertEquals(parts.stream().map(p -> p.getFileName().toString()).toList(),
        partFiles(cut).stream().map(p -> p.getFileName().toString()).toList());
    assertFalse(Files.exists(cut.resolve(PartFiles.TEMP_DIR)), "the temporary files are gone");
    assertEquals(Files.readString(whole.resolve("_hosts.json")), Files.readString(cut.resolve("_hosts.json")));

    JobSummary sa = a.summary();
    JobSummary sb = b.summary();
    assertEquals(2, sb.keptFiles(), "two parts were complete: " + b.err());
    assertEquals(Files.size(crawl.resolve("a.warc")) + Files.size(crawl.resolve("c.jsonl")), sb.keptBytes());
    assertEquals(ScanJobTest.linesOf(crawl.resolve("a.warc")).size()
        + ScanJobTest.linesOf(crawl.resolve("c.jsonl")).size(), sb.keptDocuments());
    assertEquals(List.of(sa.files(), sa.bytes(), sa.documents(), sa.errors(), sa.spun()),
        List.of(sb.files(), sb.bytes(), sb.documents(), sb.errors(), sb.spun()));
    assertEquals(sa.totals().describe(""), sb.totals().describe(""));
    assertEquals(sa.hosts().toJson(), sb.hosts().toJson());
    assertTrue(b.err().contains("resumed " + cut + ": 2 of 4 files were done"), b.err());
    assertTrue(b.err().contains(sa.totals().describe("unspin-spark: ")), b.err());

    // Resuming a finished job checks nothing and describes the same scan.
    ScanJobTest.Run c = ScanJobTest.run(crawl.toString(), "--out", cut.toString(), "--resume");
    assertEquals(0, c.code(), c.err());
    assertEquals(4, c.summary().keptFiles());
    assertEquals(sa.totals().describe(""), c.summary().totals().describe(""));
    assertEquals(expected, ScanJobTest.readParts(cut));
  }

  /**
   * A job that really stops part-way: the output store fails as the task of the third file
   * publishes its part ({@link FailingFileSystem}); in {@code local[N]} mode a task is not retried,
   * so the job fails with exit 1 while the other files' tasks finish or are cancelled. Once the
   * store is back, {@code --resume} gives the report and summary of an uninterrupted run.
   */
  @Test
  void jobThatFailedPartWayResumesToTheReportOfAnUninterruptedRun() throws IOException {
    FailingFileSystem.register(LocalSpark.session().sparkContext().hadoopConfiguration());
    Path whole = tmp.resolve("failing-whole");
    ScanJobTest.Run a = ScanJobTest.run(crawl.toString(), "--out", whole.toString());
    assertEquals(0, a.code(), a.err());
    List<String> expected = ScanJobTest.readParts(whole);

    Path cut = tmp.resolve("failing-cut");
    String out = FailingFileSystem.SCHEME + ":" + cut.toAbsolutePath();
    ScanJobTest.Run failed;
    FailingFileSystem.failPrefix = "part-00002-";
    try {
      failed = ScanJobTest.run(crawl.toString(), "--out", out);
    } finally {
      FailingFileSystem.failPrefix = null;
    }
    assertEquals(ScanJob.EXIT_FAILURE, failed.code(), failed.err());
    assertTrue(failed.err().startsWith("unspin-spark: ") && failed.err().contains("injected failure"), failed.err());
    assertEquals(1, failed.err().lines().count(), failed.err());
    assertFalse(Files.exists(cut.resolve("_SUCCESS")));
    int before = partFiles(cut).size();
    assertTrue(before >= 1 && before <= 3, "a task finished before the third file's started; that one failed: "
        + partFiles(cut));

    ScanJobTest.Run b = ScanJobTest.run(crawl.toString(), "--out", out, "--resume");
    assertEquals(0, b.code(), b.err());
    assertEquals(expected, ScanJobTest.readParts(cut));
    assertTrue(b.summary().keptFiles() >= before, b.err());
    assertEquals(a.summary().totals().describe(""), b.summary().totals().describe(""));
    assertEquals(a.summary().documents(), b.summary().documents());
  }

  /**
   * A read that fails in the middle of an input (a disk, not the data): in {@code local[N]}, where
   * Spark does not run a task again, the failure becomes that file's last line and the job goes
   * on; everything read before it is in the report, the other files are whole.
   */
  @Test
  void aReadFailureOnTheLastAttemptEndsItsFileWithAnErrorLineAndTheJobGoesOn() throws IOException {
    FailingFileSystem.register(LocalSpark.session().sparkContext().hadoopConfiguration());
    Path whole = tmp.resolve("read-whole");
    ScanJobTest.Run a = ScanJobTest.run(crawl.toString(), "--out", whole.toString());
    assertEquals(0, a.code(), a.err());
    List<String> wholeC = ScanJobTest.linesOf(crawl.resolve("c.jsonl"));
    Path cut = tmp.resolve("read-cut");
    ScanJobTest.Run b;
    FailingFileSystem.failReadName = "c.jsonl";
    FailingFileSystem.failReadAfter = Files.size(crawl.resolve("c.jsonl")) / 2;
    try {
      String scheme = FailingFileSystem.SCHEME + ":";
      b = ScanJobTest.run(crawl.resolve("a.warc").toString(), crawl.resolve("b.warc.gz").toString(),
          scheme + crawl.resolve("c.jsonl").toAbsolutePath(), crawl.resolve("d.warc.gz").toString(), "--out",
          cut.toString());
    } finally {
      FailingFileSystem.failReadName = null;
    }
    assertEquals(0, b.code(), b.err());
    List<String> lines = ScanJobTest.readParts(cut);
    List<String> errors = lines.stream().filter(l -> l.contains("reading failed")).toList();
    assertEquals(1, errors.size(), String.join("\n", lines));
    assertTrue(errors.get(0).contains("injected failure: Input/output error") && errors.get(0).contains("1 attempt;"),
        errors.get(0));
    // Every other line is one of the uninterrupted run's; what is missing is the end of c.jsonl only.
    List<String> all = ScanJobTest.readParts(whole);
    // (c.jsonl was read through failing:, so its lines name it by that URI.)
    List<String> kept = lines.stream().filter(l -> !l.contains("reading failed"))
        .map(l -> l.replace(FailingFileSystem.SCHEME + ":", "")).toList();
    assertTrue(all.containsAll(kept), String.join("\n", kept));
    List<String> missing = new java.util.ArrayList<>(all);
    missing.removeAll(kept);
    assertTrue(!missing.isEmpty() && missing.size() < wholeC.size(), "lost: " + missing);
    assertTrue(wholeC.subList(wholeC.size() - missing.size(), wholeC.size()).equals(missing), "lost: " + missing);
  }

  @Test
  void resumeOnAMissingOutputStartsTheScanAndAnEmptyOneToo() throws IOException {
    Path out = tmp.resolve("fresh");
    ScanJobTest.Run r = ScanJobTest.run(crawl.resolve("c.jsonl").toString(), "--out", out.toString(), "--resume");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("nothing to resume in " + out), r.err());
    assertEquals(ScanJobTest.linesOf(crawl.resolve("c.jsonl")), ScanJobTest.readParts(out));
    assertTrue(Files.isRegularFile(out.resolve(JobManifest.NAME)));

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    ScanJobTest.Run e = ScanJobTest.run(crawl.resolve("c.jsonl").toString(), "--out", empty.toString(), "--resume");
    assertEquals(0, e.code(), e.err());
    assertEquals(ScanJobTest.linesOf(crawl.resolve("c.jsonl")), ScanJobTest.readParts(empty));
  }

  @Test
  void resumeIsRefusedWhenTheEarlierJobDiffersOrCannotBeResumed() throws IOException {
    Path input = Files.createDirectories(tmp.resolve("one")).resolve("c.jsonl");
    Files.copy(crawl.resolve("c.jsonl"), input);
    Path out = tmp.resolve("refused");
    ScanJobTest.Run first = ScanJobTest.run(input.toString(), "--out", out.toString());
    assertEquals(0, first.code(), first.err());
    String manifest = Files.readString(out.resolve(JobManifest.NAME));

    assertRefused(ScanJobTest.run(input.toString(), "--out", out.toString()), "output " + out + " exists");
    assertRefused(ScanJobTest.run(input.toString(), "--out", out.toString(), "--resume", "--all-languages"),
        "cannot resume " + out + ": the earlier job differs: --all-languages was false, now true");
    assertRefused(ScanJobTest.run(input.toString(), "--out", out.toString(), "--resume", "--format", "parquet"),
        "cannot resume " + out + ": the earlier job differs: --format was jsonl, now parquet");
    assertRefused(ScanJobTest.run(input.toString(), crawl.resolve("a.warc").toString(), "--out", out.toString(),
        "--resume"), "cannot resume " + out + ": the earlier job differs: the inputs were 1 files, now 2");
    assertRefused(ScanJobTest.run(input.toString(), "--out", out.toString(), "--resume", "--partitions", "2"),
        "--resume works only in the one-task-per-file mode");
    assertRefused(ScanJobTest.run(input.toString(), "--out", out.toString(), "--resume", "--overwrite"),
        "--resume and --overwrite exclude each other");
    Files.setLastModifiedTime(input, FileTime.fromMillis(Files.getLastModifiedTime(input).toMillis() + 60_000));
    assertRefused(ScanJobTest.run(input.toString(), "--out", out.toString(), "--resume"),
        "cannot resume " + out + ": the earlier job differs: input ");
    assertEquals(manifest, Files.readString(out.resolve(JobManifest.NAME)), "a refused resume changes nothing");

    assertRefused(ScanJobTest.run(input.toString(), "--out", tmp.resolve("never").toString(), "--compression",
        "zip"), "--compression zip is not a codec for JSONL");
    assertFalse(Files.exists(tmp.resolve("never")));
    Path gz = tmp.resolve("gz");
    assertEquals(0, ScanJobTest.run(input.toString(), "--out", gz.toString(), "--compression", "gzip").code());
    ScanJobTest.Run again = ScanJobTest.run(input.toString(), "--out", gz.toString(), "--compression", "GZIP",
        "--resume");
    assertEquals(0, again.code(), again.err());
    assertEquals(1, again.summary().keptFiles(), "the codec as written counts, not its spelling");

    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertRefused(ScanJobTest.run(input.toString(), "--out", foreign.toString(), "--resume"),
        "cannot resume " + foreign + ": it has no _unspin-job.json");
  }

  private static void assertRefused(ScanJobTest.Run r, String start) {
    assertEquals(ScanJob.EXIT_USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("unspin-spark: " + start), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
