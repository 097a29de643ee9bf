package org.unspin.bench.corpus;

import org.unspin.util.Utf8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the AG News CSV ({@code class,title,description}, every field in double quotes, a quote
 * inside a field doubled), one document per record: the title on the first line, the description
 * after it. The id is {@code agnews/<line>}, the 1-based line where the record starts. Strict
 * UTF-8; a malformed record (unclosed quote, fewer than three fields) is an {@link IOException}
 * naming the file and line.
 *
 * <p>The text carries the escapes of the original crawl, decoded here: {@code \$} is a dollar
 * sign, any other backslash was a line break inside a sentence and becomes a space; {@code &lt;
 * &gt; &amp; &quot;} and {@code &#N;} are decoded, and so is {@code " #N;"}, where the crawl
 * replaced the {@code &} of a numeric reference by a space ({@code doesn #39;t} is {@code doesn't});
 * references 128..159 are windows-1252 ({@code #151;} is an em dash).
 */
public final class AgNewsReader implements DocumentStream {
  private final Path file;
  private final BufferedReader in;
  private int line;

  /** Opens {@code file} (for example {@code agnews/test.csv}). */
  public AgNewsReader(Path file) throws IOException {
    this.file = file;
    this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        Utf8.strictDecoder()));
  }

  @Override
  public Document read() throws IOException {
    String first;
    while ((first = in.readLine()) != null) {
      line++;
      if (!first.isBlank()) {
        break;
      }
    }
    if (first == null) {
      return null;
    }
    int startLine = line;
    List<String> fields = new ArrayList<>(3);
    StringBuilder field = new StringBuilder();
    String current = first;
    int i = 0;
    boolean quoted = false;
    boolean fieldStart = true;
    while (true) {
      if (i >= current.length()) {
        if (quoted) {
          String more = in.readLine();
          if (more == null) {
            throw new IOException(file + ":" + startLine + ": quoted field is not closed");
          }
          line++;
          field.append('\n');
          current = more;
          i = 0;
          continue;
        }
        fields.add(field.toString());
        break;
      }
      char c = current.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < current.length() && current.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else {
        field.append(c);
        fieldStart = false;
      }
    }
    if (fields.size() < 3) {
      throw new IOException(file + ":" + startLine + ": expected class,title,description but found "
          + fields.size() + " field(s)");
    }
    StringBuilder text = new StringBuilder();
    CorpusText.appendParagraph(text, unescape(fields.get(1)));
    CorpusText.appendParagraph(text, unescape(fields.get(2)));
    return new Document("agnews/" + startLine, text.toString());
  }

  /** Decodes the crawl's escapes, see the class comment. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '$') {
          sb.append('$');
          i += 2;
        } else {
          sb.append(' ');
          i++;
        }
        continue;
      }
      if ((c == ' ' || c == '&') && i + 1 < s.length() && s.charAt(i + 1) == '#') {
        int semi = s.indexOf(';', i + 2);
        if (semi > i + 2 && semi - i <= 9 && allDigits(s, i + 2, semi)) {
          int ch = CorpusText.numericCharacter(Long.parseLong(s.substring(i + 2, semi)));
          if (ch >= 0) {
            sb.appendCodePoint(ch);
          }
          i = semi + 1;
          continue;
        }
      }
      if (c == '#' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) && (i == 0)) {
        int semi = s.indexOf(';', i + 1);
        if (semi > i + 1 && semi - i <= 8 && allDigits(s, i + 1, semi)) {
          int ch = CorpusText.numericCharacter(Long.parseLong(s.substring(i + 1, semi)));
          if (ch >= 0) {
            sb.appendCodePoint(ch);
          }
          i = semi + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return CorpusText.decodeEntities(sb.toString());
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
