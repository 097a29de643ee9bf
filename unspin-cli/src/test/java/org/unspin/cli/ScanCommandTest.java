package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;
import org.unspin.util.Json;

class ScanCommandTest {
  @TempDir
  Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static List<String> ids(Path in) throws IOException {
    List<String> ids = new ArrayList<>();
    try (RecordStream s = Records.open(List.of(in), RecordOptions.defaults())) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  @Test
  void reportHasOneLinePerRecordInInputOrderWithErrorLinesAndASummary() throws IOException {
    Path in = tmp.resolve("in");
    ScanFixtures.write(in, 7, 6, 8, 6);
    Path report = tmp.resolve("out/report.jsonl");
    Path html = tmp.resolve("out/summary.html");
    Result r = run("scan", in.toString(), "--out", report.toString(), "--threads", "2", "--html", html.toString(),
        "--progress", "off");
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    List<String> expectedIds = ids(in);
    assertEquals(expectedIds.size(), lines.size());
    int errors = 0;
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> m = Json.parseObject(lines.get(i));
      assertEquals(expectedIds.get(i), m.get("id"), "line " + (i + 1));
      if (m.containsKey("error")) {
        errors++;
      } else {
        assertTrue(List.of("spun", "clean", "uncertain").contains(m.get("verdict")), lines.get(i));
      }
    }
    assertEquals(3, errors, "two bad JSONL lines and the truncated WARC member: " + lines);
    assertTrue(r.err().contains("scan: " + lines.size() + " records: " + (lines.size() - 3)
        + " documents checked, 3 errors"), r.err());
    assertTrue(r.err().contains("verdicts: "), r.err());
    assertTrue(r.err().matches("(?s).*\n  cpu: [0-9.]+ s in the workers, [0-9.]+ s in the reader, [0-9.]+ s in "
        + "the writer, [0-9.]+ s in the whole process .*"), r.err());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg") && !page.contains("<script"), page);
    assertTrue(Files.readString(ScanCheckpoint.pathFor(report)).contains("complete=true"));
  }

  @Test
  void reportBytesDoNotDependOnTheNumberOfThreads() throws IOException {
    Path in = tmp.resolve("in");
    ScanFixtures.write(in, 11, 10, 6, 4);
    Path one = tmp.resolve("one.jsonl");
    Path three = tmp.resolve("three.jsonl");
    assertEquals(0, run("scan", in.toString(), "--out", one.toString(), "--threads", "1", "--progress", "off").code());
    assertEquals(0, run("scan", in.toString(), "--out", three.toString(), "--threads", "3", "--progress", "off")
        .code());
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
  }

