package org.unspin.spark;

import java.io.Serializable;
import org.unspin.records.InputRecord;

/**
 * An {@link InputRecord} on its way between executors (with {@code --partitions}, records are read
 * in one task per file and checked in other tasks), with its place in the input ({@link
 * RecordCheck#order}).
 */
record ShuffledRecord(String id, String uri, String source, String text, boolean html, String error, long order)
    implements Serializable {

  static ShuffledRecord of(InputRecord r, long order) {
    return new ShuffledRecord(r.id(), r.uri(), r.source(), r.text(), r.html(), r.error(), order);
  }

  InputRecord toRecord() {
    return new InputRecord(id, uri, source, text, html, error);
  }
}
