package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.unspin.api.InputException;
import org.unspin.text.TextInput;
import org.unspin.text.TextLines;

/**
 * Reads the documents of {@code detect train} and {@code detect eval}: each non-blank line of a
 * file is a document ({@link #LINES}, the layout of the permissive corpora), or each file is one
 * ({@link #FILES}, the layout of the news corpora). Directories are searched for {@code *.txt} and
 * {@code *.txt.gz} in name order; reading stops after {@code max} documents; documents longer than
 * {@code maxChars} are cut at the last space before it. In FILES mode a file that is not valid
 * UTF-8 text is skipped and counted.
 */
enum DetectDocuments {
  LINES, FILES;

  /** Longest accepted line (one document), in bytes. */
  private static final int MAX_LINE_BYTES = 16 << 20;

  /**
   * The files of {@code inputs}: each regular file as given, and the {@code *.txt} and {@code
   * *.txt.gz} files under each directory in name order.
   *
   * @throws InputException when an input is neither a file nor a directory
   */
  static List<Path> files(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".txt") || f.toString().endsWith(".txt.gz")))
              .sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new InputException(p + ": no such file or directory");
      }
    }
    return files;
  }

  /** Receives the documents of a file of one document a line ({@link #eachLine}). */
  @FunctionalInterface
  interface LineSink<E extends Exception> {
    /** One document, stripped and not blank; false: read no further in this file. */
    boolean accept(String document) throws E;
  }

  /**
   * Gives {@code sink} each non-blank line of {@code file}, stripped, until it returns false: the
   * documents of a {@link #LINES} file (at most {@code MAX_LINE_BYTES} a line).
   */
  static <E extends Exception> void eachLine(Path file, LineSink<E> sink) throws IOException, E {
    try (TextLines lines = TextInput.lines(file, MAX_LINE_BYTES)) {
      for (TextLines.Line l = lines.next(); l != null; l = lines.next()) {
        String t = l.text().strip();
        if (!t.isEmpty() && !sink.accept(t)) {
          return;
        }
      }
    }
  }

  /** The file names of {@code paths} (a path without one as written), for a provenance line. */
  static List<String> fileNames(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString()).toList();
  }

  List<String> read(List<Path> inputs, int max, int maxChars, PrintWriter err) throws IOException {
    List<Path> files = files(inputs);
    List<String> docs = new ArrayList<>();
    int skipped = 0;
    for (Path f : files) {
      if (docs.size() >= max) {
        break;
      }
      if (this == FILES) {
        try {
          docs.add(cut(TextInput.withDefaults().read(f).strip(), maxChars));
        } catch (InputException e) {
          skipped++;
        }
        continue;
      }
      eachLine(f, t -> {
        docs.add(cut(t, maxChars));
        return docs.size() < max;
      });
    }
    err.printf(Locale.ROOT, "read %d documents from %d files%s%n", docs.size(), files.size(),
        skipped == 0 ? "" : " (" + skipped + " files skipped: not UTF-8 text)");
    err.flush();
    if (docs.size() < 2) {
      throw new InputException("need at least 2 documents in " + inputs + " (got " + docs.size() + ")");
    }
    return docs;
  }

  private static String cut(String t, int maxChars) {
    if (t.length() <= maxChars) {
      return t;
    }
    int sp = t.lastIndexOf(' ', maxChars);
    return t.substring(0, sp > 0 ? sp : maxChars);
  }
}
