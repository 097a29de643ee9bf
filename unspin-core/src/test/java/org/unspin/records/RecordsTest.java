package org.unspin.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.unspin.api.InputException;

class RecordsTest {
  @TempDir
  Path dir;

  static final String PAGE = "<html><head><title>t</title><script>var x=1;</script></head><body>"
      + "<p>The central bank raised rates again.</p><p>Markets fell sharply.</p></body></html>";

  // ------------------------------------------------------------------ WARC fixtures

  static WarcResponse response(String uri, int status, String contentType, byte[] body) throws IOException {
    HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other");
    if (contentType != null) {
      http.body(MediaType.parse(contentType), body);
    } else {
      http.body(null, body);
    }
    return new WarcResponse.Builder(URI.create(uri)).body(http.build()).build();
  }

  static byte[] warc(WarcCompression compression, Object... records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), compression)) {
      for (Object r : records) {
        w.write((org.netpreserve.jwarc.WarcRecord) r);
      }
    }
    return out.toByteArray();
  }

  static List<InputRecord> all(RecordStream s) throws IOException {
    List<InputRecord> list = new ArrayList<>();
    try (s) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
        list.add(r);
      }
      assertNull(s.next(), "a finished stream stays finished");
    }
    return list;
  }

  @Test
  void warcKeepsHtmlAndTextDocumentsAndSkipsOtherRecords() throws IOException {
    byte[] cp1252 = "Caf\u00e9 owners said the r\u00e9sum\u00e9 was fine.".getBytes(Charset.forName("windows-1252"));
    byte[] bytes = warc(WarcCompression.GZIP,
        new WarcRequest.Builder(URI.create("http://a.example/")).build(),
        response("http://News.Example.COM:8080/a?x=1", 200, "text/html; charset=utf-8",
            PAGE.getBytes(StandardCharsets.UTF_8)),
        response("http://a.example/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
        response("http://a.example/moved", 301, "text/html", "<p>moved</p>".getBytes(StandardCharsets.UTF_8)),
        response("http://b.example/latin", 200, "text/plain; charset=ISO-8859-1", cp1252),
        new WarcResource.Builder(URI.create("file:///notes.txt"))
            .body(MediaType.PLAIN_TEXT, "Plain resource text.".getBytes(StandardCharsets.UTF_8)).build());
    List<InputRecord> rs = all(Records.warc(new ByteArrayInputStream(bytes), "crawl.warc.gz",
        RecordOptions.defaults()));
    assertEquals(3, rs.size(), rs.toString());
    InputRecord page = rs.get(0);
    assertEquals("http://News.Example.COM:8080/a?x=1", page.id());
    assertEquals(page.id(), page.uri());
    assertEquals("news.example.com", page.host());
    assertTrue(page.html());
    assertFalse(page.isError());
    assertTrue(page.text().contains("The central bank raised rates again."), page.text());
    assertFalse(page.text().contains("var x"), page.text());
    assertTrue(page.source().startsWith("crawl.warc.gz@"), page.source());
    assertEquals("Caf\u00e9 owners said the r\u00e9sum\u00e9 was fine.", rs.get(1).text());
    assertFalse(rs.get(1).html());
    assertEquals("Plain resource text.", rs.get(2).text());
    assertEquals("file:///notes.txt", rs.get(2).id());
    assertNull(rs.get(2).host());
  }

  @Test
  void aWarcPageWithoutAHeaderCharsetIsReadInTheCharsetItsMetaTagDeclares() throws IOException {
    byte[] latin = ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 owners said the "
        + "r\u00e9sum\u00e9 was fine.</p></body></html>").getBytes(StandardCharsets.ISO_8859_1);
    byte[] undeclared = "<html><body><p>Caf\u00e9 owners.</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = warc(WarcCompression.NONE, response("http://m.example/latin", 200, "text/html", latin),
        response("http://m.example/undeclared", 200, "text/html", undeclared));
    List<InputRecord> rs = all(Records.warc(new ByteArrayInputStream(bytes), "m.warc", RecordOptions.defaults()));
    assertEquals(2, rs.size(), rs.toString());
    assertEquals("Caf\u00e9 owners said the r\u00e9sum\u00e9 was fine.", rs.get(0).text().strip());
    assertEquals("invalid UTF-8 at byte offset 18", rs.get(1).error());
  }

  @Test
  void warcOffsetsInSourcesPointAtTheRecordsGzipMember() throws IOException {
    byte[] a = warc(WarcCompression.GZIP, response("http://x.example/1", 200, "text/plain", "one".getBytes(
        StandardCharsets.UTF_8)));
    byte[] b = warc(WarcCompression.GZIP, response("http://x.example/2", 200, "text/plain", "two".getBytes(
        StandardCharsets.UTF_8)));
    List<InputRecord> rs = all(Records.warc(new ByteArrayInputStream(concat(a, b)), "w", RecordOptions.defaults()));
    assertEquals(List.of("w@0", "w@" + a.length), rs.stream().map(InputRecord::source).toList());
  }

  @Test
  void badRecordsBecomeErrorRecordsAndReadingGoesOn() throws IOException {
    RecordOptions small = RecordOptions.defaults().withMaxBytes(1000);
    byte[] huge = "word ".repeat(400).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = warc(WarcCompression.NONE,
        response("http://e.example/charset", 200, "text/html; charset=x-no-such-charset", "<p>hi</p>".getBytes(
            StandardCharsets.UTF_8)),
        response("http://e.example/utf8", 200, "text/plain", new byte[] {'o', 'k', (byte) 0xC3, '(', 'x'}),
        response("http://e.example/huge", 200, "text/plain", huge),
        response("http://e.example/empty", 200, "text/html", new byte[0]),
        response("http://e.example/blank", 200, "text/html", "<html><body> </body></html>".getBytes(
            StandardCharsets.UTF_8)),
        response("http://e.example/good", 200, "text/plain", "Still read.".getBytes(StandardCharsets.UTF_8)));
    List<InputRecord> rs = all(Records.warc(new ByteArrayInputStream(bytes), "e.warc", small));
    assertEquals(6, rs.size(), rs.toString());
    assertEquals("unsupported charset \"x-no-such-charset\"", rs.get(0).error());
    assertEquals("invalid UTF-8 at byte offset 2", rs.get(1).error());
    assertEquals("larger than the limit of 1000 bytes", rs.get(2).error());
    assertEquals("empty record", rs.get(3).error());
    assertEquals("no text in the HTML", rs.get(4).error());
    for (int i = 0; i < 5; i++) {
      assertTrue(rs.get(i).isError());
      assertNull(rs.get(i).text());
      assertTrue(rs.get(i).id().startsWith("http://e.example/"), rs.get(i).id());
    }
    assertEquals("Still read.", rs.get(5).text());
  }

  @Test
  void truncatedGzipMemberGivesOneErrorAndTheNextFileIsStillRead() throws IOException {
    byte[] whole = warc(WarcCompression.GZIP,
        response("http://t.example/1", 200, "text/plain", "First document.".getBytes(StandardCharsets.UTF_8)),
        response("http://t.example/2", 200, "text/plain", "Second document.".getBytes(StandardCharsets.UTF_8)),
        response("http://t.example/3", 200, "text/plain", "Third document, cut.".repeat(50).getBytes(
            StandardCharsets.UTF_8)));
    byte[] firstTwo = warc(WarcCompression.GZIP,
        response("http://t.example/1", 200, "text/plain", "First document.".getBytes(StandardCharsets.UTF_8)),
        response("http://t.example/2", 200, "text/plain", "Second document.".getBytes(StandardCharsets.UTF_8)));
    // Record ids and dates differ between the two writes, so cut by the size of the third member.
    byte[] third = warc(WarcCompression.GZIP, response("http://t.example/3", 200, "text/plain",
        "Third document, cut.".repeat(50).getBytes(StandardCharsets.UTF_8)));
    int cut = whole.length - third.length / 2;
    assertTrue(cut > firstTwo.length - 200);
    Path broken = dir.resolve("a-broken.warc.gz");
    Files.write(broken, Arrays.copyOf(whole, cut));
    Path next = dir.resolve("b-next.txt");
    Files.writeString(next, "The next file.");
    List<InputRecord> rs = all(Records.open(List.of(dir), RecordOptions.defaults()));
    assertEquals(4, rs.size(), rs.toString());
    assertEquals("First document.", rs.get(0).text());
    assertEquals("Second document.", rs.get(1).text());
    InputRecord bad = rs.get(2);
    assertTrue(bad.isError());
    assertTrue(bad.error().startsWith("truncated input"), bad.error());
    assertTrue(bad.source().startsWith(broken + "@"), bad.source());
    assertEquals(next.toString(), rs.get(3).id());
    assertEquals("The next file.", rs.get(3).text());
  }

  @Test
  void corruptGzipDataEndsTheFileWithOneErrorRecord() throws IOException {
    byte[] whole = warc(WarcCompression.GZIP,
        response("http://c.example/1", 200, "text/plain", "Kept.".getBytes(StandardCharsets.UTF_8)),
        response("http://c.example/2", 200, "text/plain", "Lost in the corrupt member.".repeat(40).getBytes(
            StandardCharsets.UTF_8)));
    byte[] bad = whole.clone();
    for (int i = whole.length - 60; i < whole.length - 20; i++) {
      bad[i] ^= 0x5A;
    }
    List<InputRecord> rs = all(Records.warc(new ByteArrayInputStream(bad), "c.warc.gz", RecordOptions.defaults()));
    assertEquals("Kept.", rs.get(0).text());
    assertEquals(2, rs.size(), rs.toString());
    assertTrue(rs.get(1).isError());
    assertTrue(rs.get(1).error().endsWith("the rest of c.warc.gz is skipped"), rs.get(1).error());
  }

  @Test
  void aGzipWarcFileGoesOnAtTheMemberAfterACorruptOne() throws IOException {
    byte[] a = warc(WarcCompression.GZIP, response("http://g.example/1", 200, "text/plain", "Before.".getBytes(
        StandardCharsets.UTF_8)));
    byte[] b = warc(WarcCompression.GZIP, response("http://g.example/2", 200, "text/plain",
        "Corrupted in the middle.".repeat(30).getBytes(StandardCharsets.UTF_8)));
    byte[] c = warc(WarcCompression.GZIP, response("http://g.example/3", 200, "text/plain", "After.".getBytes(
        StandardCharsets.UTF_8)));
    byte[] bad = b.clone();
    for (int i = bad.length / 2; i < bad.length / 2 + 24; i++) {
      bad[i] ^= 0x33;
    }
    Path f = dir.resolve("mid.warc.gz");
    Files.write(f, concat(concat(a, bad), concat(c, Arrays.copyOf(a, a.length - 9))));
    List<InputRecord> rs = all(Records.open(List.of(f), RecordOptions.defaults()));
    assertEquals(4, rs.size(), rs.toString());
    assertEquals("Before.", rs.get(0).text());
    assertTrue(rs.get(1).isError());
    assertEquals(f + "@" + a.length, rs.get(1).source());
    assertTrue(rs.get(1).error().endsWith("reading goes on at the next gzip member"), rs.get(1).error());
    assertEquals("After.", rs.get(2).text());
    assertEquals(f + "@" + (a.length + bad.length), rs.get(2).source());
    assertTrue(rs.get(3).isError(), "the truncated last member");
    assertTrue(rs.get(3).error().startsWith("truncated input"), rs.get(3).error());
  }

  /** A text/plain response with a fixed record id and date, so that its gzip member is the same bytes each run. */
  static WarcResponse fixedResponse(String uri, String body) throws IOException {
    HttpResponse.Builder http = new HttpResponse.Builder(200, "OK");
    http.body(MediaType.parse("text/plain"), body.getBytes(StandardCharsets.UTF_8));
    return new WarcResponse.Builder(URI.create(uri))
        .recordId(URI.create("urn:uuid:6d9a0c4e-1b2f-4f7e-9a51-3c8d2e7b0f15"))
        .date(java.time.Instant.parse("2026-11-30T08:00:00Z")).body(http.build()).build();
  }

  /** Three one-record gzip members, the middle one changed by {@code spoil}, read from a file. */
  private List<InputRecord> readWithSpoiledMiddle(String file, java.util.function.Consumer<byte[]> spoil)
      throws IOException {
    byte[] a = warc(WarcCompression.GZIP, fixedResponse("http://s.example/1", "Before."));
    byte[] b = warc(WarcCompression.GZIP, fixedResponse("http://s.example/2", "Spoiled member.".repeat(40)));
    byte[] c = warc(WarcCompression.GZIP, fixedResponse("http://s.example/3", "After."));
    assertEquals(a.length, c.length);
    spoil.accept(b);
    Path f = dir.resolve(file);
    Files.write(f, concat(concat(a, b), c));
    List<InputRecord> rs = all(Records.open(List.of(f), RecordOptions.defaults()));
    assertEquals(3, rs.size(), rs.toString());
    assertEquals("Before.", rs.get(0).text());
    assertTrue(rs.get(1).isError(), rs.toString());
    assertEquals(f + "@" + a.length, rs.get(1).source());
    assertTrue(rs.get(1).error().startsWith("corrupt gzip data"), rs.get(1).error());
    assertTrue(rs.get(1).error().endsWith("reading goes on at the next gzip member"), rs.get(1).error());
    assertEquals("After.", rs.get(2).text());
    assertEquals(f + "@" + (a.length + b.length), rs.get(2).source());
    return rs;
  }

  @Test
  void aGzipMemberWhoseChecksumDoesNotMatchIsAnErrorRecord() throws IOException {
    // jwarc inflates a member without checking its CRC-32, so a member whose data changed but
    // still inflates came back as a record with the changed text in it.
    List<InputRecord> rs = readWithSpoiledMiddle("crc.warc.gz", b -> b[b.length - 8] ^= 0x01);
    assertTrue(rs.get(1).error().contains("CRC-32"), rs.get(1).error());
  }

  @Test
  void aCorruptMemberThatStillInflatesIsReportedNotSkippedOrMisread() throws IOException {
    // Four bytes changed inside the compressed data, which still inflates: to a head that is no
    // longer a response (the record vanished without a report), to a broken HTTP head (the next,
    // intact record was then reported malformed and lost), or to changed bytes read as if sound.
    // Found by a randomized test failing now and then; of 3,495 such spoilings of this member 52
    // lost it, 36 misread the next one and 183 went unnoticed. One of each, with fixed bytes:
    int[][] spoilings = {{91, 18}, {73, 1}, {103, 103}};
    for (int[] s : spoilings) {
      readWithSpoiledMiddle("inflates-" + s[0] + "-" + s[1] + ".warc.gz", b -> {
        for (int i = s[0]; i < s[0] + 4; i++) {
          b[i] ^= (byte) s[1];
        }
      });
    }
  }

  /** One gzip member with every optional header field (extra, name, comment, header CRC) around {@code raw}. */
  private static byte[] gzipWithAllHeaderFields(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, (byte) 255});
    out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
    out.writeBytes("crawl.warc\0a comment\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(new byte[] {0x12, 0x34});
    java.util.zip.Deflater d = new java.util.zip.Deflater(6, true);
    d.setInput(raw);
    d.finish();
    byte[] buf = new byte[4096];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(raw);
    for (long v : new long[] {crc.getValue(), raw.length}) {
      for (int i = 0; i < 4; i++) {
        out.write((int) (v >>> (8 * i)) & 0xFF);
      }
    }
    return out.toByteArray();
  }

  @Test
  void aWholeWarcInOneGzipMemberIsCheckedOnceAndReadRecordByRecord() throws IOException {
    byte[] raw = warc(WarcCompression.NONE, fixedResponse("http://m.example/1", "One member."),
        fixedResponse("http://m.example/2", "Two records."), fixedResponse("http://m.example/3", "Three."));
    byte[] gz = gzipWithAllHeaderFields(raw);
    Path f = dir.resolve("one-member.warc.gz");
    Files.write(f, gz);
    List<InputRecord> rs = all(Records.open(List.of(f), RecordOptions.defaults()));
    assertEquals(List.of("One member.", "Two records.", "Three."), rs.stream().map(InputRecord::text).toList());

    gz[gz.length - 6] ^= 0x40; // the trailer's CRC-32
    Files.write(f, gz);
    rs = all(Records.open(List.of(f), RecordOptions.defaults()));
    assertEquals(1, rs.size(), rs.toString());
    assertTrue(rs.get(0).error().contains("CRC-32"), rs.get(0).error());
    assertEquals(f + "@0", rs.get(0).source());
  }

  // ------------------------------------------------------------------ JSONL

  /** A stream that fails like a disk or a network file system after {@code limit} bytes. */
  private static InputStream failingAfter(byte[] data, int limit) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos >= limit) {
          throw new IOException("Input/output error");
        }
        return pos < data.length ? data[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (pos >= limit) {
          throw new IOException("Input/output error");
        }
        if (pos >= data.length) {
          return -1;
        }
        int n = Math.min(len, Math.min(limit, data.length) - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  @Test
  void aReadFailureInsideAFileIsAnIoExceptionNotBrokenData() throws IOException {
    // Broken data (a corrupt or truncated member) is the file's problem: an error record, and the
    // reader goes on. A failing read is the machine's: it must reach the caller, so that a scan
    // stops with its checkpoint and a Spark task is retried, instead of reporting the rest of the
    // file as one error line and losing it.
    byte[] first = warc(WarcCompression.GZIP, response("http://f.example/1", 200, "text/plain",
        "First document.".getBytes(StandardCharsets.UTF_8)));
    byte[] rest = warc(WarcCompression.GZIP,
        response("http://f.example/2", 200, "text/plain", "Second document.".repeat(80).getBytes(
            StandardCharsets.UTF_8)),
        response("http://f.example/3", 200, "text/plain", "Third document.".getBytes(StandardCharsets.UTF_8)));
    byte[] all = concat(first, rest);
    RecordStream warcs = Records.warc(failingAfter(all, first.length + rest.length / 2), "w.warc.gz",
        RecordOptions.defaults());
    assertEquals("First document.", warcs.next().text());
    assertThrows(IOException.class, () -> {
      for (InputRecord r = warcs.next(); r != null; r = warcs.next()) {
        assertFalse(r.isError(), "a failing read became an error record: " + r.error());
      }
    });
    warcs.close();
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      jsonl.append("{\"id\": \"j").append(i).append("\", \"text\": \"Document number ").append(i).append(".\"}\n");
    }
    byte[] lines = jsonl.toString().getBytes(StandardCharsets.UTF_8);
    RecordStream js = Records.jsonl(failingAfter(lines, lines.length / 2), "j.jsonl", RecordOptions.defaults());
    assertEquals("Document number 0.", js.next().text());
    assertThrows(IOException.class, () -> {
      for (InputRecord r = js.next(); r != null; r = js.next()) {
        assertFalse(r.isError(), "a failing read became an error record: " + r.error());
      }
    });
    js.close();
  }

  @Test
  void jsonlLinesBecomeRecordsNamedByIdOrLine() throws IOException {
    String jsonl = "{\"id\":\"doc-1\",\"url\":\"https://Www.Site.org/p\",\"text\":\"Hello there.\"}\n"
        + "\n"
        + "{\"id\":42,\"text\":\"Numbered.\"}\r\n"
        + "{\"text\":\"No id here.\"}\n"
        + "{\"text\":\"<html><body><p>An HTML body.</p></body></html>\"}\n"
        + "not json\n"
        + "{\"id\":\"x\",\"body\":\"wrong field\"}\n"
        + "{\"id\":\"y\",\"text\":7}\n"
        + "{\"id\":\"z\",\"text\":\"   \"}\n"
        + "[1,2]\n"
        + "{\"text\":\"last, no newline\"}";
    List<InputRecord> rs = all(Records.jsonl(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
        "in.jsonl", RecordOptions.defaults()));
    assertEquals(10, rs.size(), rs.toString());
    assertEquals("doc-1", rs.get(0).id());
    assertEquals("www.site.org", rs.get(0).host());
    assertEquals("in.jsonl#1", rs.get(0).source());
    assertEquals("42", rs.get(1).id());
    assertEquals("Numbered.", rs.get(1).text());
    assertEquals("in.jsonl#4", rs.get(2).id());
    assertTrue(rs.get(3).html());
    assertEquals("An HTML body.", rs.get(3).text().strip());
    assertTrue(rs.get(4).error().startsWith("not a JSON object: "), rs.get(4).error());
    assertEquals("in.jsonl#6", rs.get(4).id());
    assertEquals("no field \"text\"", rs.get(5).error());
    assertEquals("x", rs.get(5).id());
    assertEquals("field \"text\" is not a string", rs.get(6).error());
    assertEquals("empty text", rs.get(7).error());
    assertTrue(rs.get(8).isError());
    assertEquals("last, no newline", rs.get(9).text());
  }

  @Test
  void jsonlFieldNamesComeFromTheOptions() throws IOException {
    String jsonl = "{\"key\":\"k1\",\"content\":\"Some content.\",\"text\":\"ignored\"}\n";
    List<InputRecord> rs = all(Records.jsonl(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
        "f.jsonl", RecordOptions.defaults().withTextField("content").withIdField("key")));
    assertEquals("k1", rs.get(0).id());
    assertEquals("Some content.", rs.get(0).text());
  }

  @Test
  void jsonlBadBytesAndLongLinesAreErrorsOfTheirLineOnly() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("{\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
    b.write(("{\"text\":\"" + "long ".repeat(100) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    b.write("{\"text\":\"after\"}\n".getBytes(StandardCharsets.UTF_8));
    List<InputRecord> rs = all(Records.jsonl(new ByteArrayInputStream(b.toByteArray()), "b.jsonl",
        RecordOptions.defaults().withMaxBytes(100)));
    assertEquals(4, rs.size(), rs.toString());
    assertEquals("fine", rs.get(0).text());
    assertEquals("invalid UTF-8 at byte offset 9 of the line", rs.get(1).error());
    assertEquals("b.jsonl#2", rs.get(1).source());
    assertEquals("line longer than the limit of 100 bytes", rs.get(2).error());
    assertEquals("after", rs.get(3).text());
  }

  @Test
  void gzipJsonlIsReadAndATruncatedOneEndsWithAnErrorRecord() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append("{\"id\":\"r").append(i).append("\",\"text\":\"Record number ").append(i).append(" here.\"}\n");
    }
    byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    List<InputRecord> rs = all(Records.jsonl(new ByteArrayInputStream(gz), "g.jsonl.gz", RecordOptions.defaults()));
    assertEquals(200, rs.size());
    assertEquals("Record number 199 here.", rs.get(199).text());
    List<InputRecord> cut = all(Records.jsonl(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length - 30)),
        "g.jsonl.gz", RecordOptions.defaults()));
    InputRecord last = cut.get(cut.size() - 1);
    assertTrue(last.isError(), last.toString());
    assertTrue(last.error().startsWith("truncated input"), last.error());
    for (int i = 0; i < cut.size() - 1; i++) {
      assertEquals("r" + i, cut.get(i).id());
      assertFalse(cut.get(i).isError());
    }
  }

  @Test
  void randomJsonlMatchesALineByLineOracle() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    java.util.Random rnd = new java.util.Random(seed);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>(); // "T:<id>:<text>" or "E:<source>"
    int lines = 1 + rnd.nextInt(300);
    for (int line = 1; line <= lines; line++) {
      String at = "r.jsonl#" + line;
      switch (rnd.nextInt(6)) {
        case 0 -> b.write(rnd.nextBoolean() ? "\n".getBytes(StandardCharsets.UTF_8)
            : "  \t\r\n".getBytes(StandardCharsets.UTF_8)); // blank: no record
        case 1 -> {
          b.write(("{\"text\": \"broken" + line + "\"\n").getBytes(StandardCharsets.UTF_8));
          expected.add("E:" + at);
        }
        case 2 -> {
          b.write(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) (0x80 + rnd.nextInt(64)), '"', '}',
              '\n'});
          expected.add("E:" + at);
        }
        default -> {
          StringBuilder t = new StringBuilder();
          int words = 1 + rnd.nextInt(8);
          for (int w = 0; w < words; w++) {
            t.append(w == 0 ? "" : " ").append((char) ('a' + rnd.nextInt(26))).append("\u00e9\"x\\");
          }
          boolean withId = rnd.nextBoolean();
          String id = withId ? "id" + rnd.nextInt(1000) : at;
          String obj = "{" + (withId ? "\"id\":" + org.unspin.util.Json.quote(id) + "," : "") + "\"text\":"
              + org.unspin.util.Json.quote(t.toString()) + "}";
          b.write((obj + (rnd.nextBoolean() ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
          expected.add("T:" + id + ":" + t);
        }
      }
    }
    List<String> got = new ArrayList<>();
    for (InputRecord r : all(Records.jsonl(new ByteArrayInputStream(b.toByteArray()), "r.jsonl",
        RecordOptions.defaults()))) {
      got.add(r.isError() ? "E:" + r.source() : "T:" + r.id() + ":" + r.text());
    }
    assertEquals(expected, got, "seed=" + seed);
  }

  // ------------------------------------------------------------------ files and directories

  @Test
  void directoriesAreWalkedInPathOrderSkippingHiddenAndUnknownFiles() throws IOException {
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.createDirectories(dir.resolve(".hidden"));
    Files.writeString(dir.resolve("b.txt"), "Bee.");
    Files.writeString(dir.resolve("a.html"), "<p>Ay.</p>");
    Files.writeString(dir.resolve("sub/deeper/c.txt"), "Sea.");
    Files.writeString(dir.resolve("sub/a.txt"), "Sub ay.");
    Files.writeString(dir.resolve("notes.md"), "skipped");
    Files.writeString(dir.resolve(".hidden/h.txt"), "skipped");
    Files.write(dir.resolve("z.txt.gz"), gzip("Zipped text.".getBytes(StandardCharsets.UTF_8)));
    List<InputRecord> rs = all(Records.open(List.of(dir), RecordOptions.defaults()));
    List<String> ids = rs.stream().map(InputRecord::id).toList();
    assertEquals(List.of(dir.resolve("a.html").toString(), dir.resolve("b.txt").toString(),
        dir.resolve("sub/a.txt").toString(), dir.resolve("sub/deeper/c.txt").toString(),
        dir.resolve("z.txt.gz").toString()), ids);
    assertTrue(rs.get(0).html());
    assertEquals("Ay.", rs.get(0).text().strip());
    assertEquals("Zipped text.", rs.get(4).text());
    assertEquals(ids, all(Records.open(List.of(dir), RecordOptions.defaults())).stream().map(InputRecord::id)
        .toList(), "the same inputs give the same order");
  }

  @Test
  void explicitFilesKeepTheirOrderAndRelativeNames() throws IOException {
    Path a = dir.resolve("one.dat");
    Files.writeString(a, "Unknown extension read as text.");
    Path b = dir.resolve("two.txt");
    Files.writeString(b, "Second.");
    Path rel = Path.of("").toAbsolutePath().relativize(b);
    List<InputRecord> rs = all(Records.open(List.of(rel, a), RecordOptions.defaults()));
    assertEquals(rel.toString(), rs.get(0).id());
    assertEquals(a.toString(), rs.get(1).id());
    assertEquals("Unknown extension read as text.", rs.get(1).text());
  }

  @Test
  void badTextFilesAreErrorRecords() throws IOException {
    Files.write(dir.resolve("a-empty.txt"), new byte[0]);
    Files.write(dir.resolve("b-binary.txt"), new byte[] {0x7F, 'E', 'L', 'F', 1, 2, 3});
    Files.writeString(dir.resolve("c-big.txt"), "x".repeat(2000));
    Files.write(dir.resolve("d-latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("e-good.txt"), "Good.");
    List<InputRecord> rs = all(Records.open(List.of(dir), RecordOptions.defaults().withMaxBytes(1000)));
    assertEquals(5, rs.size());
    assertEquals("empty record", rs.get(0).error());
    assertTrue(rs.get(1).error().startsWith("looks like binary data"), rs.get(1).error());
    assertEquals("larger than the limit of 1000 bytes", rs.get(2).error());
    assertEquals("invalid UTF-8 at byte offset 3", rs.get(3).error());
    assertEquals("Good.", rs.get(4).text());
  }

  @Test
  void missingInputIsAnInputException() {
    InputException e = assertThrows(InputException.class,
        () -> Records.open(List.of(dir.resolve("nope.warc")), RecordOptions.defaults()));
    assertTrue(e.getMessage().contains("nope.warc: no such file or directory"), e.getMessage());
  }

  @Test
  void bytesReadReachesTheSizeOfTheInputs() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Alpha.");
    byte[] w = warc(WarcCompression.GZIP, response("http://x.example/", 200, "text/plain",
        "Beta.".getBytes(StandardCharsets.UTF_8)));
    Files.write(dir.resolve("b.warc.gz"), w);
    try (RecordStream s = Records.open(List.of(dir), RecordOptions.defaults())) {
      while (s.next() != null) {
        assertTrue(s.bytesRead() <= 6 + w.length);
      }
      assertEquals(6 + w.length, s.bytesRead());
    }
  }

  // ------------------------------------------------------------------ the record type

  @Test
  void recordValidatesItsFields() {
    assertThrows(IllegalArgumentException.class, () -> new InputRecord("i", null, "s", null, false, null));
    assertThrows(IllegalArgumentException.class, () -> new InputRecord("i", null, "s", "t", false, "e"));
    assertThrows(IllegalArgumentException.class, () -> new InputRecord("i", null, "s", null, false, "two\nlines"));
    assertEquals("two lines", InputRecord.ofError("i", null, "s", "two\nlines").error());
    assertThrows(IllegalArgumentException.class, () -> new RecordOptions("text", "id", 0));
    assertThrows(IllegalArgumentException.class, () -> new RecordOptions(" ", "id", 10));
  }

  @Test
  void hostIsLowerCaseWithoutUserInfoPortOrTrailingDot() {
    assertEquals("example.com", InputRecord.hostOf("https://user:pw@Example.COM.:443/x"));
    assertEquals("[::1]", InputRecord.hostOf("http://[::1]:8080/"));
    assertEquals("a.b", InputRecord.hostOf("http://a.b?q"));
    assertNull(InputRecord.hostOf("urn:uuid:1234"));
    assertNull(InputRecord.hostOf("file:///etc/passwd"));
    assertNull(InputRecord.hostOf(null));
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