  @Test
  void anUnfinishedScanIsNotOverwrittenWithoutResume() throws IOException {
    Path in = tmp.resolve("in");
    ScanFixtures.write(in, 3, 2, 2, 1);
    Path report = tmp.resolve("r.jsonl");
    Files.writeString(report, "");
    new ScanCheckpoint(0, 0, false, "x").write(ScanCheckpoint.pathFor(report));
    Result r = run("scan", in.toString(), "--out", report.toString(), "--progress", "off");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().startsWith("unspin: ") && r.err().contains("add --resume"), r.err());
    Result resumed = run("scan", in.toString(), "--out", report.toString(), "--progress", "off", "--resume");
    assertEquals(Main.EXIT_USAGE, resumed.code(), "the checkpoint is for other inputs");
    assertTrue(resumed.err().contains("other inputs or options"), resumed.err());
  }

  @Test
  void aResumeWithAnotherListOrRerankerIsRefused() throws IOException {
    Path in = tmp.resolve("in");
    ScanFixtures.write(in, 3, 2, 2, 1);
    Path list = tmp.resolve("mine.csv");
    Files.writeString(list, "tortured_phrase,expected_phrase,num_papers\n\"\"\"lucid hallucination\"\"\",vivid dream,3\n");
    Path report = tmp.resolve("r2.jsonl");
    assertEquals(0, run("scan", in.toString(), "--out", report.toString(), "--progress", "off").code());
    Path ckptFile = ScanCheckpoint.pathFor(report);
    String digest = ScanCheckpoint.read(ckptFile).inputs();
    for (String[] other : new String[][] {{"--fingerprints", list.toString()}, {"--no-reranker"}}) {
      Files.writeString(report, "");
      new ScanCheckpoint(0, 0, false, digest).write(ckptFile);
      List<String> args = new ArrayList<>(List.of("scan", in.toString(), "--out", report.toString(), "--progress",
          "off", "--resume"));
      args.addAll(List.of(other));
      Result r = run(args.toArray(String[]::new));
      assertEquals(Main.EXIT_USAGE, r.code(), String.join(" ", other) + ": " + r.err());
      assertTrue(r.err().contains("other inputs or options"), r.err());
    }
    Result same = run("scan", in.toString(), "--out", report.toString(), "--progress", "off", "--resume");
    assertEquals(0, same.code(), "the same options resume: " + same.err());
  }

  @Test
  void missingInputIsAUsageError() {
    Result r = run("scan", tmp.resolve("nope").toString(), "--out", tmp.resolve("r.jsonl").toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("no such file or directory"), r.err());
  }

  @Test
  void groupByHostWritesHostProfiles() throws IOException {
    Path in = tmp.resolve("in");
    ScanFixtures.write(in, 5, 0, 0, 17);
    Path report = tmp.resolve("r.jsonl");
    Result r = run("scan", in.toString(), "--out", report.toString(), "--group-by", "host", "--progress", "off");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> hosts = Json.parseObject(Files.readString(tmp.resolve("r.jsonl.hosts.json")));
    List<?> profiled = (List<?>) hosts.get("hosts");
    assertEquals(4, profiled.size(), hosts.toString());
    assertTrue(r.err().contains("hosts: 4 profiled"), r.err());
  }

  /**
   * Nothing lost, nothing twice: a scan killed with SIGKILL (twice, at random moments) and resumed
   * writes exactly the report of an uninterrupted run.
   */
  @Test
  void killedScanResumesToTheReportOfAnUninterruptedRun() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    Path in = tmp.resolve("in");
    ScanFixtures.write(in, seed, 60, 30, 16);
    int total = ids(in).size();
    Path reference = tmp.resolve("reference.jsonl");
    assertEquals(0, run("scan", in.toString(), "--out", reference.toString(), "--threads", "2", "--progress", "off")
        .code());
    byte[] expected = Files.readAllBytes(reference);

    Path report = tmp.resolve("killed.jsonl");
    List<String> kills = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      int killAfter = 1 + rnd.nextInt(total / 3);
      String interval = rnd.nextBoolean() ? "0" : "0.05";
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "scan", in.toString(),
          "--out", report.toString(), "--threads", "2", "--progress", "off", "--checkpoint-interval", interval));
      if (round > 0) {
        cmd.add("--resume");
      }
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child" + round + ".log")
          .toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline && lines(report) < killAfter + round * total / 3) {
          Thread.sleep(2);
        }
        kills.add((p.isAlive() ? "killed at " : "finished before the kill at ") + lines(report) + " lines");
      } finally {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
    Result r = run("scan", in.toString(), "--out", report.toString(), "--threads", "2", "--progress", "off",
        "--resume");
    assertEquals(0, r.code(), r.err() + " seed=" + seed);
    assertTrue(kills.get(0).startsWith("killed"), "the first run should be killed mid-way: " + kills + " seed=" + seed);
    assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(report),
        "kills " + kills + " seed=" + seed);
    assertTrue(r.err().contains("scan: " + total + " records"), r.err());
  }

  private static long lines(Path f) {
    if (!Files.exists(f)) {
      return 0;
    }
    try {
      byte[] b = Files.readAllBytes(f);
      long n = 0;
      for (byte x : b) {
        if (x == '\n') {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      return 0;
    }
  }

  @Test
  void helpDescribesTheCommand() {
    Result r = run("scan", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--resume") && r.out().contains("--group-by"), r.out());
  }
}
