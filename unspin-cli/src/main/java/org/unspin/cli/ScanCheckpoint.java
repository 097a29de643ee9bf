package org.unspin.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.unspin.api.InputException;
import org.unspin.api.UnspinException;

/**
 * The scan checkpoint: how many records have their report lines durably written, and how long
 * the report is at that point. Written after the report is forced to disk, to a temporary file
 * that is forced and then atomically renamed over the old checkpoint, so after a crash at any
 * moment the checkpoint on disk names a prefix of the report that is complete. Resuming truncates
 * the report to that length and skips that many records: nothing is lost and nothing written
 * twice.
 *
 * <p>Format (text, one {@code key=value} a line): {@code version}, {@code records}, {@code bytes},
 * {@code complete} (true once the scan finished) and {@code inputs} (a digest of the input files,
 * their sizes and times, and the options that shape the report; a resume with other inputs is
 * refused).
 *
 * @param records records whose lines are in the report's first {@code bytes} bytes
 * @param bytes length of the report prefix those lines fill
 * @param complete whether the scan ran to its end
 * @param inputs digest of inputs and options
 */
record ScanCheckpoint(long records, long bytes, boolean complete, String inputs) {
  static final int VERSION = 1;

  ScanCheckpoint {
    if (records < 0 || bytes < 0) {
      throw new IllegalArgumentException("records and bytes must be >= 0 (got " + records + ", " + bytes + ")");
    }
  }

  /** Where the checkpoint of {@code report} lives. */
  static Path pathFor(Path report) {
    return report.resolveSibling(report.getFileName() + ".checkpoint");
  }

  /** The checkpoint at {@code file}, or null when there is none. */
  static ScanCheckpoint read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UnspinException(file + ": cannot read the checkpoint: " + e.getMessage(), e);
    }
    Map<String, String> kv = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new InputException(file + ": not a scan checkpoint (line \"" + line + "\")");
      }
      kv.put(line.substring(0, eq), line.substring(eq + 1));
    }
    try {
      int version = Integer.parseInt(kv.getOrDefault("version", "-1"));
      if (version != VERSION) {
        throw new InputException(file + ": checkpoint version " + version + ", this unspin reads " + VERSION);
      }
      return new ScanCheckpoint(Long.parseLong(kv.get("records")), Long.parseLong(kv.get("bytes")),
          Boolean.parseBoolean(kv.get("complete")), kv.getOrDefault("inputs", ""));
    } catch (NumberFormatException | NullPointerException e) {
      throw new InputException(file + ": not a scan checkpoint (" + e.getMessage() + ")");
    }
  }

  /** Writes durably: temporary file, forced, atomically renamed, directory forced where possible. */
  void write(Path file) throws IOException {
    String text = "# unspin scan checkpoint: the first `records` report lines fill its first `bytes` bytes\n"
        + "version=" + VERSION + "\nrecords=" + records + "\nbytes=" + bytes + "\ncomplete=" + complete
        + "\ninputs=" + inputs + "\n";
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    org.unspin.util.AtomicFiles.moveIntoPlace(tmp, file);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // Not every platform lets a directory be opened; the rename is then as durable as it gets.
      }
    }
  }
}
