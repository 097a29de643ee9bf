package org.unspin.channel.fingerprint;

/**
 * The character normal form shared by fingerprint phrases and the texts they are matched in: each
 * char lower-cased on its own ({@link Character#toLowerCase(char)}, locale-free), typographic
 * apostrophes folded to {@code '}, dashes and hyphens (U+2010..U+2015, U+2212) folded to {@code -},
 * typographic double quotes to {@code "}, and every run of whitespace (including no-break spaces)
 * collapsed to one space. Apart from collapsed whitespace the mapping is one char to one char, so
 * offsets map back exactly.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** The normal form of one char, or {@code ' '} for any whitespace char. */
  public static char fold(char c) {
    if (c < 128) {
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + 32);
      }
      return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0x1C || c == 0x1D || c == 0x1E
          || c == 0x1F ? ' ' : c;
    }
    switch (c) {
      case '\u2018', '\u2019', '\u201B', '\u02BC', '\u2032', '\u00B4' -> {
        return '\'';
      }
      case '\u201C', '\u201D', '\u201E', '\u2033' -> {
        return '"';
      }
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> {
        return '-';
      }
      case '\u00A0', '\u2007', '\u202F', '\u0085' -> {
        return ' ';
      }
      default -> {
        return Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c);
      }
    }
  }

  /** True for the chars that make up words: letters and digits. */
  public static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    return Character.isLetterOrDigit(c);
  }

  /** The normal form of a phrase, trimmed. */
  public static String normalize(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = fold(s.charAt(i));
      if (c == ' ') {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A text in normal form with the map back to the input.
   *
   * @param chars the normalized chars, {@code length} of them used
   * @param offsets for each normalized char, the index of the input char it came from (the first
   *     char of a collapsed whitespace run)
   * @param length how many entries of {@code chars} and {@code offsets} are used
   */
  record Normalized(char[] chars, int[] offsets, int length) {}

  /** Normalizes a whole text, keeping offsets. Leading whitespace is kept as one space. */
  static Normalized normalizeWithOffsets(CharSequence text) {
    int n = text.length();
    char[] out = new char[n];
    int[] off = new int[n];
    int len = 0;
    boolean prevSpace = false;
    for (int i = 0; i < n; i++) {
      char c = fold(text.charAt(i));
      if (c == ' ') {
        if (prevSpace) {
          continue;
        }
        prevSpace = true;
      } else {
        prevSpace = false;
      }
      out[len] = c;
      off[len] = i;
      len++;
    }
    return new Normalized(out, off, len);
  }
}
