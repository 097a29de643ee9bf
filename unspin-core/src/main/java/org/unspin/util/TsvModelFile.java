package org.unspin.util;

import static org.unspin.util.ModelFields.abbreviate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.unspin.api.ModelException;
import org.unspin.api.UnspinException;

/**
 * The line layer of the shipped TAB-separated model and data files (the detector, the edit
 * reranker, the detector rules' word lists): a cursor over their data lines, the file load and save
 * with one way of reporting failures, and the {@code provenance KEY VALUE} lines the two models end
 * with. What a line means stays with each format.
 *
 * <p>Not thread-safe: a cursor belongs to one reader.
 */
public final class TsvModelFile {
  private final BufferedReader reader;
  private final String origin;
  private int lineNo;
  private String line;
  private String[] fields;

  /** A cursor over {@code reader}; {@code origin} names the file in messages. */
  public TsvModelFile(Reader reader, String origin) {
    this.reader = new BufferedReader(reader);
    this.origin = origin;
  }

  /**
   * Moves to the next line that is neither blank nor a {@code #} comment.
   *
   * @return false at the end of the file
   * @throws ModelException when the bytes are not UTF-8 (names the last good line)
   */
  public boolean next() throws IOException {
    try {
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        lineNo++;
        if (!l.isBlank() && !l.startsWith("#")) {
          line = l;
          fields = l.split("\t", -1);
          return true;
        }
      }
    } catch (CharacterCodingException e) {
      throw new ModelException(origin + ": invalid UTF-8 after line " + lineNo, e);
    }
    line = null;
    fields = null;
    return false;
  }

  /** The current line as read. */
  public String line() {
    return line;
  }

  /** The current line's TAB-separated fields (empty ones kept). */
  public String[] fields() {
    return fields;
  }

  /** The message prefix naming the current line: {@code origin:number: }. */
  public String where() {
    return origin + ":" + lineNo + ": ";
  }

  /**
   * Adds a {@code provenance KEY VALUE} line's pair to {@code provenance}.
   *
   * @throws ModelException when the line has not three fields or the key came before
   */
  public static void putProvenance(String[] f, String where, Map<String, String> provenance) {
    ModelFields.fields(f, 3, where, "provenance KEY VALUE");
    if (provenance.put(f[1], f[2]) != null) {
      throw new ModelException(where + "duplicate provenance key '" + abbreviate(f[1]) + "'");
    }
  }

  /** Appends one {@code provenance KEY VALUE} line per entry, in the map's order. */
  public static void appendProvenance(StringBuilder sb, Map<String, String> provenance) {
    for (Map.Entry<String, String> e : provenance.entrySet()) {
      sb.append("provenance\t").append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
  }

  /** Writes a model's text. */
  @FunctionalInterface
  public interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * Writes {@code file} as UTF-8 with {@code body}; {@code what} names the kind of model in messages.
   *
   * @throws UnspinException when the file cannot be written
   */
  public static void save(Path file, String what, Body body) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException e) {
      throw new UnspinException("cannot write " + what + " " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code file} with {@code parser}; {@code what} names the kind of model in messages.
   *
   * @throws ModelException when the file is missing or cannot be read
   */
  public static <T> T load(Path file, String what, Resources.Parser<T> parser) {
    try (InputStream in = Files.newInputStream(file)) {
      return parser.parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ModelException(file + ": no such " + what + " file", e);
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read " + what + ": " + e.getMessage(), e);
    }
  }
}
