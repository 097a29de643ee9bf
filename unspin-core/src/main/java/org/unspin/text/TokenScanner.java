package org.unspin.text;

import java.util.Set;

/**
 * The tokenizer engine: a pull scanner over a CharSequence that reports one token at a time as
 * offsets and a type, without allocating per token (only the rare abbreviation lookup allocates).
 * Reusable through {@link #reset}; not thread-safe.
 *
 * <p>Rules (see {@link TokenType} for the outcome): whitespace, control characters, lone
 * surrogates and format characters between tokens are skipped; surrogate pairs are never split.
 * Line breaks (LF, CR, CRLF, VT, FF, NEL, LS, PS) are remembered in {@link #lineBreakBefore}.
 */
final class TokenScanner {
  private static final Set<String> TLDS = Set.of(
      "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "uk", "us", "ca", "au",
      "de", "fr", "es", "it", "nl", "eu", "ru", "cn", "jp", "in", "br", "ch", "se", "no", "ie", "nz",
      "be", "at", "pl", "ly", "me", "tv", "ai", "app", "dev", "news");

  private final Abbreviations abbreviations;
  private CharSequence text;
  private int n;
  private int pos;
  private int pendingStart = -1;
  private int pendingEnd;

  /** Start of the current token (inclusive). */
  int start;
  /** End of the current token (exclusive). */
  int end;
  /** Type of the current token. */
  TokenType type;
  /** For ABBREVIATION tokens: how it behaves at a sentence end; else null. */
  Abbreviations.Kind abbreviationKind;
  /** True when a line break separates the current token from the previous one (or text start). */
  boolean lineBreakBefore;

  TokenScanner(Abbreviations abbreviations) {
    this.abbreviations = abbreviations;
  }

  void reset(CharSequence text) {
    this.text = text;
    this.n = text.length();
    this.pos = 0;
    this.pendingStart = -1;
  }

