package org.unspin.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Reuters-21578 ({@code <dir>/reut2-NNN.sgm}, SGML): one document per {@code REUTERS}
 * element, its {@code TITLE} on the first line and its {@code BODY} after it, with the id
 * {@code reuters/<NEWID>}.
 *
 * <p>Files are ASCII except one stray byte in {@code reut2-017.sgm}; they are read as strict UTF-8
 * with a windows-1252 fallback. Entities ({@code &lt; &amp; &#N;}) are decoded and control
 * characters ({@code &#2; &#3;} ...) dropped. Body lines are hard-wrapped at about 65 columns; a
 * new paragraph starts at an indented or a blank line. The {@code Reuter} sign-off line that ends
 * most bodies is dropped. Elements of {@code TYPE="UNPROC"} (tables with no TITLE/BODY) and
 * {@code TYPE="BRIEF"} (headline only) yield documents that are empty or very short, which
 * {@link Corpora#MIN_WORDS} then keeps out. Files are visited in name order.
 */
public final class ReutersReader implements DocumentStream {
  private static final Pattern FILE_NAME = Pattern.compile("reut2-\\d+\\.sgm");
  private static final Pattern NEWID = Pattern.compile("\\bNEWID=\"(\\d+)\"");
  private static final Pattern SIGN_OFF = Pattern.compile("(?i)reuters?");

  private final List<Path> files;
  private int nextFile;
  private Path file;
  private String content;
  private int pos;

  /** Lists the SGML files of {@code dir} (the {@code reuters21578} directory). */
  public ReutersReader(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a directory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
  }

  @Override
  public Document read() throws IOException {
    while (true) {
      if (content != null) {
        int start = content.indexOf("<REUTERS", pos);
        if (start >= 0) {
          int end = content.indexOf("</REUTERS>", start);
          if (end < 0) {
            throw new IOException(file + ": REUTERS element at offset " + start + " is not closed");
          }
          pos = end + "</REUTERS>".length();
          return parse(content.substring(start, end));
        }
        content = null;
      }
      if (nextFile >= files.size()) {
        return null;
      }
      file = files.get(nextFile++);
      content = CorpusText.readUtf8OrLatin(file);
      pos = 0;
    }
  }

  private Document parse(String element) throws IOException {
    int tagEnd = element.indexOf('>');
    Matcher m = NEWID.matcher(tagEnd < 0 ? element : element.substring(0, tagEnd));
    if (!m.find()) {
      throw new IOException(file + ": REUTERS element without NEWID: "
          + CorpusText.oneLine(element.substring(0, Math.min(80, element.length()))));
    }
    StringBuilder text = new StringBuilder();
    String title = between(element, "<TITLE>", "</TITLE>");
    if (title != null) {
      CorpusText.appendParagraph(text, CorpusText.decodeEntities(title));
    }
    String body = between(element, "<BODY>", "</BODY>");
    if (body != null) {
      appendBody(text, CorpusText.decodeEntities(body));
    }
    return new Document("reuters/" + m.group(1), text.toString());
  }

  /** Joins wrapped lines into paragraphs and drops the trailing sign-off. */
  static void appendBody(StringBuilder text, String body) {
    String[] lines = body.split("\r\n|\r|\n", -1);
    int last = lines.length - 1;
    while (last >= 0 && lines[last].isBlank()) {
      last--;
    }
    if (last >= 0 && SIGN_OFF.matcher(lines[last].strip()).matches()) {
      last--;
    }
    StringBuilder paragraph = new StringBuilder();
    for (int i = 0; i <= last; i++) {
      String line = lines[i];
      boolean breakBefore = line.isBlank() || Character.isWhitespace(line.charAt(0));
      if (breakBefore && paragraph.length() > 0) {
        CorpusText.appendParagraph(text, paragraph);
        paragraph.setLength(0);
      }
      paragraph.append(line).append(' ');
    }
    CorpusText.appendParagraph(text, paragraph);
  }

  private static String between(String s, String open, String close) {
    int a = s.indexOf(open);
    if (a < 0) {
      return null;
    }
    int b = s.indexOf(close, a + open.length());
    return b < 0 ? null : s.substring(a + open.length(), b);
  }
}
