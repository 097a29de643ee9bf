package org.unspin.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.unspin.util.Json;

/** Small scan inputs written by the tests: texts, HTML, JSONL with bad lines, WARC with a truncated tail. */
final class ScanFixtures {
  private ScanFixtures() {}

  static final String[] SENTENCES = {
      "The central bank raised interest rates on Tuesday.",
      "Shares in the company fell sharply after the announcement.",
      "The government said it would publish the report next week.",
      "Officials expect growth to slow in the second half of the year.",
      "The minister told reporters that talks would continue.",
      "Analysts said the results were better than expected.",
      "The team won its third match in a row on Saturday.",
      "Researchers used big data and artificial intelligence to study the problem.",
      "Sales of mobile phones rose by ten percent last year.",
      "The film opened in cinemas across the country on Friday.",
  };
  /** Tortured phrases the shipped profile knows, as a spinner would leave them. */
  static final String[] SPUN = {
      "Specialists utilized colossal information and counterfeit consciousness to consider the issue.",
      "The irregular woodland classifier beat the profound learning model.",
      "The focal bank raised intrigue rates on Tuesday.",
      "The flag to clamor proportion was high in the remote sensor arrange.",
  };

  static String document(Random rnd, boolean spun) {
    StringBuilder sb = new StringBuilder();
    int n = 3 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      String[] pool = spun && rnd.nextInt(2) == 0 ? SPUN : SENTENCES;
      sb.append(i == 0 ? "" : " ").append(pool[rnd.nextInt(pool.length)]);
    }
    return sb.toString();
  }

  /**
   * Writes {@code texts} text files, an HTML file, a JSONL file of {@code jsonl} lines (two bad), and a
   * gzip WARC of {@code warc} responses over four hosts whose last member is cut short.
   */
  static void write(Path dir, long seed, int texts, int jsonl, int warc) throws IOException {
    Random rnd = new Random(seed);
    Files.createDirectories(dir.resolve("texts"));
    for (int i = 0; i < texts; i++) {
      Files.writeString(dir.resolve(String.format("texts/doc-%03d.txt", i)), document(rnd, i % 3 == 0));
    }
    Files.writeString(dir.resolve("page.html"), "<html><body><nav>Home | News</nav><article><p>"
        + document(rnd, true) + "</p><p>" + document(rnd, false) + "</p></article></body></html>");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < jsonl; i++) {
      if (i == 3) {
        sb.append("{\"id\": \"broken\", \"text\": \n");
      } else if (i == 5) {
        sb.append("{\"id\": \"no-text\"}\n");
      } else {
        sb.append("{\"id\":\"j").append(i).append("\",\"url\":\"https://blog").append(i % 2)
            .append(".example/p").append(i).append("\",\"text\":").append(Json.quote(document(rnd, i % 2 == 0)))
            .append("}\n");
      }
    }
    Files.writeString(dir.resolve("records.jsonl"), sb.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lastStart = 0;
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
      for (int i = 0; i < warc; i++) {
        lastStart = out.size();
        String host = "farm" + (i % 4) + ".example";
        String html = "<html><body><p>" + document(rnd, i % 4 < 2) + "</p></body></html>";
        HttpResponse http = new HttpResponse.Builder(200, "OK")
            .body(MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8)).build();
        w.write(new WarcResponse.Builder(URI.create("http://" + host + "/a" + i)).body(http).build());
      }
    }
    byte[] bytes = out.toByteArray();
    Files.write(dir.resolve("crawl.warc.gz"), Arrays.copyOf(bytes, lastStart + (bytes.length - lastStart) / 2));
  }
}