  /** Advances to the next token; false at the end of the text. */
  boolean next() {
    abbreviationKind = null;
    if (pendingStart >= 0) {
      start = pendingStart;
      end = pendingEnd;
      type = TokenType.WORD;
      lineBreakBefore = false;
      pendingStart = -1;
      pos = end;
      return true;
    }
    boolean lineBreak = false;
    final CharSequence t = text;
    while (pos < n) {
      char c = t.charAt(pos);
      if (c < 0x80) {
        if (c > ' ' && c != 0x7F) {
          break;
        }
        if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) {
          lineBreak = true;
        }
        pos++;
        continue;
      }
      int cp = Character.codePointAt(t, pos);
      if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        lineBreak = true;
        pos++;
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pos += Character.charCount(cp);
        continue;
      }
      int gc = Character.getType(cp);
      if (gc == Character.CONTROL || gc == Character.SURROGATE || gc == Character.FORMAT) {
        pos += Character.charCount(cp);
        continue;
      }
      break;
    }
    if (pos >= n) {
      return false;
    }
    lineBreakBefore = lineBreak;
    start = pos;
    scan();
    pos = end;
    return true;
  }

  private void scan() {
    final CharSequence t = text;
    char c = t.charAt(start);
    if (c < 0x80) {
      if (isAsciiLetter(c)) {
        if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F') && tryUrl()) {
          return;
        }
        scanWord(start, false);
        return;
      }
      if (c >= '0' && c <= '9') {
        scanNumber(start);
        return;
      }
      if (c == '.' && start + 1 < n && isDigit(t.charAt(start + 1))
          && (start == 0 || !isWordCharBefore(start))) {
        scanNumber(start + 1);
        return;
      }
      scanPunctOrSymbol(c, c);
      return;
    }
    int cp = Character.codePointAt(t, start);
    if (Character.isIdeographic(cp)) {
      end = start + Character.charCount(cp);
      type = TokenType.WORD;
      return;
    }
    if (Character.isLetter(cp)) {
      scanWord(start, false);
      return;
    }
    if (Character.isDigit(cp)) {
      scanNumber(start);
      return;
    }
    int gc = Character.getType(cp);
    if (gc == Character.LETTER_NUMBER || gc == Character.OTHER_NUMBER) {
      scanWord(start, true);
      return;
    }
    scanPunctOrSymbol(c, cp);
  }

  // ---------------------------------------------------------------- words

  private void scanWord(int from, boolean digitSeen) {
    final CharSequence t = text;
    int i = from;
    boolean hyphen = false;
    boolean dotted = false;
    boolean digits = digitSeen;
    boolean onlyLetters = !digitSeen;
    int segStart = start;
    while (true) {
      // consume word characters
      while (i < n) {
        char c = t.charAt(i);
        if (c < 0x80) {
          if (isAsciiLetter(c)) {
            i++;
          } else if (c >= '0' && c <= '9') {
            digits = true;
            onlyLetters = false;
            i++;
          } else {
            break;
          }
        } else {
          int cp = Character.codePointAt(t, i);
          if (Character.isIdeographic(cp) || !isWordCodePoint(cp)) {
            break;
          }
          if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK
              && Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
            onlyLetters = false;
          }
          i += Character.charCount(cp);
        }
      }
      if (i >= n) {
        break;
      }
      char d = t.charAt(i);
      if (isInWordFormat(d)) {
        int j = i + 1;
        while (j < n && isInWordFormat(t.charAt(j))) {
          j++;
        }
        if (j < n && isWordCharAt(j)) {
          i = j;
          continue;
        }
        break;
      }
      if (isApostrophe(d) && i + 1 < n && isLetterAt(i + 1)) {
        int cl = cliticEnd(i + 1);
        if (cl > 0 && i > start) {
          end = i;
          type = hyphen ? TokenType.HYPHENATED : TokenType.WORD;
          pendingStart = i;
          pendingEnd = cl;
          return;
        }
        char t1 = t.charAt(i + 1);
        if ((t1 == 't' || t1 == 'T') && i - 1 > start && (t.charAt(i - 1) == 'n' || t.charAt(i - 1) == 'N')
            && (i + 2 >= n || !isWordCharAt(i + 2))) {
          end = i - 1;
          type = hyphen ? TokenType.HYPHENATED : TokenType.WORD;
          pendingStart = i - 1;
          pendingEnd = i + 2;
          return;
        }
        i++;
        onlyLetters = false;
        continue;
      }
      if (isHyphen(d) && i + 1 < n && isWordCharAt(i + 1) && !isIdeographicAt(i + 1)) {
        hyphen = true;
        onlyLetters = false;
        i++;
        continue;
      }
      if (d == '.' && i + 1 < n && isAsciiLetter(t.charAt(i + 1)) && !digits && !hyphen) {
        int segLen = i - segStart;
        int j = i + 1;
        while (j < n && isAsciiLetter(t.charAt(j))) {
          j++;
        }
        if (segLen >= 1 && segLen <= 2 && j - (i + 1) <= 2 && j < n && t.charAt(j) == '.') {
          dotted = true;
          segStart = i + 1;
          i = j;
          continue;
        }
        if (!dotted) {
          int h = tryHost(start);
          if (h > 0) {
            end = h;
            type = TokenType.URL;
            return;
          }
        }
      }
      if (d == '@' || d == '.' || d == '_' || d == '+' || d == '%' || d == '-') {
        int e = tryEmail(start);
        if (e > 0) {
          end = e;
          type = TokenType.EMAIL;
          return;
        }
      }
      break;
    }
    end = i;
    type = hyphen ? TokenType.HYPHENATED : TokenType.WORD;
    if (i < n && t.charAt(i) == '.') {
      if (dotted) {
        abbreviationKind = abbreviations.lookup(t, start, i);
        if (abbreviationKind == null) {
          abbreviationKind = Abbreviations.Kind.ANY;
        }
        end = i + 1;
        type = TokenType.ABBREVIATION;
      } else if (onlyLetters) {
        if (i - start == 1 && isAsciiUpper(t.charAt(start))) {
          abbreviationKind = Abbreviations.Kind.ANY;
          end = i + 1;
          type = TokenType.ABBREVIATION;
          return;
        }
        Abbreviations.Kind kind = abbreviations.lookup(t, start, i);
        if (kind == Abbreviations.Kind.NUMERIC && !digitFollows(i + 1)) {
          kind = null;
        }
        if (kind != null) {
          abbreviationKind = kind;
          end = i + 1;
          type = TokenType.ABBREVIATION;
        }
      }
    }
  }

  /** If text[from..] is a clitic (s, re, ve, ll, d, m) ending the word, its end index; else -1. */
  private int cliticEnd(int from) {
    final CharSequence t = text;
    char a = lower(t.charAt(from));
    int len;
    if (a == 's' || a == 'd' || a == 'm') {
      len = 1;
    } else if (from + 1 < n) {
      char b = lower(t.charAt(from + 1));
      if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) {
        len = 2;
      } else {
        return -1;
      }
    } else {
      return -1;
    }
    int e = from + len;
    if (e < n && (isWordCharAt(e) || isApostrophe(t.charAt(e)) && e + 1 < n && isLetterAt(e + 1))) {
      return -1;
    }
    return e;
  }

  private boolean digitFollows(int from) {
    int i = from;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
      i++;
    }
    return i < n && isDigit(text.charAt(i));
  }

  // ---------------------------------------------------------------- numbers

  private void scanNumber(int from) {
    final CharSequence t = text;
    int i = from;
    while (true) {
      while (i < n) {
        char c = t.charAt(i);
        if (c >= '0' && c <= '9') {
          i++;
        } else if (c >= 0x80 && Character.isDigit(Character.codePointAt(t, i))) {
          i += Character.charCount(Character.codePointAt(t, i));
        } else {
          break;
        }
      }
      if (i + 1 < n) {
        char c = t.charAt(i);
        if ((c == '.' || c == ',' || c == ':' || c == '/') && isDigitAt(i + 1)) {
          i++;
          continue;
        }
      }
      break;
    }
    if (i < n && (isWordCharAt(i) && !isIdeographicAt(i)
        || isHyphen(t.charAt(i)) && i + 1 < n && isWordCharAt(i + 1) && !isIdeographicAt(i + 1))) {
      scanWord(i, true);
      return;
    }
    end = i;
    type = TokenType.NUMBER;
    if (i + 1 < n && isApostrophe(t.charAt(i)) && isLetterAt(i + 1)) {
      int cl = cliticEnd(i + 1); // "1990's" -> 1990 + 's
      if (cl > 0) {
        pendingStart = i;
        pendingEnd = cl;
      }
    }
  }

  // ---------------------------------------------------------------- URLs, hosts, e-mail

  private boolean tryUrl() {
    final CharSequence t = text;
    int p;
    if (regionMatchesIgnoreCase(start, "http://")) {
      p = start + 7;
    } else if (regionMatchesIgnoreCase(start, "https://")) {
      p = start + 8;
    } else if (regionMatchesIgnoreCase(start, "ftp://")) {
      p = start + 6;
    } else if (regionMatchesIgnoreCase(start, "www.") && start + 4 < n && isAsciiAlnum(t.charAt(start + 4))) {
      p = start + 4;
    } else {
      return false;
    }
    if (p >= n || !isUrlChar(t.charAt(p)) || isUrlTrailer(t.charAt(p))) {
      return false;
    }
    int i = p;
    int parens = 0;
    int brackets = 0;
    while (i < n && isUrlChar(t.charAt(i))) {
      char c = t.charAt(i);
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']') {
        brackets--;
      }
      i++;
    }
    // trailing punctuation belongs to the sentence, and a ')' only if it is unbalanced
    while (i > p) {
      char c = t.charAt(i - 1);
      if (isUrlTrailer(c)) {
        i--;
      } else if (c == ')' && parens < 0) {
        parens++;
        i--;
      } else if (c == ']' && brackets < 0) {
        brackets++;
        i--;
      } else {
        break;
      }
    }
    if (i > 0 && Character.isHighSurrogate(t.charAt(i - 1))) {
      i--;
    }
    end = i;
    type = TokenType.URL;
    return true;
  }

  private static boolean isUrlChar(char c) {
    if (c <= ' ' || c == 0x7F) {
      return false;
    }
    switch (c) {
      case '<': case '>': case '"': case '`': case '{': case '}': case '|': case '\\': case '^':
      case '\u00A0': case '\u201C': case '\u201D': case '\u2018': case '\u2019': case '\u00AB': case '\u00BB':
      case '\u2028': case '\u2029': case '\u0085': case '\u3000':
        return false;
      default:
        return c < 0x80 || !Character.isWhitespace(c) && !Character.isSpaceChar(c)
            && Character.getType(c) != Character.CONTROL && !Character.isSurrogate(c);
    }
  }

  private static boolean isUrlTrailer(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '*';
  }

  /** A bare host name such as {@code example.com} or {@code news.bbc.co.uk/path}; its end or -1. */
  private int tryHost(int from) {
    final CharSequence t = text;
    int i = from;
    int lastLabelStart = from;
    int labels = 0;
    while (true) {
      int ls = i;
      while (i < n && (isAsciiAlnum(t.charAt(i)) || t.charAt(i) == '-')) {
        i++;
      }
      if (i == ls) {
        return -1;
      }
      labels++;
      lastLabelStart = ls;
      if (i + 1 < n && t.charAt(i) == '.' && isAsciiAlnum(t.charAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (labels < 2 || i - lastLabelStart > 4) {
      return -1;
    }
    String tld = t.subSequence(lastLabelStart, i).toString().toLowerCase(java.util.Locale.ROOT);
    if (!TLDS.contains(tld)) {
      return -1;
    }
    if (i < n && (isWordCharAt(i) || t.charAt(i) == '@')) {
      return -1;
    }
    if (i + 1 < n && t.charAt(i) == '/' && isUrlChar(t.charAt(i + 1))) {
      int j = i;
      while (j < n && isUrlChar(t.charAt(j))) {
        j++;
      }
      while (j > i + 1 && (isUrlTrailer(t.charAt(j - 1)) || t.charAt(j - 1) == ')')) {
        j--;
      }
      if (Character.isHighSurrogate(t.charAt(j - 1))) {
        j--;
      }
      i = j;
    }
    return i;
  }

  /** {@code local@host.tld} starting at {@code from}; its end, or -1. */
  private int tryEmail(int from) {
    final CharSequence t = text;
    int i = from;
    while (i < n && isEmailLocal(t.charAt(i))) {
      i++;
    }
    if (i == from || i >= n || t.charAt(i) != '@' || t.charAt(i - 1) == '.') {
      return -1;
    }
    i++;
    int dots = 0;
    int lastLabelLen = 0;
    while (i < n) {
      int ls = i;
      while (i < n && (isAsciiAlnum(t.charAt(i)) || t.charAt(i) == '-')) {
        i++;
      }
      lastLabelLen = i - ls;
      if (lastLabelLen == 0) {
        return -1;
      }
      if (i + 1 < n && t.charAt(i) == '.' && isAsciiAlnum(t.charAt(i + 1))) {
        dots++;
        i++;
        continue;
      }
      break;
    }
    if (dots == 0 || lastLabelLen < 2) {
      return -1;
    }
    return i;
  }

  private static boolean isEmailLocal(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '_' || c == '+' || c == '%' || c == '-';
  }

  // ---------------------------------------------------------------- punctuation and symbols

  private void scanPunctOrSymbol(char c, int cp) {
    final CharSequence t = text;
    int i = start + Character.charCount(cp);
    if (isTerminator(c)) {
      while (i < n && isTerminator(t.charAt(i))) {
        i++;
      }
      end = i;
      type = TokenType.PUNCT;
      return;
    }
    if (isDash(c)) {
      while (i < n && isDash(t.charAt(i))) {
        i++;
      }
      end = i;
      type = TokenType.PUNCT;
      return;
    }
    int gc = Character.getType(cp);
    boolean punct = gc == Character.CONNECTOR_PUNCTUATION || gc == Character.DASH_PUNCTUATION
        || gc == Character.START_PUNCTUATION || gc == Character.END_PUNCTUATION
        || gc == Character.INITIAL_QUOTE_PUNCTUATION || gc == Character.FINAL_QUOTE_PUNCTUATION
        || gc == Character.OTHER_PUNCTUATION;
    if (c == '*' || c == '=' || c == '#' || c == '_' || c == '~' || c == '+') {
      while (i < n && t.charAt(i) == c) {
        i++;
      }
    } else if (!punct) {
      i = extendSymbol(cp, i);
    }
    end = i;
    type = punct ? TokenType.PUNCT : TokenType.SYMBOL;
  }

  /** Emoji modifiers, variation selectors, ZWJ sequences, keycaps and flag pairs stay with their base. */
  private int extendSymbol(int first, int from) {
    final CharSequence t = text;
    int i = from;
    int prev = first;
    if (first >= 0x1F1E6 && first <= 0x1F1FF && i < n) {
      int next = Character.codePointAt(t, i);
      if (next >= 0x1F1E6 && next <= 0x1F1FF) {
        return i + Character.charCount(next);
      }
    }
    while (i < n) {
      int cp = Character.codePointAt(t, i);
      int gc = Character.getType(cp);
      boolean attach = gc == Character.NON_SPACING_MARK || gc == Character.ENCLOSING_MARK
          || gc == Character.COMBINING_SPACING_MARK || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF)
          || (cp >= 0xE0020 && cp <= 0xE007F)
          || prev == 0x200D && (gc == Character.OTHER_SYMBOL || gc == Character.MODIFIER_SYMBOL);
      if (!attach) {
        break;
      }
      prev = cp;
      i += Character.charCount(cp);
    }
    return i;
  }

  static boolean isTerminator(char c) {
    switch (c) {
      case '.': case '!': case '?': case '\u2026': case '\u203C': case '\u203D': case '\u2047': case '\u2048':
      case '\u2049': case '\u3002': case '\uFF01': case '\uFF1F': case '\uFF61': case '\uFF0E':
        return true;
      default:
        return false;
    }
  }

  static boolean isDash(char c) {
    return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE58' || c == '\uFE63'
        || c == '\uFF0D';
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC';
  }

  /** Zero-width and soft-hyphen characters that may sit inside a word (removed from the normal form). */
  static boolean isInWordFormat(char c) {
    return c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
  }

  // ---------------------------------------------------------------- character classes

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 0x80 && Character.isDigit(c));
  }

  private boolean isDigitAt(int i) {
    char c = text.charAt(i);
    return (c >= '0' && c <= '9') || (c >= 0x80 && Character.isDigit(Character.codePointAt(text, i)));
  }

  private static boolean isWordCodePoint(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int gc = Character.getType(cp);
    return gc == Character.NON_SPACING_MARK || gc == Character.COMBINING_SPACING_MARK
        || gc == Character.ENCLOSING_MARK || gc == Character.LETTER_NUMBER || gc == Character.OTHER_NUMBER;
  }

  private boolean isWordCharAt(int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return isAsciiAlnum(c);
    }
    return isWordCodePoint(Character.codePointAt(text, i));
  }

  private boolean isIdeographicAt(int i) {
    char c = text.charAt(i);
    return c >= 0x80 && Character.isIdeographic(Character.codePointAt(text, i));
  }

  private boolean isLetterAt(int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return isAsciiLetter(c);
    }
    int cp = Character.codePointAt(text, i);
    return Character.isLetter(cp) && !Character.isIdeographic(cp);
  }

  private boolean isWordCharBefore(int i) {
    int cp = Character.codePointBefore(text, i);
    return isWordCodePoint(cp);
  }

  private boolean regionMatchesIgnoreCase(int from, String lowerAscii) {
    int len = lowerAscii.length();
    if (from + len > n) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (lower(text.charAt(from + k)) != lowerAscii.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
