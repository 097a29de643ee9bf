package org.unspin.restore;

import java.util.Locale;

/**
 * How a token is capitalized, so that a suggestion can be written the way the input was. Computed
 * from the letters of the surface only; digits and punctuation do not count.
 */
public enum CasePattern {
  /** No upper-case letter ("stock", "e-mail"). */
  LOWER,
  /** First letter upper, the rest lower ("Stock"). */
  TITLE,
  /** At least two letters, all upper ("STOCK"). */
  UPPER,
  /** Any other mix ("iPhone", "McDonald"). */
  MIXED,
  /** No letter at all ("42", ","). */
  NONE;

  /** The pattern of {@code surface}. */
  public static CasePattern of(CharSequence surface) {
    int letters = 0;
    int upper = 0;
    boolean firstUpper = false;
    boolean seenLetter = false;
    for (int i = 0; i < surface.length(); i++) {
      char c = surface.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      boolean u = Character.isUpperCase(c) || Character.isTitleCase(c);
      if (u) {
        upper++;
      }
      if (!seenLetter) {
        firstUpper = u;
        seenLetter = true;
      }
    }
    if (letters == 0) {
      return NONE;
    }
    if (upper == 0) {
      return LOWER;
    }
    if (upper == letters && letters >= 2) {
      return UPPER;
    }
    if (firstUpper && upper == 1) {
      return TITLE;
    }
    return MIXED;
  }

  /**
   * Writes {@code text} (usually a lower-case LM form or phrase) with this pattern: TITLE
   * capitalizes the first letter, UPPER upper-cases everything, the others leave it as it is.
   */
  public String apply(String text) {
    switch (this) {
      case UPPER:
        return text.toUpperCase(Locale.ROOT);
      case TITLE:
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (Character.isLetter(c)) {
            return text.substring(0, i) + Character.toUpperCase(c) + text.substring(i + 1);
          }
        }
        return text;
      default:
        return text;
    }
  }
}
