package org.unspin.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer and reader, enough for JSONL records, so that the core needs no JSON
 * library.
 *
 * <p>Reading: {@link #parse} maps objects to {@code LinkedHashMap<String, Object>} (key order
 * kept), arrays to {@code List<Object>}, strings to {@code String}, numbers to {@code Long} when
 * they are integers that fit, else {@code Double}, and {@code true}/{@code false}/{@code null}
 * to {@code Boolean}/null. It is strict (RFC 8259): a malformed document throws
 * {@link IllegalArgumentException} with the char position. Writing: {@link #quote} and
 * {@link #write} emit compact JSON; doubles are written with {@link Double#toString} (locale-free).
 * Thread-safe (stateless).
 */
public final class Json {
  private Json() {}

  /** Appends {@code s} as a JSON string literal. */
  public static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** {@code s} as a JSON string literal. */
  public static String quote(String s) {
    return quote(new StringBuilder(s.length() + 2), s).toString();
  }

  /**
   * Appends a value: null, Boolean, Number (non-finite doubles are an error), CharSequence, Map
   * with String keys, or Iterable.
   */
  public static StringBuilder write(StringBuilder sb, Object v) {
    if (v == null) {
      return sb.append("null");
    }
    if (v instanceof Boolean b) {
      return sb.append(b.booleanValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON cannot hold " + d);
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return sb.append((long) d);
      }
      return sb.append(d);
    }
    if (v instanceof Number n) {
      return sb.append(n.longValue());
    }
    if (v instanceof CharSequence s) {
      return quote(sb, s.toString());
    }
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException("JSON object keys must be strings (got " + e.getKey() + ")");
        }
        quote(sb, k).append(':');
        write(sb, e.getValue());
      }
      return sb.append('}');
    }
    if (v instanceof Iterable<?> it) {
      sb.append('[');
      boolean first = true;
      for (Object o : it) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(sb, o);
      }
      return sb.append(']');
    }
    throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
  }

  /** {@code v} as compact JSON. */
  public static String write(Object v) {
    return write(new StringBuilder(), v).toString();
  }

  /** Parses one JSON value; the whole input must be that value (surrounding whitespace allowed). */
  public static Object parse(CharSequence text) {
    Reader r = new Reader(text);
    r.ws();
    Object v = r.value(0);
    r.ws();
    if (r.pos < text.length()) {
      throw r.error("unexpected '" + text.charAt(r.pos) + "' after the value");
    }
    return v;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(CharSequence text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object, got " + (v == null ? "null"
          : v instanceof List ? "an array" : "a " + v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
    }
    return (Map<String, Object>) v;
  }

  private static final int MAX_DEPTH = 256;

  private static final class Reader {
    final CharSequence s;
    int pos;

    Reader(CharSequence s) {
      this.s = s;
    }

    IllegalArgumentException error(String msg) {
      return new IllegalArgumentException("JSON at char " + pos + ": " + msg);
    }

    void ws() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH);
      }
      if (pos >= s.length()) {
        throw error("unexpected end of input");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{' -> {
          pos++;
          Map<String, Object> m = new LinkedHashMap<>();
          ws();
          if (peek() == '}') {
            pos++;
            return m;
          }
          while (true) {
            ws();
            if (peek() != '"') {
              throw error("expected a string key");
            }
            String k = string();
            ws();
            expect(':');
            ws();
            Object v = value(depth + 1);
            if (m.containsKey(k)) {
              throw error("duplicate key " + quote(k));
            }
            m.put(k, v);
            ws();
            char d = peek();
            pos++;
            if (d == '}') {
              return m;
            }
            if (d != ',') {
              pos--;
              throw error("expected ',' or '}'");
            }
          }
        }
        case '[' -> {
          pos++;
          List<Object> l = new ArrayList<>();
          ws();
          if (peek() == ']') {
            pos++;
            return l;
          }
          while (true) {
            ws();
            l.add(value(depth + 1));
            ws();
            char d = peek();
            pos++;
            if (d == ']') {
              return l;
            }
            if (d != ',') {
              pos--;
              throw error("expected ',' or ']'");
            }
          }
        }
        case '"' -> {
          return string();
        }
        case 't' -> {
          literal("true");
          return Boolean.TRUE;
        }
        case 'f' -> {
          literal("false");
          return Boolean.FALSE;
        }
        case 'n' -> {
          literal("null");
          return null;
        }
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected '" + c + "'");
        }
      }
    }

    char peek() {
      if (pos >= s.length()) {
        throw error("unexpected end of input");
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    void literal(String w) {
      for (int i = 0; i < w.length(); i++) {
        if (pos + i >= s.length() || s.charAt(pos + i) != w.charAt(i)) {
          throw error("expected " + w);
        }
      }
      pos += w.length();
    }

    String string() {
      pos++; // opening quote
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          if (pos >= s.length()) {
            throw error("unterminated escape");
          }
          char e = s.charAt(pos++);
          switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
              if (pos + 4 > s.length()) {
                throw error("short \\u escape");
              }
              int v = 0;
              for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos + i), 16);
                if (d < 0) {
                  throw error("bad \\u escape");
                }
                v = v * 16 + d;
              }
              pos += 4;
              sb.append((char) v);
            }
            default -> {
              pos--;
              throw error("bad escape \\" + e);
            }
          }
        } else if (c < 0x20) {
          pos--;
          throw error("control character in string");
        } else {
          sb.append(c);
        }
      }
    }

    Object number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
        throw error("bad number");
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else {
        digits();
      }
      boolean integer = true;
      if (pos < s.length() && s.charAt(pos) == '.') {
        integer = false;
        pos++;
        if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
          throw error("bad number");
        }
        digits();
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        integer = false;
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= s.length() || !Character.isDigit(s.charAt(pos))) {
          throw error("bad number");
        }
        digits();
      }
      String t = s.subSequence(start, pos).toString();
      if (integer && t.length() < 19) {
        return Long.parseLong(t);
      }
      return Double.parseDouble(t);
    }

    void digits() {
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
    }
  }
}
