package org.unspin.records;

import java.nio.charset.Charset;
import org.unspin.api.InputException;
import org.unspin.text.HtmlExtractor;
import org.unspin.text.TextInput;

/** Turns a document's bytes into a text or error record: strict decoding, then HTML extraction. */
final class Payloads {
  private static final HtmlExtractor HTML = new HtmlExtractor();
  private static final String NAME = "\u0000record";
  // Sizes are checked by the readers before the bytes are held; this only bounds the decoder.
  private static final TextInput UTF8 = new TextInput(Integer.MAX_VALUE - 8);

  private Payloads() {}

  /**
   * The charset named by a Content-Type {@code charset} parameter. As browsers do (WHATWG
   * Encoding), the labels ISO-8859-1 and US-ASCII mean windows-1252. Null for UTF-8 or no label.
   *
   * @throws IllegalArgumentException for a label Java does not know, with a one-line reason
   */
  static Charset charset(String label) {
    return org.unspin.text.Charsets.forLabel(label);
  }

  /**
   * Decodes {@code bytes[0, len)} with {@code charset} (null: strict UTF-8 with the binary and
   * empty checks of {@link TextInput}) and reduces HTML to its text.
   *
   * @param html true or false when the type is known, null to guess from the content
   */
  static InputRecord record(byte[] bytes, int len, Charset charset, Boolean html, String id, String uri,
      String source) {
    if (len == 0) {
      return InputRecord.ofError(id, uri, source, "empty record");
    }
    String text;
    try {
      text = decode(bytes, len, charset);
    } catch (InputException e) {
      return InputRecord.ofError(id, uri, source, e.getMessage());
    }
    return finish(text, html != null ? html : HtmlExtractor.looksLikeHtml(text), id, uri, source);
  }

  /** A record from already decoded text; HTML is recognised by its content. */
  static InputRecord fromString(String text, String id, String uri, String source) {
    return finish(text, HtmlExtractor.looksLikeHtml(text), id, uri, source);
  }

  private static InputRecord finish(String text, boolean isHtml, String id, String uri, String source) {
    if (isHtml) {
      text = HTML.extract(text).text();
      if (text.isBlank()) {
        return InputRecord.ofError(id, uri, source, "no text in the HTML");
      }
    }
    return InputRecord.ofText(id, uri, source, text, isHtml);
  }

  /** {@link TextInput#decode(byte[], Charset, String)}, its messages without the name (a record's error names it). */
  private static String decode(byte[] bytes, int len, Charset charset) {
    byte[] exact = len == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, len);
    try {
      return UTF8.decode(exact, charset, NAME);
    } catch (InputException e) {
      String m = e.getMessage();
      throw new InputException(m.startsWith(NAME + ": ") ? m.substring(NAME.length() + 2) : m);
    }
  }
}
