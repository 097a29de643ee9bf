package org.unspin.text;

import java.util.Locale;
import java.util.Objects;

/**
 * The capitalisation of a token, so that a restored word can be written the way the input wrote
 * the word it replaces ({@link #apply}).
 *
 * <p>Only cased letters count; digits and punctuation are ignored. A single upper-case letter
 * ({@code A}, {@code I}, {@code 3D}) is {@link #TITLE}, not {@link #UPPER}, because that is what
 * it nearly always is at the start of a sentence.
 */
public enum CasePattern {
  /** Every cased letter is lower case: {@code bank}. */
  LOWER,
  /** Two or more cased letters, all upper case: {@code NASA}, {@code U.S.}. */
  UPPER,
  /** The first cased letter is upper (or title) case and all others are lower: {@code Bank}, {@code I}. */
  TITLE,
  /** Anything else: {@code iPhone}, {@code McDonald}. */
  MIXED,
  /** No cased letter at all: numbers, punctuation, most CJK. */
  NONE;

  private static final CasePattern[] VALUES = values();

  static CasePattern ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** The pattern of {@code word}. */
  public static CasePattern of(CharSequence word) {
    Objects.requireNonNull(word, "word");
    return of(word, 0, word.length());
  }

  /** The pattern of {@code text[start, end)}. */
  static CasePattern of(CharSequence text, int start, int end) {
    int upper = 0;
    int lower = 0;
    boolean firstUpper = false;
    for (int i = start; i < end; ) {
      char c = text.charAt(i);
      int cp;
      if (c < 0x80) {
        cp = c;
        i++;
        if (c >= 'a' && c <= 'z') {
          lower++;
        } else if (c >= 'A' && c <= 'Z') {
          if (upper + lower == 0) {
            firstUpper = true;
          }
          upper++;
        }
        continue;
      }
      cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        if (upper + lower == 0) {
          firstUpper = true;
        }
        upper++;
      } else if (Character.isLowerCase(cp)) {
        lower++;
      }
    }
    if (upper + lower == 0) {
      return NONE;
    }
    if (upper == 0) {
      return LOWER;
    }
    if (upper == 1 && firstUpper) {
      return TITLE;
    }
    if (lower == 0) {
      return UPPER;
    }
    return MIXED;
  }

  /**
   * Writes {@code word} in this pattern: LOWER and UPPER convert every letter (Locale.ROOT), TITLE
   * upper-cases the first letter (title case) and leaves the rest as given, MIXED and NONE return
   * the word unchanged (there is no safe way to transfer them to another word).
   */
  public String apply(String word) {
    Objects.requireNonNull(word, "word");
    switch (this) {
      case LOWER:
        return word.toLowerCase(Locale.ROOT);
      case UPPER:
        return word.toUpperCase(Locale.ROOT);
      case TITLE:
        for (int i = 0; i < word.length(); ) {
          int cp = word.codePointAt(i);
          int n = Character.charCount(cp);
          if (Character.isLetter(cp)) {
            int t = Character.toTitleCase(cp);
            if (t == cp) {
              return word;
            }
            return word.substring(0, i) + new String(Character.toChars(t)) + word.substring(i + n);
          }
          i += n;
        }
        return word;
      default:
        return word;
    }
  }
}
