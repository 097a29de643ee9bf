package org.unspin.records;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Response and resource records of a WARC (or ARC) file, plain or gzip, read with jwarc.
 *
 * <p>Kept: HTTP responses with a 2xx status and resource records whose media type is HTML, XHTML,
 * plain text, or absent (then the content decides). Other records (requests, metadata, revisits,
 * images, scripts, redirects, ...) are skipped silently: they are not documents. A kept record
 * that cannot be read (bad HTTP head, unknown charset, undecodable, too big, empty) becomes an
 * error record. When the container itself breaks (a truncated or corrupt gzip member, a malformed
 * WARC header) one error record names the byte offset. A gzip WARC read from a file then goes on at
 * the next gzip member (a gzip header that starts a readable WARC record); a stream, or an
 * uncompressed WARC, is skipped to its end, since no later record boundary can be trusted.
 *
 * <p>In a gzip WARC read from a file, each member that starts a record is checked end to end (its
 * deflate data and the CRC-32 and length of its trailer, {@link GzipMemberCheck}) before the record
 * is used, since jwarc does not check the CRC. A member that fails is one error record, and reading
 * goes on at the next member. A stream (standard input) is not checked this way: it cannot be read
 * twice.
 */
final class WarcRecordStream extends PendingRecordStream {
  private static final int SCAN_BUFFER = 1 << 16;

  private final CountingInputStream counted; // stream mode
  private final FileChannel file; // file mode: seekable, so a gzip WARC can resynchronise
  private final String name;
  private final RecordOptions options;
  private WarcReader reader;
  private boolean done;
  private long resyncFrom = -1; // file mode: look for the next gzip member from here
  private long candidate = -1; // file mode: where the current reader started after a resync, until it reads a record
  private volatile long lastPosition;
  private GzipMemberCheck members; // file mode, gzip: checks each member that starts a record
  private long checkedUntil; // file mode: the end of the last member checked

  WarcRecordStream(InputStream in, String name, RecordOptions options) {
    this.counted = new CountingInputStream(in);
    this.file = null;
    this.name = name;
    this.options = options;
  }

  WarcRecordStream(FileChannel file, String name, RecordOptions options) {
    this.counted = null;
    this.file = file;
    this.name = name;
    this.options = options;
  }

  @Override
  public long bytesRead() {
    if (file == null) {
      return counted.count();
    }
    try {
      lastPosition = file.position();
    } catch (IOException e) {
      // closed: keep the last value
    }
    return lastPosition;
  }

  /** Frames the next kept record: WARC and HTTP heads parsed, body read; decoding and extraction wait. */
  @Override
  public PendingRecord nextPending() throws IOException {
    while (!done) {
      if (reader == null && !openReader()) {
        return null;
      }
      long offset = reader.position();
      WarcRecord rec;
      try {
        Optional<WarcRecord> o = reader.next();
        if (o.isEmpty()) {
          done = true;
          return null;
        }
        rec = o.get();
      } catch (IOException | RuntimeException e) {
        if (e instanceof IOException io && !Gzip.brokenData(io)) {
          throw io; // the read failed, not the data: nothing of this file may be skipped silently
        }
        if (candidate >= 0) {
          // A gzip magic number inside compressed data, not a member: search on, silently.
          resyncFrom = candidate + 1;
          reader = null;
          continue;
        }
        return PendingRecord.of(containerProblem(e, Math.max(offset, reader.position()), null, null));
      }
      long at = reader.position();
      if (file != null && reader.compression() == WarcCompression.GZIP && at >= checkedUntil) {
        // jwarc does not check a member's CRC-32: a changed member may still inflate, to a record
        // that is misread, skipped as a non-document, or that hides the next one. The record has
        // a WARC head, so even a resynchronisation candidate that fails here is a member, broken.
        try {
          if (members == null) {
            members = new GzipMemberCheck(file);
          }
          long end = members.check(at);
          if (end >= 0) {
            checkedUntil = end;
          }
        } catch (EOFException | ZipException e) {
          candidate = -1;
          return PendingRecord.of(containerProblem(e, at, null, null));
        }
      }
      candidate = -1;
      PendingRecord r = convert(rec, name + "@" + at);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** Opens the reader at the start or at the next gzip member after a broken one; false at the end. */
  private boolean openReader() throws IOException {
    try {
      if (file == null) {
        reader = new WarcReader(Channels.newChannel(counted));
      } else {
        if (resyncFrom >= 0) {
          long at = nextGzipMember(resyncFrom);
          if (at < 0) {
            done = true;
            return false;
          }
          file.position(at);
          candidate = at;
          resyncFrom = -1;
        }
        reader = new WarcReader(file);
      }
      reader.setLenient(true);
      return true;
    } catch (EOFException e) {
      done = true;
      return false;
    }
  }

  /** Offset of the next gzip member header (1f 8b 08) at or after {@code from}, or -1. */
  private long nextGzipMember(long from) throws IOException {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(SCAN_BUFFER);
    long pos = from;
    long size = file.size();
    while (pos + 3 <= size) {
      buf.clear();
      int n = file.read(buf, pos);
      if (n < 3) {
        return -1;
      }
      byte[] b = buf.array();
      for (int i = 0; i + 2 < n; i++) {
        if (b[i] == 0x1f && (b[i + 1] & 0xFF) == 0x8b && b[i + 2] == 8) {
          return pos + i;
        }
      }
      pos += n - 2;
    }
    return -1;
  }

  /**
   * The error record of a broken container. A gzip WARC file resynchronises at the next gzip
   * member; otherwise the rest of the input is skipped.
   */
  private InputRecord containerProblem(Exception e, long at, String id, String uri) {
    boolean resync = file != null && reader != null && reader.compression() == WarcCompression.GZIP;
    String what = e instanceof EOFException ? "truncated input (unexpected end of the file or of a gzip member)"
        : e instanceof ZipException ? "corrupt gzip data (" + e.getMessage() + ")"
        : e instanceof ParsingException ? "malformed WARC record (" + firstLine(e.getMessage()) + ")"
        : "cannot read the WARC (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")";
    if (resync) {
      resyncFrom = at + 1;
      reader = null;
    } else {
      done = true;
    }
    String source = name + "@" + at;
    return InputRecord.ofError(id != null ? id : source, uri, source, what + (resync
        ? "; reading goes on at the next gzip member" : "; the rest of " + name + " is skipped"));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl);
    return l.length() > 200 ? l.substring(0, 200) + "..." : l;
  }

