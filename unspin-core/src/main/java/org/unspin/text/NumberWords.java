package org.unspin.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Numeric values of single tokens, so that a spinner's {@code two -> 2} or {@code 1,000 ->
 * thousand} substitutions can be recognised: digit forms ({@code 2}, {@code 2.5}, {@code 1,000},
 * {@code .5}) and English number words ({@code two}, {@code twenty}, {@code twenty-one},
 * {@code hundred}, {@code dozen}, {@code million}). Thread-safe.
 */
public final class NumberWords {
  private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  private static final String[] TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};
  private static final Map<String, Integer> WORDS = new HashMap<>();

  static {
    for (int i = 0; i < UNITS.length; i++) {
      WORDS.put(UNITS[i], i);
    }
    for (int i = 0; i < TENS.length; i++) {
      WORDS.put(TENS[i], (i + 2) * 10);
    }
    WORDS.put("dozen", 12);
    WORDS.put("hundred", 100);
    WORDS.put("thousand", 1_000);
    WORDS.put("million", 1_000_000);
    WORDS.put("billion", 1_000_000_000);
  }

  private NumberWords() {}

  /**
   * The English word of {@code v} when it has one of its own: {@code zero} to {@code nineteen} and
   * the tens {@code twenty} to {@code ninety}, lower case.
   *
   * @throws IllegalArgumentException for any other {@code v}
   */
  public static String word(int v) {
    if (v >= 0 && v < UNITS.length) {
      return UNITS[v];
    }
    if (v >= 20 && v <= 90 && v % 10 == 0) {
      return TENS[v / 10 - 2];
    }
    throw new IllegalArgumentException("v must be 0-19 or a multiple of ten in 20-90 (got " + v + ")");
  }

  /**
   * The value of one token's normal form, or {@code NaN} when it is not a number. Digit groups
   * with commas must be well formed ({@code 1,000} yes, {@code 1,00} no); a hyphenated number word
   * must be tens-units ({@code twenty-one}) to count.
   */
  public static double valueOf(String token) {
    Objects.requireNonNull(token, "token");
    int n = token.length();
    if (n == 0) {
      return Double.NaN;
    }
    char c0 = token.charAt(0);
    if ((c0 >= '0' && c0 <= '9') || c0 == '.') {
      return parseDigits(token);
    }
    if (n > 20) {
      return Double.NaN;
    }
    String w = token.toLowerCase(Locale.ROOT);
    Integer v = WORDS.get(w);
    if (v != null) {
      return v;
    }
    int dash = w.indexOf('-');
    if (dash > 0 && dash == w.lastIndexOf('-')) {
      Integer tens = WORDS.get(w.substring(0, dash));
      Integer unit = WORDS.get(w.substring(dash + 1));
      if (tens != null && unit != null && tens >= 20 && tens <= 90 && tens % 10 == 0 && unit >= 1 && unit <= 9) {
        return tens + unit;
      }
    }
    return Double.NaN;
  }

  private static double parseDigits(String s) {
    int n = s.length();
    int dot = -1;
    int digits = 0;
    int groupLen = -1; // digits since the last comma, -1 before any comma
    StringBuilder plain = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (groupLen >= 0 && dot < 0) {
          groupLen++;
        }
        plain.append(c);
      } else if (c == ',' && dot < 0) {
        if (digits == 0 || (groupLen >= 0 && groupLen != 3) || (groupLen < 0 && digits > 3)) {
          return Double.NaN;
        }
        groupLen = 0;
      } else if (c == '.' && dot < 0) {
        if (groupLen >= 0 && groupLen != 3) {
          return Double.NaN;
        }
        dot = i;
        plain.append('.');
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || (groupLen >= 0 && dot < 0 && groupLen != 3) || s.charAt(n - 1) == '.') {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(plain.toString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
