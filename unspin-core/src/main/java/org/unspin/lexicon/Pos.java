package org.unspin.lexicon;

import java.util.Locale;

/**
 * Part-of-speech sets as bit masks (a phrase or a sense may carry several). {@code 0} means
 * unknown: a phrase that only a resource without parts of speech (Moby) lists.
 */
public final class Pos {
  /** Noun. */
  public static final int NOUN = 1;
  /** Verb. */
  public static final int VERB = 2;
  /** Adjective (WordNet head and satellite adjectives). */
  public static final int ADJ = 4;
  /** Adverb. */
  public static final int ADV = 8;
  /** Number word or digit form. */
  public static final int NUM = 16;
  /** Every known bit. */
  public static final int ALL = NOUN | VERB | ADJ | ADV | NUM;

  private Pos() {}

  /** The bit of a WordNet synset type letter ({@code n v a s r}). */
  public static int ofWordNet(char ssType) {
    return switch (ssType) {
      case 'n' -> NOUN;
      case 'v' -> VERB;
      case 'a', 's' -> ADJ;
      case 'r' -> ADV;
      default -> throw new IllegalArgumentException("ssType: not a WordNet synset type: '" + ssType + "'");
    };
  }

  /** Whether two masks share a part of speech; {@code false} when either is unknown. */
  public static boolean agree(int a, int b) {
    return (a & b) != 0;
  }

  /** A readable form such as {@code "n|v"}, or {@code "?"} for unknown. */
  public static String format(int mask) {
    if (mask == 0) {
      return "?";
    }
    StringBuilder sb = new StringBuilder();
    String[] names = {"n", "v", "a", "r", "num"};
    for (int i = 0; i < names.length; i++) {
      if ((mask & (1 << i)) != 0) {
        if (sb.length() > 0) {
          sb.append('|');
        }
        sb.append(names[i]);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
