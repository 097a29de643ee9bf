/**
 * Readers for the research news corpora used in evaluation (BBC, Reuters-21578, AG News), the
 * fixed train/dev/test split by document, and dump formats for LM training and perplexity.
 *
 * <p>These corpora are research-only: they are read at run time from a directory given by the
 * user ({@link org.unspin.bench.corpus.Corpora#defaultDirectory()}), never copied into the
 * repository and never used for shipped models.
 *
 * <p>Every {@link org.unspin.bench.corpus.Document} has a stable id ({@code bbc/tech/001},
 * {@code reuters/<NEWID>}, {@code agnews/<line>}); {@link org.unspin.bench.corpus.Split#of(String)}
 * assigns it to train (80%), dev (10%) or test (10%) from a seeded hash of that id alone, so the
 * assignment of a document never changes when documents are added.
 */
package org.unspin.bench.corpus;
