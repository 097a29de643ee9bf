/**
 * Build-time readers for the raw lexical resources (WordNet database files, the Moby thesaurus,
 * SCOWL word lists, a text corpus for frequencies) and {@link
 * org.unspin.lexicon.build.LexiconCompiler}, which compiles them into one lexicon file. Not used at
 * run time.
 */
package org.unspin.lexicon.build;
