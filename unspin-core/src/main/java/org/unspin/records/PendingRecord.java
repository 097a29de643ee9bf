package org.unspin.records;

import java.util.Objects;

/**
 * A record as a {@link RecordStream} framed it, before its per-record work: charset decoding,
 * JSON parsing, HTML extraction. The scan's single reader thread only frames records (gzip, WARC
 * and HTTP heads, line splitting) and hands pending records to its workers, which {@link #resolve}
 * them in parallel; reading stays sequential, the expensive part does not.
 *
 * <p>{@link #resolve} gives exactly the record {@link RecordStream#next} would have given at that
 * position (same id, source, text or error line), never throws for the record's content, holds no
 * reference to the stream (the framed bytes are the record's own copy), and may be called from any
 * thread; calling it twice does the work twice and gives equal records.
 */
@FunctionalInterface
public interface PendingRecord {
  /** The record: decoded, parsed and extracted now. */
  InputRecord resolve();

  /** A record that needs no more work. */
  static PendingRecord of(InputRecord record) {
    Objects.requireNonNull(record, "record");
    return () -> record;
  }
}
