package org.unspin.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

class PendingRecordTest {
  @TempDir
  Path dir;

  /** Every input kind, good and bad records, a truncated gzip member in the middle of a WARC. */
  private List<Path> mixedInputs() throws IOException {
    byte[] first = RecordsTest.warc(WarcCompression.GZIP,
        RecordsTest.response("http://a.example/1", 200, "text/html; charset=utf-8",
            RecordsTest.PAGE.getBytes(StandardCharsets.UTF_8)),
        RecordsTest.response("http://a.example/2", 200, "text/html; charset=iso-8859-1",
            "<p>Caf\u00e9 prices rose.</p>".getBytes(Charset.forName("windows-1252"))),
        RecordsTest.response("http://a.example/3", 200, "text/plain", new byte[] {'o', 'k', (byte) 0xC3, '('}),
        RecordsTest.response("http://a.example/4", 200, "text/html; charset=x-nope", new byte[] {'h', 'i'}),
        RecordsTest.response("http://a.example/5", 404, "text/html", new byte[] {'n', 'o'}),
        RecordsTest.response("http://a.example/6", 200, "text/html", "<html><body> </body></html>".getBytes(
            StandardCharsets.UTF_8)));
    byte[] broken = RecordsTest.warc(WarcCompression.GZIP,
        RecordsTest.response("http://a.example/7", 200, "text/plain", "Cut short.".getBytes(StandardCharsets.UTF_8)));
    byte[] last = RecordsTest.warc(WarcCompression.GZIP,
        RecordsTest.response("http://a.example/8", 200, null, "<p>After the break.</p>".getBytes(
            StandardCharsets.UTF_8)));
    Path warc = dir.resolve("a.warc.gz");
    Files.write(warc, RecordsTest.concat(RecordsTest.concat(first, Arrays.copyOf(broken, broken.length - 12)), last));
    ByteArrayOutputStream j = new ByteArrayOutputStream();
    j.write("{\"id\":\"j1\",\"text\":\"Plain words.\"}\n\n".getBytes(StandardCharsets.UTF_8));
    j.write(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
    j.write("not json\n{\"text\":\"<html><body><p>Markup in JSON.</p></body></html>\",\"url\":\"http://b.example/x\"}\n"
        .getBytes(StandardCharsets.UTF_8));
    j.write("{\"text\":7}\n".getBytes(StandardCharsets.UTF_8));
    Path jsonl = dir.resolve("b.jsonl.gz");
    Files.write(jsonl, RecordsTest.gzip(j.toByteArray()));
    Path html = dir.resolve("c.html");
    Files.writeString(html, RecordsTest.PAGE);
    Path text = dir.resolve("d.txt.gz");
    Files.write(text, RecordsTest.gzip("Zipped text.".getBytes(StandardCharsets.UTF_8)));
    Path bad = dir.resolve("e.txt");
    Files.write(bad, new byte[] {'c', 'a', 'f', (byte) 0xE9});
    return List.of(warc, jsonl, html, text, bad);
  }

  @Test
  void pendingRecordsResolvedOnOtherThreadsInAnyOrderEqualTheRecordsOfNext() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    List<Path> inputs = mixedInputs();
    List<InputRecord> expected = RecordsTest.all(Records.open(inputs, RecordOptions.defaults()));
    assertTrue(expected.size() >= 15, "fixture should give many records: " + expected);
    assertTrue(expected.stream().anyMatch(InputRecord::isError) && expected.stream().anyMatch(r -> !r.isError()));

    List<PendingRecord> pending = new ArrayList<>();
    try (RecordStream s = Records.open(inputs, RecordOptions.defaults())) {
      for (PendingRecord p = s.nextPending(); p != null; p = s.nextPending()) {
        pending.add(p);
      }
      assertNull(s.nextPending(), "a finished stream stays finished");
    } // closed: the pending records must not need the stream any more
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    InputRecord[] got = new InputRecord[pending.size()];
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int i : order) {
        fs.add(pool.submit(() -> got[i] = pending.get(i).resolve()));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(expected, Arrays.asList(got), "seed=" + seed);
    assertEquals(got[0], pending.get(0).resolve(), "resolving twice gives an equal record");
  }

  @Test
  void nextAndNextPendingCanBeMixed() throws IOException {
    List<Path> inputs = mixedInputs();
    List<InputRecord> expected = RecordsTest.all(Records.open(inputs, RecordOptions.defaults()));
    List<InputRecord> mixed = new ArrayList<>();
    try (RecordStream s = Records.open(inputs, RecordOptions.defaults())) {
      for (int i = 0; ; i++) {
        InputRecord r;
        if (i % 2 == 0) {
          r = s.next();
        } else {
          PendingRecord p = s.nextPending();
          r = p == null ? null : p.resolve();
        }
        if (r == null) {
          break;
        }
        mixed.add(r);
      }
    }
    assertEquals(expected, mixed);
  }
}
