package org.unspin.server;

import java.util.Locale;
import java.util.Map;
import org.unspin.api.InputException;
import org.unspin.text.ExtractedText;
import org.unspin.text.HtmlExtractor;
import org.unspin.text.TextInput;
import org.unspin.util.Json;

/**
 * The text of one API request, decoded from its body: strict UTF-8, or for {@code text/plain} and
 * {@code text/html} the charset the Content-Type names (ISO-8859-1 and US-ASCII read as
 * windows-1252, as browsers do), strictly; binary refused, HTML reduced to its main text with an
 * offset map back to the source.
 *
 * <ul>
 *   <li>{@code text/plain}: the body is the text;
 *   <li>{@code text/html}: the body is an HTML page;
 *   <li>{@code application/json}: {@code {"text": "...", "html": true|false, "top": k}}, where
 *       {@code html} is optional (absent: HTML when the text looks like HTML) and {@code top} is the
 *       number of sources for a trace (default 3);
 *   <li>no content type: like JSON when the body starts with <code>{</code>, else plain text.
 * </ul>
 *
 * @param text the text and, for HTML, its source
 * @param html whether the input was HTML
 * @param top sources wanted from a trace
 */
public record RequestText(ExtractedText text, boolean html, int top) {
  /** Sources returned by a trace when the request does not say. */
  public static final int DEFAULT_TOP = 3;
  /** Most sources one trace request may ask for. */
  public static final int MAX_TOP = 20;

  /**
   * Decodes a body.
   *
   * @param contentType the request's Content-Type header, or null
   * @throws ApiException 400 for empty, binary, undecodable or malformed bodies, 415 for other media
   *     types, an unknown charset, or JSON in another charset than UTF-8
   */
  public static RequestText parse(byte[] body, String contentType) {
    String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    String label = charset(contentType);
    java.nio.charset.Charset charset;
    try {
      charset = label == null || label.equals("us-ascii") ? null : org.unspin.text.Charsets.forLabel(label);
    } catch (IllegalArgumentException e) {
      throw new ApiException(415, e.getMessage() + " (send UTF-8, or a charset Java knows)");
    }
    if (charset != null && !media.equals("text/plain") && !media.equals("text/html")) {
      throw new ApiException(415, "JSON is UTF-8 (got charset=" + label + ")");
    }
    if (body.length == 0) {
      throw new ApiException(400, "empty body: send the text as text/plain or as JSON {\"text\": \"...\"}");
    }
    if (!media.isEmpty() && !media.equals("text/plain") && !media.equals("text/html")
        && !media.equals("application/json")) {
      throw new ApiException(415, "unsupported media type " + media
          + ": send text/plain, text/html or application/json");
    }
    String decoded = decode(body, charset);
    switch (media) {
      case "text/plain":
        return new RequestText(ExtractedText.plain(nonBlank(decoded)), false, DEFAULT_TOP);
      case "text/html":
        return new RequestText(extractHtml(nonBlank(decoded)), true, DEFAULT_TOP);
      case "application/json":
        return fromJson(decoded);
      case "":
        return decoded.stripLeading().startsWith("{") ? fromJson(decoded) : auto(nonBlank(decoded));
      default:
        throw new ApiException(415, "unsupported media type " + media
            + ": send text/plain, text/html or application/json");
    }
  }

  private static String decode(byte[] body, java.nio.charset.Charset charset) {
    try {
      // The body limit is enforced before this, so TextInput's own limit never triggers.
      return new TextInput(Math.max(1, body.length)).decode(body, charset, "request body");
    } catch (InputException e) {
      throw new ApiException(400, e.getMessage());
    }
  }

  private static RequestText fromJson(String body) {
    Map<String, Object> m;
    try {
      m = Json.parseObject(body);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "malformed JSON: " + e.getMessage());
    }
    for (String k : m.keySet()) {
      if (!k.equals("text") && !k.equals("html") && !k.equals("top")) {
        throw new ApiException(400, "unknown field \"" + k + "\" (known: text, html, top)");
      }
    }
    if (!(m.get("text") instanceof String text)) {
      throw new ApiException(400, "JSON body needs a string field \"text\"");
    }
    Object html = m.get("html");
    if (html != null && !(html instanceof Boolean)) {
      throw new ApiException(400, "field \"html\" must be true or false (got " + Json.write(html) + ")");
    }
    int top = DEFAULT_TOP;
    Object t = m.get("top");
    if (t != null) {
      if (!(t instanceof Long n) || n < 1 || n > MAX_TOP) {
        throw new ApiException(400, "field \"top\" must be an integer in 1.." + MAX_TOP + " (got " + Json.write(t)
            + ")");
      }
      top = (int) (long) n;
    }
    if (text.indexOf('\0') >= 0) {
      throw new ApiException(400, "text contains a NUL character");
    }
    nonBlank(text);
    if (html == null) {
      return auto(text).withTop(top);
    }
    return (Boolean) html ? new RequestText(extractHtml(text), true, top)
        : new RequestText(ExtractedText.plain(text), false, top);
  }

  private RequestText withTop(int t) {
    return new RequestText(text, html, t);
  }

  private static RequestText auto(String text) {
    return HtmlExtractor.looksLikeHtml(text) ? new RequestText(extractHtml(text), true, DEFAULT_TOP)
        : new RequestText(ExtractedText.plain(text), false, DEFAULT_TOP);
  }

  private static ExtractedText extractHtml(String html) {
    ExtractedText t = new HtmlExtractor().extract(html);
    if (t.text().isBlank()) {
      throw new ApiException(400, "no text in this HTML page");
    }
    return t;
  }

  private static String nonBlank(String s) {
    if (s.isBlank()) {
      throw new ApiException(400, "empty input: the text is blank");
    }
    return s;
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        return p.substring("charset=".length()).replace("\"", "").trim();
      }
    }
    return null;
  }
}
