package org.unspin.channel;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unspin.api.InputException;
import org.unspin.util.Json;
import org.unspin.util.NumberedLines;

/**
 * Aligned pairs as JSON Lines, one object per document, UTF-8:
 *
 * <pre>
 * {"id": "doc1", "spun": "...", "original": "...", "weight": 0.5,
 *  "eligible": 12, "substitutions": [{"original_start": 4, "original_end": 9, "spun_start": 4,
 *  "spun_end": 11, "original": "stock", "spun": "inventory", "kind": "word"}]}
 * </pre>
 *
 * {@code spun} and {@code original} are required; {@code id} defaults to {@code line<N>};
 * {@code weight} (default 1) is used by the learner; {@code eligible} and {@code substitutions}
 * are written by the simulator (offsets are UTF-16 indexes) and ignored when reading plain pairs.
 * Unknown keys are ignored so that records can carry more. Thread-safe (stateless).
 */
public final class PairJsonl {
  private PairJsonl() {}

  /** One line (without the line break) for a simulated text. */
  public static String toJson(SpunText t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("spun", t.spun());
    m.put("original", t.original());
    m.put("eligible", t.eligible());
    List<Object> subs = new ArrayList<>();
    for (Substitution s : t.substitutions()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("original_start", s.originalStart());
      o.put("original_end", s.originalEnd());
      o.put("spun_start", s.spunStart());
      o.put("spun_end", s.spunEnd());
      o.put("original", s.original());
      o.put("spun", s.spun());
      o.put("kind", s.kind());
      subs.add(o);
    }
    m.put("substitutions", subs);
    return Json.write(m);
  }

  /** One line for a plain pair. */
  public static String toJson(TextPair p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("spun", p.spun());
    m.put("original", p.original());
    if (p.weight() != 1.0) {
      m.put("weight", p.weight());
    }
    return Json.write(m);
  }

  /** Parses one line into a pair; {@code where} ("file:line") names it in messages. */
  public static TextPair parsePair(String line, String where, String defaultId) {
    Map<String, Object> m = object(line, where);
    double weight = 1.0;
    Object w = m.get("weight");
    if (w != null) {
      if (!(w instanceof Number num)) {
        throw new InputException(where + ": \"weight\" must be a number");
      }
      weight = num.doubleValue();
      if (!(weight > 0 && weight <= 1)) {
        throw new InputException(where + ": \"weight\" must be in (0, 1] (got " + weight + ")");
      }
    }
    Object id = m.get("id");
    return new TextPair(id == null ? defaultId : String.valueOf(id), string(m, "spun", where),
        string(m, "original", where), weight);
  }

  /** Parses one line written by {@link #toJson(SpunText)}, checking that its offsets agree with its texts. */
  @SuppressWarnings("unchecked")
  public static SpunText parseSpunText(String line, String where) {
    Map<String, Object> m = object(line, where);
    String spun = string(m, "spun", where);
    String original = string(m, "original", where);
    Object subsObj = m.get("substitutions");
    if (!(subsObj instanceof List<?> list)) {
      throw new InputException(where + ": missing array \"substitutions\"");
    }
    List<Substitution> subs = new ArrayList<>();
    try {
      for (Object o : list) {
        if (!(o instanceof Map)) {
          throw new InputException(where + ": a substitution must be an object");
        }
        Map<String, Object> s = (Map<String, Object>) o;
        subs.add(new Substitution(integer(s, "original_start", where), integer(s, "original_end", where),
            integer(s, "spun_start", where), integer(s, "spun_end", where), string(s, "original", where),
            string(s, "spun", where), string(s, "kind", where)));
      }
      Object el = m.get("eligible");
      SpunText t = new SpunText(m.get("id") == null ? where : String.valueOf(m.get("id")), original, spun, subs,
          el instanceof Number n ? n.intValue() : subs.size());
      if (!t.applySubstitutions().equals(spun)) {
        throw new InputException(where + ": substitutions applied to \"original\" do not give \"spun\"");
      }
      return t;
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new InputException(where + ": bad substitution: " + e.getMessage(), e);
    }
  }

  /** Reads every pair of a JSONL file. */
  public static List<TextPair> readPairs(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readPairs(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InputException("no such file: " + file, e);
    }
  }

  /** Reads every pair of a JSONL stream; blank lines are skipped. */
  public static List<TextPair> readPairs(InputStream in, String source) throws IOException {
    NumberedLines lines = new NumberedLines(in, source, InputException::new);
    List<TextPair> out = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (!line.isBlank()) {
        out.add(parsePair(line, source + ":" + lines.number(), "line" + lines.number()));
      }
    }
    return out;
  }

  private static Map<String, Object> object(String line, String where) {
    try {
      return Json.parseObject(line);
    } catch (IllegalArgumentException e) {
      throw new InputException(where + ": " + e.getMessage(), e);
    }
  }

  private static String string(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (!(v instanceof String s)) {
      throw new InputException(where + ": missing string \"" + key + "\"");
    }
    return s;
  }

  private static int integer(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (!(v instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
      throw new InputException(where + ": \"" + key + "\" must be a whole number >= 0");
    }
    return l.intValue();
  }
}
