package org.unspin.text;

/**
 * What kind of token the {@link Analyzer} found. The type is decided from the characters alone,
 * never from a dictionary, except that {@link #ABBREVIATION} uses the abbreviation list.
 */
public enum TokenType {
  /**
   * Letters, digits and marks, possibly with internal apostrophes ({@code O'Brien}) or starting
   * with digits ({@code 5th}, {@code 1990s}). English clitics are separate WORD tokens, Penn
   * Treebank style: {@code don't} is {@code do} + {@code n't}, {@code John's} is {@code John} +
   * {@code 's}.
   */
  WORD,
  /** Words joined by hyphens: {@code well-known}, {@code twenty-one}, {@code COVID-19}. */
  HYPHENATED,
  /**
   * A word that carries its final period: a known abbreviation ({@code Dr.}, {@code etc.}), a
   * dotted one ({@code U.S.}, {@code e.g.}, {@code Ph.D.}) or an initial ({@code J.}).
   */
  ABBREVIATION,
  /**
   * Digits with internal separators: {@code 2}, {@code 2.5}, {@code 1,000}, {@code .5},
   * {@code 10:30}, {@code 1/2}.
   */
  NUMBER,
  /** One punctuation mark, or a run of sentence terminators ({@code ?!}, {@code ...}) or dashes. */
  PUNCT,
  /** Symbols (currency, math, emoji with their modifiers) and anything else that is not text. */
  SYMBOL,
  /** {@code http(s)://}, {@code ftp://} and {@code www.} addresses, and bare host names with a known TLD. */
  URL,
  /** {@code name@host.tld}. */
  EMAIL;

  private static final TokenType[] VALUES = values();

  static TokenType ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** True for WORD, HYPHENATED and ABBREVIATION: tokens a thesaurus or spinner may replace. */
  public boolean isWordLike() {
    return this == WORD || this == HYPHENATED || this == ABBREVIATION;
  }
}
