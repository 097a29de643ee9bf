package org.unspin.bench.corpus;

import org.unspin.util.Utf8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decoding and clean-up shared by the corpus readers. */
final class CorpusText {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusText.class);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CorpusText() {}

  /**
   * Reads a file as strict UTF-8; a file that is not valid UTF-8 is read as windows-1252 (a
   * superset of Latin-1 for printable characters), and the fallback is logged. One BBC file
   * ({@code sport/199.txt}) is Latin-1 ({@code 0xA3}, the pound sign).
   */
  static String readUtf8OrLatin(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return Utf8.strictDecoder()
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      LOG.debug("{} is not valid UTF-8; reading it as windows-1252", file);
      return new String(bytes, WINDOWS_1252);
    }
  }

  /**
   * The character of a numeric reference: code points 128..159 are read as windows-1252 (news
   * feeds write {@code &#146;} for a right quote), control characters other than tab and line
   * breaks become {@code -1} (dropped), and invalid code points too.
   */
  static int numericCharacter(long code) {
    if (code >= 128 && code <= 159) {
      String s = new String(new byte[] {(byte) code}, WINDOWS_1252);
      return s.charAt(0) == '\uFFFD' ? -1 : s.charAt(0);
    }
    if (code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
      return -1;
    }
    if (code < 32 && code != '\t' && code != '\n' && code != '\r' || code == 127) {
      return -1;
    }
    return (int) code;
  }

  /** The character of a named entity, or {@code -1} when the name is not one of the five XML entities. */
  static int namedCharacter(String name) {
    return switch (name) {
      case "lt" -> '<';
      case "gt" -> '>';
      case "amp" -> '&';
      case "quot" -> '"';
      case "apos" -> '\'';
      default -> -1;
    };
  }

  /**
   * Decodes {@code &lt; &gt; &amp; &quot; &apos; &#N; &#xN;}; an unknown or malformed reference is
   * kept as written. Control characters (see {@link #numericCharacter}) are dropped.
   */
  static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i + 1) : -1;
      if (semi > i + 1 && semi - i <= 10) {
        String ref = s.substring(i + 1, semi);
        int ch = referenceCharacter(ref);
        if (ch != Integer.MIN_VALUE) {
          if (ch >= 0) {
            sb.appendCodePoint(ch);
          }
          i = semi + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  /** The character a reference body stands for, {@code -1} to drop it, MIN_VALUE if it is no reference. */
  private static int referenceCharacter(String ref) {
    if (ref.charAt(0) == '#') {
      boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
      String digits = ref.substring(hex ? 2 : 1);
      if (digits.isEmpty() || digits.length() > 7) {
        return Integer.MIN_VALUE;
      }
      try {
        return numericCharacter(Long.parseLong(digits, hex ? 16 : 10));
      } catch (NumberFormatException e) {
        return Integer.MIN_VALUE;
      }
    }
    int named = namedCharacter(ref);
    return named < 0 ? Integer.MIN_VALUE : named;
  }

  /**
   * Collapses every run of whitespace and control characters to one space and trims. The result
   * is one line.
   */
  static String oneLine(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Appends {@code paragraph} (made one line) to {@code text} as a new line, unless it is empty. */
  static void appendParagraph(StringBuilder text, CharSequence paragraph) {
    String p = oneLine(paragraph);
    if (p.isEmpty()) {
      return;
    }
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(p);
  }
}
