package org.unspin.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normal form and LM form of a token (see {@link Token}). Pure functions, thread-safe.
 *
 * <p>Normal form: NFKC (full-width letters, ligatures, superscripts), then curly single quotes and
 * primes to {@code '}, curly double quotes to {@code "}, hyphens, en/em dashes and the minus sign
 * to {@code -}, the ellipsis to {@code ...}; zero-width characters and soft hyphens inside words are
 * dropped. If the result would be empty or contain a space (some NFKC expansions do), the token's
 * own text is kept. Symbols (emoji) keep their text.
 *
 * <p>LM form: the normal form lower-cased with Locale.ROOT, every ASCII digit replaced by {@code 0}.
 */
final class TextForms {
  private TextForms() {}

  /** Normal form of {@code text[start, end)}. */
  static String norm(CharSequence text, int start, int end, TokenType type) {
    boolean ascii = true;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    String raw = text.subSequence(start, end).toString();
    if (ascii || type == TokenType.SYMBOL || type == TokenType.URL || type == TokenType.EMAIL) {
      return raw;
    }
    String s = raw;
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = replacement(c);
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 2).append(s, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    if (sb != null) {
      s = sb.toString();
    }
    if (s.isEmpty()) {
      return raw;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return raw;
      }
    }
    return s;
  }

  /** The replacement of one char in the normal form, or null to keep it. */
  private static String replacement(char c) {
    if (c < 0x80) {
      return null;
    }
    switch (c) {
      case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u2032': case '\u02BC': case '\u2035':
        return "'";
      case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033': case '\u2036':
        return "\"";
      case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
      case '\uFE58': case '\uFE63':
        return "-";
      case '\u2026':
        return "...";
      case '\u00AD': case '\u200B': case '\u200C': case '\u200D': case '\u2060': case '\uFEFF':
        return "";
      default:
        return null;
    }
  }

  /** LM form of a normal form. */
  static String lmForm(String norm) {
    int n = norm.length();
    boolean change = false;
    for (int i = 0; i < n; i++) {
      char c = norm.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9')) {
        change = true;
        break;
      }
    }
    if (!change) {
      return norm;
    }
    String lower = norm.toLowerCase(Locale.ROOT);
    char[] chars = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= '1' && c <= '9') {
        if (chars == null) {
          chars = lower.toCharArray();
        }
        chars[i] = '0';
      }
    }
    return chars == null ? lower : new String(chars);
  }

  /**
   * LM form straight from the text, for the LM hot path: one allocation for ASCII tokens, the
   * general path otherwise. {@code buf} is scratch space of at least 64 chars.
   */
  static String lmForm(CharSequence text, int start, int end, TokenType type, char[] buf) {
    int len = end - start;
    if (len <= buf.length) {
      for (int i = 0; i < len; i++) {
        char c = text.charAt(start + i);
        if (c >= 0x80) {
          return lmForm(norm(text, start, end, type));
        }
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        } else if (c >= '1' && c <= '9') {
          c = '0';
        }
        buf[i] = c;
      }
      return new String(buf, 0, len);
    }
    return lmForm(norm(text, start, end, type));
  }
}
