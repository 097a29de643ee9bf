package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.unspin.api.InputException;
import org.unspin.index.SourceIndexWriter;
import org.unspin.text.ExtractedText;
import org.unspin.text.HtmlExtractor;
import org.unspin.text.TextInput;
import org.unspin.util.Json;

/**
 * Feeds INPUT arguments of {@code index build|add} to a {@link SourceIndexWriter}: files and
 * directories (walked recursively, sorted by path; in directories only {@code .txt}, {@code .html},
 * {@code .htm} and {@code .jsonl} files), one document per text or HTML file (id: the path as
 * given), one per JSONL line (id: its "id" field, else {@code <file>#<line>}; text: "text"; URL:
 * "url"). A bad document is reported on stderr and skipped; progress goes to stderr.
 */
final class IndexInputs {
  /** Progress is reported at most this often. */
  static final long PROGRESS_NANOS = 2_000_000_000L;

  private final SourceIndexWriter writer;
  private final PrintWriter err;
  private long skipped;
  private long lastReport = System.nanoTime();
  private final long t0 = System.nanoTime();

  IndexInputs(SourceIndexWriter writer, PrintWriter err) {
    this.writer = writer;
    this.err = err;
  }

  long skipped() {
    return skipped;
  }

  void addAll(List<Path> inputs) throws IOException {
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(in)) {
          s.filter(Files::isRegularFile).filter(IndexInputs::indexable).sorted().forEach(files::add);
        }
        for (Path f : files) {
          addFile(f);
        }
      } else if (Files.isRegularFile(in)) {
        addFile(in);
      } else {
        throw new InputException("no such file or directory: " + in);
      }
    }
  }

  private static boolean indexable(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".jsonl");
  }

  private void addFile(Path f) {
    String name = f.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String raw;
    try {
      raw = TextInput.withDefaults().read(f);
    } catch (InputException e) {
      skip(name, e.getMessage());
      return;
    }
    if (lower.endsWith(".jsonl")) {
      String[] lines = raw.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        String where = name + "#" + (i + 1);
        try {
          Map<String, Object> o = Json.parseObject(line);
          Object text = o.get("text");
          if (!(text instanceof String t) || t.isBlank()) {
            skip(where, "no \"text\"");
            continue;
          }
          Object id = o.get("id");
          Object url = o.get("url");
          add(id != null ? id.toString() : url instanceof String u ? u : where, url instanceof String u ? u : null, t);
        } catch (IllegalArgumentException e) {
          skip(where, "bad JSON: " + e.getMessage());
        }
      }
      return;
    }
    boolean html = lower.endsWith(".html") || lower.endsWith(".htm")
        || (!lower.endsWith(".txt") && HtmlExtractor.looksLikeHtml(raw));
    String text = raw;
    if (html) {
      ExtractedText t = new HtmlExtractor().extract(raw);
      text = t.text();
    }
    if (text.isBlank()) {
      skip(name, "no text");
      return;
    }
    add(name, null, text);
  }

  private void add(String id, String uri, String text) {
    writer.add(id, uri, text);
    long now = System.nanoTime();
    if (now - lastReport >= PROGRESS_NANOS) {
      lastReport = now;
      long n = writer.added();
      err.println(String.format(Locale.ROOT, "indexed %d documents (%.0f/s)", n, n / ((now - t0) / 1e9)));
      err.flush();
    }
  }

  private void skip(String where, String why) {
    skipped++;
    err.println("unspin: skipped " + where + ": " + why);
    err.flush();
  }
}
