package org.unspin.lexicon;

/**
 * The inflection of a surface word relative to its lemma. {@link #pos()} is the part of speech the
 * inflection belongs to; {@link #headIsFirst()} says which word of a multiword phrase carries it
 * (verbs inflect their first word, "gave up"; nouns and adjectives their last, "financial
 * institutions", except a noun plural whose head a preposition follows, "rates of interest":
 * {@link Morphology#headIndex}).
 */
public enum Inflection {
  /** Uninflected (the lemma itself). */
  BASE(Pos.ALL),
  /** Noun plural: banks, children. */
  PLURAL(Pos.NOUN),
  /** Verb third person singular present: gives. */
  THIRD_SINGULAR(Pos.VERB),
  /** Verb simple past: gave. */
  PAST(Pos.VERB),
  /** Verb past participle: given. */
  PAST_PARTICIPLE(Pos.VERB),
  /** Verb -ing form: giving. */
  PRESENT_PARTICIPLE(Pos.VERB),
  /** Adjective comparative: bigger, more useful. */
  COMPARATIVE(Pos.ADJ | Pos.ADV),
  /** Adjective superlative: biggest, most useful. */
  SUPERLATIVE(Pos.ADJ | Pos.ADV);

  private static final Inflection[] VALUES = values();
  private final int pos;

  Inflection(int pos) {
    this.pos = pos;
  }

  /** The parts of speech this inflection applies to. */
  public int pos() {
    return pos;
  }

  /** Whether a multiword phrase carries this inflection on its first word (verbs). */
  public boolean headIsFirst() {
    return pos == Pos.VERB;
  }

  /** The inflection with the given ordinal. */
  public static Inflection of(int ordinal) {
    return VALUES[ordinal];
  }
}
