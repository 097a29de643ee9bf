package org.unspin.text;

import java.util.Arrays;
import java.util.Objects;
import org.unspin.api.TextSpan;

/**
 * Plain text extracted from a markup document, with an offset map back to the source: for every
 * char {@code i} of {@link #text()}, {@link #sourceOffset(int)} is the UTF-16 offset in the source
 * where it came from. A char decoded from an entity ({@code &amp;}) maps to the entity's {@code &};
 * a line break or space the extractor inserted maps to the source position of the element or
 * whitespace that caused it. Immutable and thread-safe.
 */
public final class ExtractedText {
  private final String source;
  private final String text;
  private final int[] offsets;

  /**
   * Plain text as its own source: the offset map is the identity. Lets callers treat text and HTML
   * input alike.
   */
  public static ExtractedText plain(String text) {
    Objects.requireNonNull(text, "text");
    return new ExtractedText(text, text, null);
  }

  ExtractedText(String source, String text, int[] offsets) {
    if (offsets == null) {
      this.source = source;
      this.text = text;
      this.offsets = null;
      return;
    }
    if (offsets.length != text.length()) {
      throw new IllegalArgumentException("offsets.length must equal text.length() (got " + offsets.length + " and "
          + text.length() + ")");
    }
    this.source = Objects.requireNonNull(source, "source");
    this.text = text;
    this.offsets = offsets;
  }

  /** The extracted plain text: blocks separated by single line breaks, inline whitespace collapsed. */
  public String text() {
    return text;
  }

  /** The source document the offsets point into. */
  public String source() {
    return source;
  }

  /** The source offset of text char {@code index}. */
  public int sourceOffset(int index) {
    Objects.checkIndex(index, text.length());
    return offsets == null ? index : offsets[index];
  }

  /** A copy of the whole offset map. */
  public int[] sourceOffsets() {
    if (offsets == null) {
      int[] identity = new int[text.length()];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = i;
      }
      return identity;
    }
    return offsets.clone();
  }

  /**
   * The source span of text span {@code [start, end)}: from the first char's source offset to just
   * after the last char's source character (after the whole entity when it was one).
   */
  public TextSpan sourceSpan(int start, int end) {
    if (start < 0 || end > text.length() || start >= end) {
      throw new IllegalArgumentException("need 0 <= start < end <= " + text.length() + " (got start=" + start
          + ", end=" + end + ")");
    }
    if (offsets == null) {
      return new TextSpan(start, end);
    }
    int s = offsets[start];
    int last = offsets[end - 1];
    int e = last + 1;
    if (source.charAt(last) == '&') {
      int limit = Math.min(source.length(), last + 34);
      for (int j = last + 1; j < limit; j++) {
        char c = source.charAt(j);
        if (c == ';') {
          e = j + 1;
          break;
        }
        if (!Character.isLetterOrDigit(c) && c != '#') {
          e = j;
          break;
        }
      }
    } else if (Character.isHighSurrogate(source.charAt(last)) && e < source.length()) {
      e++;
    }
    return new TextSpan(Math.min(s, e), Math.max(s, e));
  }

  @Override
  public String toString() {
    return "ExtractedText[" + text.length() + " chars from " + source.length() + "; "
        + (offsets == null ? "identity" : Arrays.toString(Arrays.copyOf(offsets, Math.min(8, offsets.length))))
        + "...]";
  }
}
