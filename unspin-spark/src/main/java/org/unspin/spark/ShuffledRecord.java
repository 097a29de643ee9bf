package org.unspin.spark;

import java.io.Serializable;
import org.unspin.records.InputRecord;

/**
 * An {@link InputRecord} on its way between executors (with {@code --partitions}, records are read
 * in one task per file and checked in other tasks).
 */
record ShuffledRecord(String id, String uri, String source, String text, boolean html, String error)
    implements Serializable {

  static ShuffledRecord of(InputRecord r) {
    return new ShuffledRecord(r.id(), r.uri(), r.source(), r.text(), r.html(), r.error());
  }

  InputRecord toRecord() {
    return new InputRecord(id, uri, source, text, html, error);
  }
}
