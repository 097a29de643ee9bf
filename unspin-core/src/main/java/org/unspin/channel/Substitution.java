package org.unspin.channel;

import java.util.Objects;

/**
 * One replacement made by a (simulated) spinner, with offsets in both texts.
 *
 * @param originalStart first UTF-16 index of the replaced text in the original, inclusive
 * @param originalEnd end in the original, exclusive, {@code > originalStart}
 * @param spunStart first index of the replacement in the spun text
 * @param spunEnd end in the spun text, exclusive, {@code > spunStart}
 * @param original the replaced text as written in the original
 * @param spun the replacement as written in the spun text
 * @param kind {@code word}, {@code phrase} (several words on either side), {@code inflected}
 *     (matched through an inflection and re-inflected), {@code morphology} (re-inflected wrongly)
 *     or {@code name} (a capitalized word inside a sentence)
 */
public record Substitution(int originalStart, int originalEnd, int spunStart, int spunEnd, String original,
    String spun, String kind) {
  public Substitution {
    if (originalStart < 0 || originalEnd <= originalStart) {
      throw new IllegalArgumentException("need 0 <= originalStart < originalEnd (got " + originalStart + ", "
          + originalEnd + ")");
    }
    if (spunStart < 0 || spunEnd <= spunStart) {
      throw new IllegalArgumentException("need 0 <= spunStart < spunEnd (got " + spunStart + ", " + spunEnd + ")");
    }
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(spun, "spun");
    Objects.requireNonNull(kind, "kind");
    if (original.length() != originalEnd - originalStart || spun.length() != spunEnd - spunStart) {
      throw new IllegalArgumentException("texts must match their offsets (got '" + original + "' for ["
          + originalStart + ", " + originalEnd + "), '" + spun + "' for [" + spunStart + ", " + spunEnd + "))");
    }
  }
}
