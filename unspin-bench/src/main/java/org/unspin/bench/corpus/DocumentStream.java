package org.unspin.bench.corpus;

import java.io.Closeable;
import java.io.IOException;

/**
 * A pull stream of documents. {@link #read()} returns the next document or {@code null} at the
 * end; read errors surface as {@link IOException} naming the file. A stream holds at most one
 * source file in memory. Not thread-safe; close it when done.
 */
public interface DocumentStream extends Closeable {

  /** Returns the next document, or {@code null} when the stream is exhausted. */
  Document read() throws IOException;

  @Override
  default void close() throws IOException {}
}
