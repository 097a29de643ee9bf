package org.unspin.lm;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata section: UTF-8 lines {@code key=value}. In keys and values a backslash, a newline
 * and a carriage return are written {@code \\}, {@code \n}, {@code \r}; in keys {@code =} is
 * written {@code \=}.
 *
 * @lucene.internal
 */
final class Metadata {
  private Metadata() {}

  static byte[] encode(Map<String, String> map) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : map.entrySet()) {
      escape(sb, e.getKey(), true);
      sb.append('=');
      escape(sb, e.getValue(), false);
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void escape(StringBuilder sb, String s, boolean key) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '=' -> sb.append(key ? "\\=" : "=");
        default -> sb.append(c);
      }
    }
  }

  /** Parses the section; returns {@code null} if it is malformed. */
  static Map<String, String> decode(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      StringBuilder key = new StringBuilder();
      StringBuilder value = new StringBuilder();
      StringBuilder cur = key;
      boolean sawEquals = false;
      while (i < n && text.charAt(i) != '\n') {
        char c = text.charAt(i++);
        if (c == '\\') {
          if (i == n) {
            return null;
          }
          char d = text.charAt(i++);
          switch (d) {
            case '\\' -> cur.append('\\');
            case 'n' -> cur.append('\n');
            case 'r' -> cur.append('\r');
            case '=' -> cur.append('=');
            default -> {
              return null;
            }
          }
        } else if (c == '=' && !sawEquals) {
          sawEquals = true;
          cur = value;
        } else {
          cur.append(c);
        }
      }
      if (!sawEquals || i == n) {
        return null;
      }
      i++;
      map.put(key.toString(), value.toString());
    }
    return map;
  }
}