  /**
   * The record as a pending input record, or null when it is not a document. The body is read here
   * (the reader must move past it); decoding and HTML extraction are left to the pending record.
   */
  private PendingRecord convert(WarcRecord rec, String source) throws IOException {
    if (!(rec instanceof WarcResponse) && !(rec instanceof WarcResource)) {
      return null;
    }
    WarcTargetRecord t = (WarcTargetRecord) rec;
    String uri = t.target();
    if (uri != null && uri.isBlank()) {
      uri = null;
    }
    String id = uri != null ? uri : rec.headers().first("WARC-Record-ID").orElse(source);
    try {
      MessageBody body;
      Optional<String> type;
      if (rec instanceof WarcResponse resp && rec.contentType().base().equals(MediaType.HTTP)) {
        HttpResponse http = resp.http();
        if (http.status() < 200 || http.status() > 299) {
          return null;
        }
        type = http.headers().first("Content-Type");
        if (!isDocument(type)) {
          return null;
        }
        body = http.bodyDecoded();
      } else {
        if (rec instanceof WarcResponse && uri != null && !uri.regionMatches(true, 0, "http", 0, 4)) {
          return null; // dns:, whois:, ... responses
        }
        type = rec.headers().first("Content-Type");
        if (!isDocument(type)) {
          return null;
        }
        body = rec.body();
      }
      Charset cs;
      Boolean html = null;
      if (type.isPresent()) {
        MediaType mt = MediaType.parseLeniently(type.get());
        String base = mt.base().toString().toLowerCase(Locale.ROOT);
        html = base.equals("text/html") || base.equals("application/xhtml+xml");
        try {
          cs = Payloads.charset(mt.parameters().get("charset"));
        } catch (IllegalArgumentException e) {
          return PendingRecord.of(InputRecord.ofError(id, uri, source, e.getMessage()));
        }
      } else {
        cs = null;
      }
      byte[] bytes = body.stream().readNBytes((int) options.maxBytes() + 1);
      if (bytes.length > options.maxBytes()) {
        return PendingRecord.of(InputRecord.ofError(id, uri, source, "larger than the limit of " + options.maxBytes()
            + " bytes"));
      }
      return pending(bytes, cs, html, id, uri, source);
    } catch (EOFException | ZipException e) {
      // The container broke inside this record: no later boundary in this member can be trusted.
      return PendingRecord.of(containerProblem(e, reader.position(), id, uri));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IOException io && !Gzip.brokenData(io)) {
        throw io;
      }
      return PendingRecord.of(unreadable(e, id, uri, source));
    }
  }

  /** Decoding and extraction of a framed body, as one record: a failure is that record's error. */
  private static PendingRecord pending(byte[] bytes, Charset cs, Boolean html, String id, String uri,
      String source) {
    return () -> {
      try {
        return Payloads.record(bytes, bytes.length, cs, html, id, uri, source);
      } catch (RuntimeException e) {
        return unreadable(e, id, uri, source);
      }
    };
  }

  private static InputRecord unreadable(Exception e, String id, String uri, String source) {
    return InputRecord.ofError(id, uri, source, "cannot read the record (" + e.getClass().getSimpleName() + ": "
        + firstLine(e.getMessage()) + ")");
  }

  /** HTML, XHTML, plain text, or no type at all (then the content decides). */
  private static boolean isDocument(Optional<String> type) {
    if (type.isEmpty() || type.get().isBlank()) {
      return true;
    }
    String base = MediaType.parseLeniently(type.get()).base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml") || base.equals("text/plain");
  }

  @Override
  public void close() throws IOException {
    done = true;
    if (file != null) {
      file.close();
    } else if (reader != null) {
      reader.close();
    } else {
      counted.close();
    }
  }
}
