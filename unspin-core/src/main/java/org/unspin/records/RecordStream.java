package org.unspin.records;

import java.io.Closeable;
import java.io.IOException;

/**
 * A pull stream of {@link InputRecord}s, in a deterministic order: reading the same inputs twice
 * gives the same records in the same order, so a record's ordinal position is stable (the scan
 * checkpoint relies on it).
 *
 * <p>Never throws for a bad record: it yields an error record ({@link InputRecord#isError()}) and
 * goes on. Throws {@link IOException} only when the input as a whole cannot be read further. Not
 * thread-safe: one reader pulls.
 */
public interface RecordStream extends Closeable {
  /** The next record, or null at the end. */
  InputRecord next() throws IOException;

  /**
   * The next record with its per-record work (decoding, JSON parsing, HTML extraction) left to
   * {@link PendingRecord#resolve}, or null at the end; so a pipeline's reader only frames records
   * and its workers do the rest. {@code nextPending().resolve()} equals what {@link #next} gives at
   * the same position (the two may be mixed, each call moves on by one record). The default does
   * the work now.
   */
  default PendingRecord nextPending() throws IOException {
    InputRecord r = next();
    return r == null ? null : PendingRecord.of(r);
  }

  /**
   * Input bytes consumed so far as they are stored (compressed bytes for gzip input), for progress
   * reports; 0 when unknown.
   */
  default long bytesRead() {
    return 0;
  }
}
