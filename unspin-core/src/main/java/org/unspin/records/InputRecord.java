package org.unspin.records;

import java.util.Locale;
import java.util.Objects;

/**
 * One input document, or one input record that could not be read (then {@link #error} is set and
 * {@link #text} is null). Produced by a {@link RecordStream}; immutable.
 *
 * @param id the document's identity in reports: the file path as given (relative paths kept), the
 *     JSONL record's id field (else {@code <file>#<line>}), or the WARC-Target-URI (else the
 *     WARC-Record-ID)
 * @param uri the URL when known (WARC target URI, JSONL {@code url} field), else null
 * @param source where the record came from, for messages: {@code <file>}, {@code <file>#<line>} or
 *     {@code <file>@<byte offset>} (offsets count the bytes on disk, compressed ones included)
 * @param text the plain text to check (HTML already reduced with
 *     {@link org.unspin.text.HtmlExtractor}), null exactly when {@code error} is set
 * @param html whether the text came from HTML
 * @param error a one-line reason when the record is bad (undecodable, truncated gzip, too big,
 *     empty, ...), else null
 */
public record InputRecord(String id, String uri, String source, String text, boolean html, String error) {

  public InputRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    if ((text == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of text and error must be set (got text "
          + (text == null ? "null" : "of length " + text.length()) + ", error " + error + ")");
    }
    if (error != null && (error.indexOf('\n') >= 0 || error.indexOf('\r') >= 0)) {
      throw new IllegalArgumentException("error must be one line (got \"" + error + "\")");
    }
  }

  /** A readable document. */
  public static InputRecord ofText(String id, String uri, String source, String text, boolean html) {
    return new InputRecord(id, uri, source, Objects.requireNonNull(text, "text"), html, null);
  }

  /** A bad record; line breaks in {@code reason} become spaces. */
  public static InputRecord ofError(String id, String uri, String source, String reason) {
    Objects.requireNonNull(reason, "reason");
    return new InputRecord(id, uri, source, null, false, reason.replace("\r\n", " ").replace('\n', ' ')
        .replace('\r', ' '));
  }

  public boolean isError() {
    return error != null;
  }

  /**
   * The host of {@link #uri} in lower case, without user info, port or a trailing dot; null when
   * there is no URI or it names no host.
   */
  public String host() {
    return hostOf(uri);
  }

  static String hostOf(String uri) {
    if (uri == null) {
      return null;
    }
    int scheme = uri.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int start = scheme + 3;
    int end = start;
    while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
      end++;
    }
    String authority = uri.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String host;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close < 0 ? authority : authority.substring(0, close + 1);
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
    }
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
  }
}
