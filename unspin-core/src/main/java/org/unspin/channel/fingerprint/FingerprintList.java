package org.unspin.channel.fingerprint;

import org.unspin.util.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.unspin.api.ModelException;
import org.unspin.util.Resources;

/**
 * A list of tortured-phrase fingerprints, read from the Problematic Paper Screener's CSV export.
 *
 * <p>Format: RFC 4180 CSV in UTF-8 with a header row naming at least the columns
 * {@code tortured_phrase} (a query, see {@link QueryParser}) and {@code expected_phrase}; an
 * optional {@code num_papers} column holds a count that may use thousands separators
 * ({@code "42,682"}). Lines before the header that start with {@code #} are comments (the shipped
 * copy uses them for its source and licence). A malformed query, a missing column or bad bytes fail
 * with a {@link ModelException} naming the file and line.
 *
 * <p>Immutable and thread-safe.
 */
public final class FingerprintList {

  /** The classpath resource of the shipped list (PPS, CC BY 4.0). */
  public static final String DEFAULT_RESOURCE = "/org/unspin/channel/pps-tortured-phrases.csv";

  private final List<Fingerprint> entries;
  private final String source;

  public FingerprintList(List<Fingerprint> entries, String source) {
    this.entries = List.copyOf(entries);
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The entries in file order. */
  public List<Fingerprint> entries() {
    return entries;
  }

  /** Where the list was read from (a path or a resource name). */
  public String source() {
    return source;
  }

  public int size() {
    return entries.size();
  }

  /** The shipped default list (the PPS export, CC BY 4.0). */
  public static FingerprintList loadDefault() {
    return Resources.load(FingerprintList.class, DEFAULT_RESOURCE, FingerprintList::read);
  }

  /** Reads a list from a file. */
  public static FingerprintList load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ModelException("no such fingerprint list: " + file, e);
    } catch (IOException e) {
      throw new ModelException("cannot read fingerprint list " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a list from a stream of UTF-8 bytes; {@code source} names it in messages. */
  public static FingerprintList read(InputStream in, String source) throws IOException {
    Reader r = new InputStreamReader(in, Utf8.strictDecoder());
    Csv csv = new Csv(r, source);
    List<String> header;
    try {
      header = csv.next();
      while (header != null && !header.isEmpty() && header.get(0).startsWith("#")) {
        header = csv.next();
      }
    } catch (CharacterCodingException e) {
      throw new ModelException(source + ": not valid UTF-8 near line " + csv.line(), e);
    }
    if (header == null) {
      throw new ModelException(source + ": empty fingerprint list (no header row)");
    }
    int qCol = -1;
    int eCol = -1;
    int nCol = -1;
    for (int i = 0; i < header.size(); i++) {
      switch (header.get(i).trim().toLowerCase(Locale.ROOT)) {
        case "tortured_phrase" -> qCol = i;
        case "expected_phrase" -> eCol = i;
        case "num_papers" -> nCol = i;
        default -> { }
      }
    }
    if (qCol < 0 || eCol < 0) {
      throw new ModelException(source + ":" + csv.recordLine()
          + ": header must name the columns tortured_phrase and expected_phrase (got " + header + ")");
    }
    List<Fingerprint> out = new ArrayList<>();
    while (true) {
      List<String> rec;
      try {
        rec = csv.next();
      } catch (CharacterCodingException e) {
        throw new ModelException(source + ": not valid UTF-8 near line " + csv.line(), e);
      }
      if (rec == null) {
        break;
      }
      int line = csv.recordLine();
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      if (rec.size() <= Math.max(qCol, eCol)) {
        throw new ModelException(source + ":" + line + ": expected " + header.size() + " columns, got " + rec.size());
      }
      String query = rec.get(qCol).trim();
      FingerprintQuery parsed;
      try {
        parsed = QueryParser.parse(query);
      } catch (QueryParser.SyntaxException e) {
        throw new ModelException(source + ":" + line + ": malformed query '" + query + "': " + e.getMessage(), e);
      }
      String expected = rec.get(eCol).trim();
      int papers = 0;
      if (nCol >= 0 && nCol < rec.size()) {
        String num = rec.get(nCol).trim().replace(",", "").replace("_", "");
        if (!num.isEmpty()) {
          try {
            papers = Integer.parseInt(num);
          } catch (NumberFormatException e) {
            throw new ModelException(source + ":" + line + ": num_papers is not a count: '" + rec.get(nCol) + "'");
          }
          if (papers < 0) {
            throw new ModelException(source + ":" + line + ": num_papers must be >= 0 (got " + papers + ")");
          }
        }
      }
      out.add(new Fingerprint(query, parsed, expected, expected.indexOf('?') >= 0, papers, line));
    }
    return new FingerprintList(out, source);
  }

  /** A minimal RFC 4180 reader that tracks the line each record starts on. */
  static final class Csv {
    private final Reader in;
    private final String source;
    private int line = 1;
    private int recordLine = 1;
    private int pushback = -2;

    Csv(Reader in, String source) {
      this.in = in;
      this.source = source;
    }

    int line() {
      return line;
    }

    int recordLine() {
      return recordLine;
    }

    private int read() throws IOException {
      if (pushback != -2) {
        int c = pushback;
        pushback = -2;
        return c;
      }
      return in.read();
    }

    /** The next record, or null at the end of input. */
    List<String> next() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      boolean quoted = false;
      boolean fieldStart = true;
      boolean wasQuoted = false;
      while (true) {
        if (quoted) {
          if (c == -1) {
            throw new ModelException(source + ":" + recordLine + ": unclosed quoted field");
          }
          if (c == '"') {
            int d = read();
            if (d == '"') {
              sb.append('"');
            } else {
              quoted = false;
              c = d;
              continue;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            sb.append((char) c);
          }
        } else if (c == -1 || c == '\n' || c == '\r') {
          fields.add(sb.toString());
          if (c == '\r') {
            int d = read();
            if (d != '\n') {
              pushback = d;
            }
          }
          if (c != -1) {
            line++;
          }
          return fields;
        } else if (c == ',') {
          fields.add(sb.toString());
          sb.setLength(0);
          fieldStart = true;
          wasQuoted = false;
          c = read();
          continue;
        } else if (c == '"' && fieldStart) {
          quoted = true;
          wasQuoted = true;
        } else if (c == '"' || wasQuoted) {
          throw new ModelException(source + ":" + line + ": stray '" + (char) c + "' in a CSV field"
              + (wasQuoted ? " after its closing quote" : ""));
        } else {
          sb.append((char) c);
        }
        fieldStart = false;
        c = read();
      }
    }
  }
}
