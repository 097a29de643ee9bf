package org.unspin.records;

import java.util.Objects;

/**
 * How records are read.
 *
 * @param textField the JSONL field that holds the text (default {@code text})
 * @param idField the JSONL field that holds the record id (default {@code id}); a string or a
 *     number, else the record is named {@code <file>#<line>}
 * @param maxBytes the largest document accepted, in bytes as stored before decoding (a text file,
 *     a JSONL line, a WARC payload); bigger ones become error records without being held in
 *     memory. {@code 1 .. Integer.MAX_VALUE - 8}, default 10 MB
 */
public record RecordOptions(String textField, String idField, long maxBytes) {
  /** Default {@link #maxBytes}: 10 MB. */
  public static final long DEFAULT_MAX_BYTES = 10_000_000L;

  public RecordOptions {
    Objects.requireNonNull(textField, "textField");
    Objects.requireNonNull(idField, "idField");
    if (textField.isBlank()) {
      throw new IllegalArgumentException("textField must not be blank (got \"" + textField + "\")");
    }
    if (idField.isBlank()) {
      throw new IllegalArgumentException("idField must not be blank (got \"" + idField + "\")");
    }
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be in 1.." + (Integer.MAX_VALUE - 8) + " (got " + maxBytes
          + ")");
    }
  }

  /** Text field {@code text}, id field {@code id}, at most 10 MB per document. */
  public static RecordOptions defaults() {
    return new RecordOptions("text", "id", DEFAULT_MAX_BYTES);
  }

  public RecordOptions withTextField(String field) {
    return new RecordOptions(field, idField, maxBytes);
  }

  public RecordOptions withIdField(String field) {
    return new RecordOptions(textField, field, maxBytes);
  }

  public RecordOptions withMaxBytes(long max) {
    return new RecordOptions(textField, idField, max);
  }
}
