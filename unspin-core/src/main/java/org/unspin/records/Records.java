package org.unspin.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.unspin.api.InputException;

/**
 * Opens inputs as {@link RecordStream}s.
 *
 * <p>Kinds, by file name (a trailing {@code .gz} is looked through, and gzip content is also
 * recognised by its magic bytes): {@code .warc}, {@code .arc} (WARC/ARC, read with jwarc:
 * response and resource records, see below); {@code .jsonl}, {@code .ndjson} (one JSON object per
 * line, the text in {@link RecordOptions#textField()}); {@code .txt}, {@code .text} (plain text,
 * strict UTF-8); {@code .html}, {@code .htm}, {@code .xhtml} (HTML, reduced to its main text by
 * {@link org.unspin.text.HtmlExtractor}). A file named on the command line with another name is
 * read as text (HTML when its content looks like HTML); inside directories such files, and hidden
 * files, are skipped.
 *
 * <p>Order: inputs in the order given; a directory is walked recursively and its files are read
 * in the order of their path strings, so the same inputs always give the same records in the same
 * order.
 *
 * <p>WARC: HTTP responses with a 2xx status and resource records whose type is HTML, XHTML, plain
 * text or absent; the charset comes from the Content-Type header (ISO-8859-1 and US-ASCII labels
 * mean windows-1252, as in browsers), else strict UTF-8. Records of other types and media are
 * skipped. A record that cannot be read becomes an error record; a broken container (truncated or
 * corrupt gzip member) gives one error record, and a gzip WARC file goes on at its next gzip member
 * (a stream given to {@link #warc} ends there).
 *
 * <p>Thread-safe (stateless); each stream it returns is for one thread.
 */
public final class Records {
  private Records() {}

  /** The kind of an input file. */
  enum Kind { WARC, JSONL, TEXT, HTML, OTHER }

  /**
   * All records of {@code inputs}: files and directories (walked recursively, sorted by path).
   *
   * @throws InputException when an input does not exist or a directory cannot be listed
   */
  public static RecordStream open(List<Path> inputs, RecordOptions options) {
    Objects.requireNonNull(options, "options");
    return new FileListStream(files(inputs), options);
  }

