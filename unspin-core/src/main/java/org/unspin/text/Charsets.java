package org.unspin.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charset labels as the web writes them (HTTP headers, HTML {@code meta} tags). Stateless. */
public final class Charsets {
  /** How far into a page a {@code meta} charset is looked for (as browsers' prescan: 1024 bytes). */
  static final int PRESCAN_BYTES = 1024;

  // <meta charset="x">, and the charset parameter of <meta http-equiv="content-type" content="text/html; charset=x">
  private static final Pattern META = Pattern.compile(
      "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);

  private Charsets() {}

  /**
   * The charset a label names. As browsers do (WHATWG Encoding), the labels ISO-8859-1 and
   * US-ASCII mean windows-1252. Null for UTF-8 or no label.
   *
   * @throws IllegalArgumentException for a label Java does not know, with a one-line reason
   */
  public static Charset forLabel(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (l.length() > 1 && (l.startsWith("\"") || l.startsWith("'"))) {
      l = l.substring(1, l.length() - (l.endsWith(l.substring(0, 1)) ? 1 : 0));
    }
    switch (l) {
      case "utf-8", "utf8", "unicode-1-1-utf-8" -> {
        return null;
      }
      case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp1252" -> {
        return Charset.forName("windows-1252");
      }
      default -> {
        try {
          Charset cs = Charset.forName(l);
          return cs.equals(StandardCharsets.UTF_8) ? null : cs;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new IllegalArgumentException("unsupported charset \"" + label.strip() + "\"");
        }
      }
    }
  }

  /**
   * The charset label an HTML page declares in a {@code meta} tag within its first {@value
   * #PRESCAN_BYTES} bytes ({@code bytes[from, to)}), or null.
   */
  public static String declaredInHtml(byte[] bytes, int from, int to) {
    int end = Math.min(to, from + PRESCAN_BYTES);
    String head = new String(bytes, from, Math.max(0, end - from), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    return m.find() ? m.group(1) : null;
  }
}
