package org.unspin.lexicon;

import java.util.List;

/**
 * The forward view of a thesaurus, as a dictionary-driven spinner uses it: an original phrase and
 * the phrases it may be replaced with. Phrases are LM-form words (see {@code org.unspin.text.LmText})
 * joined by single spaces, 1 to 3 words. Implementations are immutable and thread-safe.
 */
public interface SynonymDictionary {

  /**
   * The replacements listed for {@code phrase}, most common sense first (the order a "first
   * synonym" spinner uses), without duplicates and without the phrase itself; empty if none.
   */
  List<String> synonyms(String phrase);

  /**
   * The replacements listed for {@code phrase} in a sense of one of the parts of speech {@code pos}
   * (a {@link Pos} mask), in {@link #synonyms(String)} order: what a spinner that inflects its
   * replacement like the original ("was" read as a past of the verb "be") may write. A dictionary
   * without parts of speech returns every synonym (the default).
   */
  default List<String> synonyms(String phrase, int pos) {
    return synonyms(phrase);
  }

  /** Every phrase that has at least one synonym, in a stable order. */
  List<String> headwords();
}
