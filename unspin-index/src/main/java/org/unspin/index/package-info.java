/**
 * Source tracing: a Lucene index of source documents searched with terms that survive spinning
 * ({@link org.unspin.index.SourceIndex}, {@link org.unspin.index.SourceIndexWriter}), re-ranking by
 * word alignment and substitution extraction ({@link org.unspin.index.Tracer}, {@link
 * org.unspin.index.TraceResult}). Depends on unspin-core, never the other way round.
 */
package org.unspin.index;
