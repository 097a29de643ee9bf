package org.unspin.text;

import org.unspin.util.Utf8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.unspin.api.ModelException;

/**
 * The abbreviation list used by the tokenizer and sentence splitter: which words keep their final
 * period, and whether such a word may end a sentence. The file format is documented in the header
 * of the bundled {@code abbreviations.txt}. Immutable and thread-safe.
 */
public final class Abbreviations {
  /** How an abbreviation behaves at a possible sentence end. */
  public enum Kind {
    /** Never ends a sentence ({@code Dr.}, {@code e.g.}). */
    PREFIX,
    /** May end a sentence ({@code etc.}, {@code Inc.}, {@code U.S.}). */
    ANY,
    /** An abbreviation only before a number ({@code No. 5}). */
    NUMERIC
  }

  static final String RESOURCE = "abbreviations.txt";

  private static final class DefaultHolder {
    static final Abbreviations DEFAULT = loadDefault();
  }

  private final Map<String, Kind> entries;
  private final int maxLength;

  private Abbreviations(Map<String, Kind> entries) {
    this.entries = Map.copyOf(entries);
    int max = 0;
    for (String key : entries.keySet()) {
      max = Math.max(max, key.length());
    }
    this.maxLength = max;
  }

  /** The bundled English list. */
  public static Abbreviations english() {
    return DefaultHolder.DEFAULT;
  }

  /**
   * Parses a list in the documented format.
   *
   * @param sourceName named in error messages
   * @throws ModelException on a malformed line or undecodable bytes
   */
  public static Abbreviations parse(Reader reader, String sourceName) {
    Objects.requireNonNull(reader, "reader");
    Map<String, Kind> map = new HashMap<>();
    BufferedReader in = new BufferedReader(reader);
    int lineNo = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.split("\\s+");
        if (parts.length != 2) {
          throw new ModelException(sourceName + ": line " + lineNo + ": expected '<abbreviation> <class>', got '" + s + "'");
        }
        String key = parts[0].toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
          throw new ModelException(sourceName + ": line " + lineNo + ": write '" + key + "' without its final period");
        }
        Kind kind;
        try {
          kind = Kind.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new ModelException(sourceName + ": line " + lineNo + ": unknown class '" + parts[1]
              + "' (expected prefix, any or numeric)", e);
        }
        map.put(key, kind);
      }
    } catch (CharacterCodingException e) {
      throw new ModelException(sourceName + ": invalid UTF-8 after line " + lineNo, e);
    } catch (IOException e) {
      throw new UncheckedIOException(sourceName + ": cannot read abbreviation list", e);
    }
    return new Abbreviations(map);
  }

  private static Abbreviations loadDefault() {
    try (InputStream in = Abbreviations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ModelException("classpath resource org/unspin/text/" + RESOURCE + " is missing");
      }
      Reader reader = new InputStreamReader(in, Utf8.strictDecoder());
      return parse(reader, "org/unspin/text/" + RESOURCE);
    } catch (IOException e) {
      throw new ModelException("cannot read classpath resource org/unspin/text/" + RESOURCE, e);
    }
  }

  /** The kind of {@code word} (case-insensitive, without its final period), or null if not listed. */
  public Kind lookup(String word) {
    return entries.get(word.toLowerCase(Locale.ROOT));
  }

  /** Same as {@link #lookup(String)} for {@code text[start, end)}; allocates only for short words. */
  Kind lookup(CharSequence text, int start, int end) {
    if (end - start > maxLength || end <= start) {
      return null;
    }
    return entries.get(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
  }

  /** Number of entries. */
  public int size() {
    return entries.size();
  }
}
