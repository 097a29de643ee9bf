package org.unspin.records;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
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
 * WARC header) one error record names the byte offset and the rest of that file is skipped, since
 * no record boundary can be trusted after it.
 */
final class WarcRecordStream implements RecordStream {
  private final CountingInputStream counted;
  private final String name;
  private final RecordOptions options;
  private WarcReader reader;
  private boolean done;

  WarcRecordStream(InputStream in, String name, RecordOptions options) {
    this.counted = new CountingInputStream(in);
    this.name = name;
    this.options = options;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public InputRecord next() throws IOException {
    while (!done) {
      long offset = reader == null ? 0 : reader.position();
      WarcRecord rec;
      try {
        if (reader == null) {
          reader = new WarcReader(Channels.newChannel(counted));
          reader.setLenient(true);
        }
        Optional<WarcRecord> o = reader.next();
        if (o.isEmpty()) {
          done = true;
          return null;
        }
        rec = o.get();
      } catch (IOException | RuntimeException e) {
        done = true;
        String at = name + "@" + (reader == null ? offset : Math.max(offset, reader.position()));
        return InputRecord.ofError(at, null, at, containerProblem(e));
      }
      InputRecord r = convert(rec, name + "@" + reader.position());
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private String containerProblem(Exception e) {
    String what = e instanceof EOFException ? "truncated input (unexpected end of the file or of a gzip member)"
        : e instanceof ZipException ? "corrupt gzip data (" + e.getMessage() + ")"
        : e instanceof ParsingException ? "malformed WARC record (" + firstLine(e.getMessage()) + ")"
        : "cannot read the WARC (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")";
    return what + "; the rest of " + name + " is skipped";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl);
    return l.length() > 200 ? l.substring(0, 200) + "..." : l;
  }

  /** The record as an input record, or null when it is not a document. */
  private InputRecord convert(WarcRecord rec, String source) {
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
          return InputRecord.ofError(id, uri, source, e.getMessage());
        }
      } else {
        cs = null;
      }
      byte[] bytes = body.stream().readNBytes((int) options.maxBytes() + 1);
      if (bytes.length > options.maxBytes()) {
        return InputRecord.ofError(id, uri, source, "larger than the limit of " + options.maxBytes() + " bytes");
      }
      return Payloads.record(bytes, bytes.length, cs, html, id, uri, source);
    } catch (EOFException | ZipException e) {
      done = true; // the container broke inside this record: no later boundary can be trusted
      return InputRecord.ofError(id, uri, source, containerProblem(e));
    } catch (IOException | RuntimeException e) {
      return InputRecord.ofError(id, uri, source, "cannot read the record (" + e.getClass().getSimpleName() + ": "
          + firstLine(e.getMessage()) + ")");
    }
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
    if (reader != null) {
      reader.close();
    } else {
      counted.close();
    }
  }
}
