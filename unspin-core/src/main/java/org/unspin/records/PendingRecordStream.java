package org.unspin.records;

import java.io.IOException;

/**
 * A {@link RecordStream} that frames its records first ({@link #nextPending}) and gives a whole
 * record by resolving the framed one at once, so the two ways of reading always agree.
 */
abstract class PendingRecordStream implements RecordStream {
  @Override
  public final InputRecord next() throws IOException {
    PendingRecord p = nextPending();
    return p == null ? null : p.resolve();
  }

  @Override
  public abstract PendingRecord nextPending() throws IOException;
}
