package org.unspin.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Small crawl files written by the tests: clean and spun pages, and records that must become error lines. */
final class Fixtures {
  private Fixtures() {}

  static final String CLEAN = "The central bank raised interest rates on Tuesday, and shares in London fell as "
      + "investors worried about the cost of borrowing. Analysts said the decision had been expected.";

  static final String SPUN = "The proposed strategy utilizes counterfeit consciousness and profound learning to "
      + "identify bosom malignant growth, and an irregular woodland classifier was prepared on the information "
      + "in our examination.";

  static final String SPUN_NEWS = "The focal bank raised financing costs on Tuesday, and offers in London fell as "
      + "speculators stressed over the expense of acquiring.";

  static String page(String title, String body) {
    return "<html><head><title>" + title + "</title><script>var tracking = 1;</script></head><body><h1>" + title
        + "</h1><p>" + body + "</p></body></html>";
  }

  static WarcResponse response(String uri, String contentType, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(contentType), body).build();
    return new WarcResponse.Builder(URI.create(uri)).body(http).build();
  }

  /**
   * A WARC with two HTML pages, a request and an image (skipped), a windows-1252 page, a plain-text
   * resource, and a page whose bytes are not the UTF-8 its header claims (an error line).
   */
  static byte[] warc(WarcCompression compression) throws IOException {
    return write(compression,
        new WarcRequest.Builder(URI.create("http://news.example/clean")).build(),
        response("http://news.example/clean", "text/html; charset=utf-8",
            page("Rates", CLEAN).getBytes(StandardCharsets.UTF_8)),
        response("http://spinner.example/paper", "text/html; charset=utf-8",
            page("Study", SPUN).getBytes(StandardCharsets.UTF_8)),
        response("http://spinner.example/logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
        response("http://news.example/caf\u00e9", "text/html; charset=windows-1252",
            page("Caf\u00e9", "The caf\u00e9 owners said the r\u00e9sum\u00e9 was fine.")
                .getBytes(Charset.forName("windows-1252"))),
        new WarcResource.Builder(URI.create("http://spinner.example/news.txt"))
            .body(MediaType.parse("text/plain; charset=utf-8"), SPUN_NEWS.getBytes(StandardCharsets.UTF_8)).build(),
        response("http://broken.example/", "text/html; charset=utf-8",
            new byte[] {'<', 'p', '>', 'a', (byte) 0xC3, '(', 'b', '<', '/', 'p', '>'}));
  }

  /** {@link #warc} gzip-compressed per record, then a last member cut in half (one error line). */
  static byte[] truncatedGzipWarc() throws IOException {
    byte[] good = warc(WarcCompression.GZIP);
    byte[] last = write(WarcCompression.GZIP, response("http://cut.example/", "text/html; charset=utf-8",
        page("Cut", CLEAN + " " + CLEAN).getBytes(StandardCharsets.UTF_8)));
    byte[] out = Arrays.copyOf(good, good.length + last.length / 2);
    System.arraycopy(last, 0, out, good.length, last.length / 2);
    return out;
  }

  /**
   * A per-record gzip WARC whose second member has its compressed data overwritten: one error line,
   * then the reader goes on at the third member.
   */
  static byte[] corruptMiddleGzipWarc() throws IOException {
    byte[] first = write(WarcCompression.GZIP, response("http://news.example/one", "text/html; charset=utf-8",
        page("One", CLEAN).getBytes(StandardCharsets.UTF_8)));
    byte[] second = write(WarcCompression.GZIP, response("http://spinner.example/two", "text/html; charset=utf-8",
        page("Two", SPUN).getBytes(StandardCharsets.UTF_8)));
    byte[] third = write(WarcCompression.GZIP, response("http://spinner.example/three", "text/html; charset=utf-8",
        page("Three", SPUN_NEWS).getBytes(StandardCharsets.UTF_8)));
    for (int i = 40; i < Math.min(second.length - 8, 90); i++) {
      second[i] = (byte) 0xFF;
    }
    byte[] out = new byte[first.length + second.length + third.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    System.arraycopy(third, 0, out, first.length + second.length, third.length);
    return out;
  }

  /** JSON lines: with an id, without one (named by line), a broken line, and a URL field. */
  static String jsonl() {
    return "{\"id\": \"doc-1\", \"text\": \"" + CLEAN + "\"}\n"
        + "{\"text\": \"" + SPUN + "\", \"url\": \"https://spinner.example/j\"}\n"
        + "{\"id\": \"doc-3\", \"text\": \n"
        + "{\"id\": 4, \"text\": \"" + SPUN_NEWS + "\"}\n";
  }

  /** Writes the four fixture files into {@code dir} and returns it. */
  static Path crawl(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("a.warc"), warc(WarcCompression.NONE));
    Files.write(dir.resolve("b.warc.gz"), truncatedGzipWarc());
    Files.writeString(dir.resolve("c.jsonl"), jsonl(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("d.warc.gz"), corruptMiddleGzipWarc());
    return dir;
  }

  private static byte[] write(WarcCompression compression, WarcRecord... records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), compression)) {
      for (WarcRecord r : records) {
        w.write(r);
      }
    }
    return out.toByteArray();
  }
}
