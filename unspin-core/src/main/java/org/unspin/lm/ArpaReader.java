package org.unspin.lm;

import org.unspin.util.ByteLines;
import org.unspin.util.Utf8;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.unspin.api.ModelException;

/**
 * Reads a back-off model in the ARPA text format (as written by SRILM, KenLM, IRSTLM), plain or
 * gzip-compressed (recognised by its magic bytes).
 *
 * <p>Strict: everything before {@code \data\} is ignored, then the counts, every {@code
 * \n-grams:} section and {@code \end\} must be present and agree; each entry is {@code log10prob
 * w1 .. wn [backoff]} separated by spaces or tabs (no back-off on the top order); scores must be
 * finite decimal numbers; every word of a longer n-gram must have a unigram; duplicate unigrams are
 * rejected. Errors are {@link ModelException}s naming the file and the line.
 *
 * <p>Word ids: {@code <unk>}, {@code <s>}, {@code </s>} get 0, 1, 2; other words get ids in the
 * order of the unigram section. A model without a {@code <unk>} unigram gets one with log10
 * probability {@value LmFormat#UNK_FLOOR} and no back-off (recorded in the metadata as {@code
 * arpa.unk-added=true}).
 */
public final class ArpaReader {
  private ArpaReader() {}

  /** Reads {@code file} (plain or gzip). */
  public static NgramModelData read(Path file) {
    try (InputStream raw = Files.newInputStream(file)) {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
      return new Parser(new Utf8Lines(body), file.toString()).parse();
    } catch (NoSuchFileException e) {
      throw new ModelException("ARPA file " + file + ": no such file", e);
    } catch (IOException e) {
      throw new ModelException("ARPA file " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an ARPA model from {@code reader}, which the caller closes.
   *
   * @param name names the input in error messages and in the metadata
   */
  public static NgramModelData read(Reader reader, String name) {
    BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    return new Parser(br::readLine, name).parse();
  }

  /** A source of lines without their terminators. */
  @FunctionalInterface
  private interface Lines {
    /** The next line, or null at the end. */
    String next() throws IOException;
  }

  /**
   * Splits bytes into lines at {@code \n} (dropping a {@code \r} before it) and decodes each
   * line as strict UTF-8, so a bad byte is reported on its own line.
   */
  private static final class Utf8Lines implements Lines {
    private final ByteLines lines;
    private final CharsetDecoder decoder = Utf8.strictDecoder();

    Utf8Lines(InputStream in) {
      this.lines = new ByteLines(in, Integer.MAX_VALUE - 8);
    }

    @Override
    public String next() throws IOException {
      if (!lines.next()) {
        return null;
      }
      if (lines.tooLong()) {
        throw new IOException("a line is longer than " + (Integer.MAX_VALUE - 8) + " bytes");
      }
      byte[] line = lines.buffer();
      int len = lines.length();
      boolean ascii = true;
      for (int i = 0; i < len && ascii; i++) {
        ascii = line[i] >= 0;
      }
      if (ascii) {
        return new String(line, 0, len, StandardCharsets.ISO_8859_1);
      }
      return decoder.decode(ByteBuffer.wrap(line, 0, len)).toString();
    }
  }

  private static final class Parser {
    private final Lines in;
    private final String name;
    private long lineNo;

    Parser(Lines in, String name) {
      this.in = in;
      this.name = name;
    }

    private ModelException error(String what) {
      return new ModelException("ARPA file " + name + ", line " + lineNo + ": " + what);
    }

    private String next() {
      try {
        String s = in.next();
        if (s != null) {
          lineNo++;
        }
        return s;
      } catch (CharacterCodingException e) {
        lineNo++;
        throw error("not valid UTF-8");
      } catch (IOException e) {
        throw new ModelException("ARPA file " + name + ": cannot read after line " + lineNo + ": "
            + e.getMessage(), e);
      }
    }

    /** The next line that is not blank, or null at the end. */
    private String nextNonBlank() {
      String s;
      do {
        s = next();
      } while (s != null && s.isBlank());
      return s;
    }

    NgramModelData parse() {
      String line;
      do {
        line = next();
        if (line == null) {
          throw error("no \\data\\ section");
        }
      } while (!line.strip().equals("\\data\\"));
      List<Long> counts = new ArrayList<>();
      while (true) {
        line = next();
        if (line == null) {
          throw error("unexpected end of file in the \\data\\ section");
        }
        String t = line.strip();
        if (t.isEmpty()) {
          if (counts.isEmpty()) {
            continue;
          }
          break;
        }
        if (!t.startsWith("ngram ")) {
          if (t.startsWith("\\") && !counts.isEmpty()) {
            break;
          }
          throw error("expected 'ngram N=COUNT', found '" + abbreviate(t) + "'");
        }
        int eq = t.indexOf('=');
        if (eq < 0) {
          throw error("expected 'ngram N=COUNT', found '" + abbreviate(t) + "'");
        }
        int n;
        long c;
        try {
          n = Integer.parseInt(t.substring(6, eq).strip());
          c = Long.parseLong(t.substring(eq + 1).strip());
        } catch (NumberFormatException e) {
          throw error("expected 'ngram N=COUNT', found '" + abbreviate(t) + "'");
        }
        if (n != counts.size() + 1) {
          throw error("expected the count of order " + (counts.size() + 1) + ", found order " + n);
        }
        if (c < 0 || c > Integer.MAX_VALUE / Math.max(n, 2)) {
          throw error("unsupported " + n + "-gram count " + c);
        }
        counts.add(c);
      }
      if (counts.isEmpty()) {
        throw error("\\data\\ section lists no n-gram counts");
      }
      int order = counts.size();
      Map<String, Integer> ids = new HashMap<>();
      List<String> words = new ArrayList<>(List.of(Vocabulary.UNK_WORD, Vocabulary.BOS_WORD, Vocabulary.EOS_WORD));
      for (int i = 0; i < 3; i++) {
        ids.put(words.get(i), i);
      }
      int[][] grams = new int[order][];
      float[][] probs = new float[order][];
      float[][] bos = new float[order][];
      boolean unkAdded = false;
      String pending = line.strip().isEmpty() ? null : line;
      boolean[] seenUnigram = new boolean[0];
      for (int n = 1; n <= order; n++) {
        String header = pending != null ? pending : nextNonBlank();
        pending = null;
        if (header == null) {
          throw error("unexpected end of file, expected \\" + n + "-grams:");
        }
        if (!header.strip().equals("\\" + n + "-grams:")) {
          throw error("expected \\" + n + "-grams:, found '" + abbreviate(header.strip()) + "'");
        }
        int expected = (int) (long) counts.get(n - 1);
        boolean top = n == order;
        int[] g = new int[expected * n];
        float[] p = new float[expected];
        float[] b = top ? null : new float[expected];
        int k = 0;
        String[] fields = new String[n + 3];
        while (true) {
          line = next();
          if (line == null) {
            break;
          }
          if (line.isBlank()) {
            continue;
          }
          if (line.startsWith("\\")) {
            pending = line;
            break;
          }
          if (k == expected) {
            throw error("more " + n + "-grams than the " + expected + " announced in \\data\\");
          }
          int f = split(line, fields);
          if (f != n + 1 && !(f == n + 2 && !top)) {
            throw error("expected " + (top ? (n + 1) : (n + 1) + " or " + (n + 2)) + " fields for a "
                + n + "-gram, found " + (f > n + 2 ? "more" : String.valueOf(f)));
          }
          p[k] = number(fields[0], "log10 probability");
          for (int i = 0; i < n; i++) {
            String w = fields[1 + i];
            Integer id = ids.get(w);
            if (n == 1) {
              if (id == null) {
                id = words.size();
                ids.put(w, id);
                words.add(w);
              }
              if (id >= seenUnigram.length) {
                seenUnigram = Arrays.copyOf(seenUnigram, Math.max(id + 1, seenUnigram.length * 2));
              }
              if (seenUnigram[id]) {
                throw error("duplicate unigram '" + w + "'");
              }
              seenUnigram[id] = true;
            } else if (id == null || id >= seenUnigram.length || !seenUnigram[id]) {
              throw error("word '" + w + "' of this " + n + "-gram has no unigram");
            }
            g[k * n + i] = id;
          }
          if (b != null) {
            b[k] = f == n + 2 ? number(fields[n + 1], "back-off") : 0f;
          }
          k++;
        }
        if (k != expected) {
          throw error("\\" + n + "-grams: has " + k + " entries, \\data\\ announced " + expected);
        }
        if (n == 1 && (seenUnigram.length == 0 || !seenUnigram[Vocabulary.UNK])) {
          seenUnigram = Arrays.copyOf(seenUnigram, Math.max(seenUnigram.length, 1));
          seenUnigram[Vocabulary.UNK] = true;
          g = Arrays.copyOf(g, expected + 1);
          p = Arrays.copyOf(p, expected + 1);
          g[expected] = Vocabulary.UNK;
          p[expected] = LmFormat.UNK_FLOOR;
          if (b != null) {
            b = Arrays.copyOf(b, expected + 1);
          }
          unkAdded = true;
        }
        grams[n - 1] = g;
        probs[n - 1] = p;
        bos[n - 1] = b;
      }
      String end = pending != null ? pending : nextNonBlank();
      if (end == null || !end.strip().equals("\\end\\")) {
        throw error(end == null ? "unexpected end of file, expected \\end\\"
            : "expected \\end\\, found '" + abbreviate(end.strip()) + "'");
      }
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("arpa.source", name);
      if (unkAdded) {
        meta.put("arpa.unk-added", "true");
      }
      return new NgramModelData(words.toArray(new String[0]), grams, probs, bos, meta);
    }

    private float number(String s, String what) {
      boolean ok = !s.isEmpty();
      for (int i = 0; i < s.length() && ok; i++) {
        char c = s.charAt(i);
        ok = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
      }
      float v = Float.NaN;
      if (ok) {
        try {
          v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok || !Float.isFinite(v)) {
        throw error("bad " + what + " '" + abbreviate(s) + "'");
      }
      return v;
    }

    /** Splits on spaces and tabs into {@code out}; returns the field count (may exceed out's size). */
    private static int split(String line, String[] out) {
      int f = 0;
      int i = 0;
      int n = line.length();
      while (i < n) {
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
          i++;
        }
        if (i == n) {
          break;
        }
        int s = i;
        while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
          i++;
        }
        if (f < out.length) {
          out[f] = line.substring(s, i);
        }
        f++;
      }
      return f;
    }

    private static String abbreviate(String s) {
      return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
  }
}
