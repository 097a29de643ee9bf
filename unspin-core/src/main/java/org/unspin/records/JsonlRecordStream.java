package org.unspin.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.unspin.util.Json;

/**
 * One record per non-blank line of a JSON Lines stream (gzip is recognised by its magic bytes).
 * A line that is too long, not strict UTF-8, not a JSON object, or has no string text field
 * becomes an error record named {@code <file>#<line>}; a stream that breaks (truncated gzip) gives
 * one error record and ends.
 */
final class JsonlRecordStream extends PendingRecordStream {
  private final CountingInputStream counted;
  private final String name;
  private final RecordOptions options;
  private LineReader lines;
  private boolean done;

  JsonlRecordStream(InputStream in, String name, RecordOptions options) {
    this.counted = new CountingInputStream(in);
    this.name = name;
    this.options = options;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  /** Frames the next non-blank line; decoding, JSON parsing and HTML extraction wait. */
  @Override
  public PendingRecord nextPending() throws IOException {
    while (!done) {
      boolean got;
      try {
        if (lines == null) {
          lines = new LineReader(Gzip.maybeDecompress(counted), (int) options.maxBytes());
        }
        got = lines.next();
      } catch (IOException e) {
        if (!Gzip.brokenData(e)) {
          throw e; // the read failed, not the data: nothing of this file may be skipped silently
        }
        done = true;
        String at = name + "#" + (lines == null ? 1 : lines.lineNumber() + 1);
        return PendingRecord.of(InputRecord.ofError(at, null, at, Gzip.problem(e) + "; the rest of " + name
            + " is skipped"));
      }
      if (!got) {
        done = true;
        return null;
      }
      String at = name + "#" + lines.lineNumber();
      if (lines.tooLong()) {
        return PendingRecord.of(InputRecord.ofError(at, null, at, "line longer than the limit of "
            + options.maxBytes() + " bytes"));
      }
      if (lines.isBlank()) {
        continue;
      }
      byte[] line = lines.copy();
      return () -> parse(line, at, options);
    }
    return null;
  }

  private static InputRecord parse(byte[] bytes, String at, RecordOptions options) {
    String line;
    try {
      line = LineReader.decodeCopy(bytes);
    } catch (IllegalArgumentException e) {
      return InputRecord.ofError(at, null, at, e.getMessage());
    }
    Map<String, Object> obj;
    try {
      obj = Json.parseObject(line);
    } catch (IllegalArgumentException e) {
      return InputRecord.ofError(at, null, at, "not a JSON object: " + e.getMessage());
    }
    Object idValue = obj.get(options.idField());
    String id = idValue instanceof String s && !s.isEmpty() ? s
        : idValue instanceof Number n ? Json.write(n) : at;
    Object url = obj.get("url");
    String uri = url instanceof String s && !s.isBlank() ? s : null;
    Object text = obj.get(options.textField());
    if (!(text instanceof String t)) {
      return InputRecord.ofError(id, uri, at, text == null ? "no field \"" + options.textField() + "\""
          : "field \"" + options.textField() + "\" is not a string");
    }
    if (t.isBlank()) {
      return InputRecord.ofError(id, uri, at, "empty text");
    }
    return Payloads.fromString(t, id, uri, at);
  }

  @Override
  public void close() throws IOException {
    done = true;
    if (lines != null) {
      lines.close();
    } else {
      counted.close();
    }
  }
}
