package org.unspin.lexicon;

/**
 * How a replacement relates to its original. Stored in four bits of an edge, so at most 16
 * constants; append only (the ordinal is written to compiled lexicons).
 */
public enum Relation {
  /** Same WordNet synset. */
  SYNONYM,
  /** The replacement names a WordNet hypernym of the original ("bank" to "financial institution"). */
  HYPERNYM,
  /** WordNet similar-to (adjective clusters). */
  SIMILAR,
  /** Listed together by a thesaurus without sense information (Moby). */
  THESAURUS,
  /** Number word and digit form. */
  NUMBER,
  /** Spelling variant ("colour" / "color"). */
  SPELLING;

  private static final Relation[] VALUES = values();

  /** The relation with the given ordinal. */
  public static Relation of(int ordinal) {
    if (ordinal < 0 || ordinal >= VALUES.length) {
      throw new IllegalArgumentException("ordinal: no relation " + ordinal);
    }
    return VALUES[ordinal];
  }
}