  /**
   * The files {@link #open} reads, in its order.
   *
   * @throws InputException when an input does not exist or a directory cannot be listed
   */
  public static List<Path> files(List<Path> inputs) {
    Objects.requireNonNull(inputs, "inputs");
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      Objects.requireNonNull(p, "input");
      if (Files.isDirectory(p)) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && !isHidden(p, f) && kind(f) != Kind.OTHER).forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
          throw new InputException(p + ": cannot list the directory (" + e.getMessage() + ")", e);
        }
        found.sort(Comparator.comparing(Path::toString));
        files.addAll(found);
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        throw new InputException(p + ": no such file or directory");
      }
    }
    return files;
  }

  /** Records of a WARC or ARC stream, plain or gzip; {@code name} is used in ids and messages. */
  public static RecordStream warc(InputStream in, String name, RecordOptions options) {
    return new WarcRecordStream(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * Records of a WARC or ARC file read through a seekable channel (from its current position), so
   * that a gzip WARC goes on at the next gzip member after a broken one, as the files {@link #open}
   * reads do; for files on other file systems (the Spark job's Hadoop inputs). Closing the stream
   * closes the channel.
   */
  public static RecordStream warc(java.nio.channels.FileChannel file, String name, RecordOptions options) {
    return new WarcRecordStream(Objects.requireNonNull(file, "file"), Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(options, "options"));
  }

  /** Records of a JSON Lines stream, plain or gzip; {@code name} is used in ids and messages. */
  public static RecordStream jsonl(InputStream in, String name, RecordOptions options) {
    return new JsonlRecordStream(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * The one record of a text or HTML document: HTML when {@code name} ends in {@code .html},
   * {@code .htm} or {@code .xhtml}, plain for {@code .txt} and {@code .text}, else by content.
   * Its id and source are {@code name}.
   */
  public static RecordStream text(byte[] content, String name, RecordOptions options) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return single(textRecord(content, name, options), content.length);
  }

  /** The record of {@link #text}, decoded and extracted when it is resolved. */
  private static PendingRecord textRecord(byte[] content, String name, RecordOptions options) {
    Kind k = kind(name);
    Boolean html = k == Kind.HTML ? Boolean.TRUE : k == Kind.TEXT ? Boolean.FALSE : null;
    if (content.length > options.maxBytes()) {
      return PendingRecord.of(InputRecord.ofError(name, null, name, "larger than the limit of " + options.maxBytes()
          + " bytes"));
    }
    return () -> Payloads.record(content, content.length, null, html, name, null, name);
  }

  static RecordStream single(InputRecord r, long bytes) {
    return single(PendingRecord.of(r), bytes);
  }

  static RecordStream single(PendingRecord r, long bytes) {
    return new PendingRecordStream() {
      private boolean given;

      @Override
      public PendingRecord nextPending() {
        if (given) {
          return null;
        }
        given = true;
        return r;
      }

      @Override
      public long bytesRead() {
        return given ? bytes : 0;
      }

      @Override
      public void close() {
        given = true;
      }
    };
  }

  static Kind kind(Path file) {
    Path n = file.getFileName();
    return n == null ? Kind.OTHER : kind(n.toString());
  }

  static Kind kind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".warc") || n.endsWith(".arc")) {
      return Kind.WARC;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Kind.JSONL;
    }
    if (n.endsWith(".txt") || n.endsWith(".text")) {
      return Kind.TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
      return Kind.HTML;
    }
    return Kind.OTHER;
  }

  private static boolean isHidden(Path root, Path f) {
    Path rel = root.relativize(f);
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Reads a list of files one after the other. */
  private static final class FileListStream extends PendingRecordStream {
    private final List<Path> files;
    private final RecordOptions options;
    private int nextFile;
    // Read by progress reporters on other threads through bytesRead().
    private volatile RecordStream current;
    private volatile long finishedBytes;

    FileListStream(List<Path> files, RecordOptions options) {
      this.files = List.copyOf(files);
      this.options = options;
    }

    @Override
    public PendingRecord nextPending() throws IOException {
      while (true) {
        if (current != null) {
          PendingRecord r = current.nextPending();
          if (r != null) {
            return r;
          }
          finishedBytes += current.bytesRead();
          current.close();
          current = null;
        }
        if (nextFile >= files.size()) {
          return null;
        }
        Path f = files.get(nextFile++);
        current = openFile(f);
      }
    }

    private RecordStream openFile(Path f) {
      String name = f.toString();
      try {
        Kind k = kind(f);
        switch (k) {
          case WARC -> {
            return new WarcRecordStream(java.nio.channels.FileChannel.open(f), name, options);
          }
          case JSONL -> {
            return jsonl(Files.newInputStream(f), name, options);
          }
          default -> {
            return readText(f, name);
          }
        }
      } catch (NoSuchFileException e) {
        return single(InputRecord.ofError(name, null, name, "no such file"), 0);
      } catch (IOException e) {
        return single(InputRecord.ofError(name, null, name, "cannot read (" + e.getClass().getSimpleName() + ": "
            + e.getMessage() + ")"), 0);
      }
    }

    private RecordStream readText(Path f, String name) throws IOException {
      long size = Files.size(f);
      boolean gz = name.toLowerCase(Locale.ROOT).endsWith(".gz");
      if (!gz && size > options.maxBytes()) {
        return single(InputRecord.ofError(name, null, name, "larger than the limit of " + options.maxBytes()
            + " bytes"), size);
      }
      byte[] content;
      try (InputStream in = gz ? Gzip.maybeDecompress(Files.newInputStream(f)) : Files.newInputStream(f)) {
        content = in.readNBytes((int) options.maxBytes() + 1);
      } catch (java.io.EOFException | java.util.zip.ZipException e) {
        return single(InputRecord.ofError(name, null, name, Gzip.problem(e)), size);
      }
      if (!gz) {
        return single(textRecord(content, name, options), size);
      }
      PendingRecord inner = textRecord(content, name.substring(0, name.length() - 3), options);
      return single(() -> {
        InputRecord r = inner.resolve();
        return r.isError() ? InputRecord.ofError(name, null, name, r.error())
            : InputRecord.ofText(name, null, name, r.text(), r.html());
      }, size);
    }

    @Override
    public long bytesRead() {
      RecordStream c = current;
      return finishedBytes + (c == null ? 0 : c.bytesRead());
    }

    @Override
    public void close() throws IOException {
      nextFile = files.size();
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }

}
