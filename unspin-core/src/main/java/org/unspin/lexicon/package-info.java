/**
 * Thesauri, reverse index and morphology: the candidate side of the noisy channel.
 *
 * <p>{@link org.unspin.lexicon.Lexicon} is the compiled, immutable lexicon (WordNet 3.1, Moby,
 * spelling variants, number words, frequency classes), loaded once from the classpath. {@link
 * org.unspin.lexicon.LexiconDictionary} is a forward view of it (a resource subset, optionally
 * without a seeded share of entries) and implements {@link org.unspin.lexicon.SynonymDictionary}
 * for the spin simulator. {@link org.unspin.lexicon.ReverseLexicon} answers "which originals could
 * a spinner have turned into this surface phrase", with features on each {@link
 * org.unspin.lexicon.Candidate}. {@link org.unspin.lexicon.Morphology} lemmatizes and re-inflects.
 * Sub-package {@code build} reads the raw resources and is used only by {@code unspin lexicon
 * build}. See {@code docs/lexicon.md}.
 */
package org.unspin.lexicon;
