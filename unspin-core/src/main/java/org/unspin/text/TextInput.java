package org.unspin.text;

import org.unspin.util.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.unspin.api.InputException;
import org.unspin.api.UnspinException;

/**
 * Reads user input as strict UTF-8 text. A UTF-8 byte order mark is dropped; every other problem
 * is an {@link InputException} whose message starts with the input's name:
 * <ul>
 *   <li>{@code NAME: invalid UTF-8 at byte offset N} (N counts from the first byte, BOM included);
 *       but an HTML page that is not valid UTF-8 and declares another charset in a {@code meta} tag
 *       of its first 1024 bytes ({@link Charsets#declaredInHtml}) is read in that charset, strictly
 *       ({@code NAME: invalid windows-1252 at byte offset N (...)} if it is not that either);
 *   <li>{@code NAME: looks like binary data (...)} for NUL bytes, known binary signatures (gzip,
 *       zip, PDF, images, executables) or mostly control characters;
 *   <li>{@code NAME: UTF-16 text (byte order mark ...) is not supported; convert it to UTF-8};
 *   <li>{@code NAME: empty input} when nothing but whitespace remains;
 *   <li>{@code NAME: input is larger than the limit of N bytes}.
 * </ul>
 * Line endings are kept as they are (LF, CRLF or lone CR), so offsets computed on the returned
 * string index the input as decoded. For big corpus files read line by line with {@link #lines}.
 * Immutable and thread-safe.
 */
public final class TextInput {
  /** Default size limit: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  // Share of control characters above which decoded text is taken for binary data.
  private static final double MAX_CONTROL_SHARE = 0.10;

  // A few stray bad bytes are reported with their offset; this many (and a tenth of the sample) mean binary.
  private static final int MIN_BAD_FOR_BINARY = 8;

  private final long maxBytes;

  /**
   * @param maxBytes largest accepted input in bytes, {@code 1 .. Integer.MAX_VALUE - 8}
   */
  public TextInput(long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be in 1.." + (Integer.MAX_VALUE - 8) + " (got " + maxBytes + ")");
    }
    this.maxBytes = maxBytes;
  }

  /** Input with the default limit ({@link #DEFAULT_MAX_BYTES}). */
  public static TextInput withDefaults() {
    return new TextInput(DEFAULT_MAX_BYTES);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads and decodes a file; the file name is used in messages. A name ending in {@code .gz} is
   * decompressed first (the size limit applies to the decompressed bytes).
   */
  public String read(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw new InputException(name + ": is a directory, not a text file");
      }
      boolean gz = isGzipName(file);
      if (!gz && Files.isRegularFile(file) && Files.size(file) > maxBytes) {
        throw tooLarge(name);
      }
      try (InputStream in = open(file, name)) {
        return read(in, name);
      }
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new InputException(name + ": permission denied", e);
    } catch (IOException e) {
      throw new UnspinException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a stream to its end (it is not closed) and decodes it. */
  public String read(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) maxBytes + 1);
    } catch (IOException e) {
      throw new UnspinException(name + ": cannot read: " + e.getMessage(), e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(name);
    }
    return decode(bytes, name);
  }

  /** Decodes bytes as described in the class comment. */
  public String decode(byte[] bytes, String name) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(name, "name");
    if (bytes.length > maxBytes) {
      throw tooLarge(name);
    }
    checkNotBinary(bytes, name);
    int offset = hasUtf8Bom(bytes, bytes.length) ? 3 : 0;
    int[] errorAt = new int[1];
    String text = decodeOrNull(newDecoder(), bytes, offset, errorAt);
    if (text == null) {
      String declared = Charsets.declaredInHtml(bytes, offset, bytes.length);
      Charset charset = null;
      String why = "";
      if (declared != null) {
        try {
          charset = Charsets.forLabel(declared);
        } catch (IllegalArgumentException e) {
          why = " (the page declares charset \"" + declared + "\", which is not supported)";
        }
      }
      if (charset != null) {
        return decodeDeclared(bytes, offset, charset, name);
      }
      if (mostlyUndecodable(bytes)) {
        throw binary(name, "mostly invalid UTF-8");
      }
      throw new InputException(name + ": invalid UTF-8 at byte offset " + errorAt[0] + why);
    }
    checkText(text, name);
    return text;
  }

  /** Refuses known binary signatures and NUL bytes. */
  private static void checkNotBinary(byte[] bytes, String name) {
    checkStart(bytes, bytes.length, name);
    int nul = indexOf(bytes, 0, bytes.length, (byte) 0);
    if (nul >= 0) {
      throw binary(name, "NUL byte at byte offset " + nul);
    }
  }

  /**
   * {@code bytes[offset..]} decoded by {@code d} (strict), or null with the offset of the first bad
   * byte in {@code errorAt[0]}.
   */
  private static String decodeOrNull(CharsetDecoder d, byte[] bytes, int offset, int[] errorAt) {
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
        (long) Math.ceil((bytes.length - offset) * (double) d.maxCharsPerByte()) + 16));
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      errorAt[0] = in.position();
      return null;
    }
    out.flip();
    return out.toString();
  }

  /**
   * Decodes bytes in {@code charset} (null: as {@link #decode(byte[], String)}), strictly, with the
   * same size, binary and empty checks: {@code NAME: invalid CHARSET at byte offset N} for bytes that
   * are not that charset. For a text whose charset is known from elsewhere (an HTTP header).
   */
  public String decode(byte[] bytes, Charset charset, String name) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(name, "name");
    if (charset == null) {
      return decode(bytes, name);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(name);
    }
    boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    if (!wide) {
      checkNotBinary(bytes, name);
    }
    return strict(bytes, 0, charset, name, "");
  }

  /**
   * Decodes an HTML page that is not UTF-8 in the charset its {@code meta} tag declares, strictly,
   * as a browser would read it.
   */
  private String decodeDeclared(byte[] bytes, int offset, Charset charset, String name) {
    return strict(bytes, offset, charset, name, " (the charset the page declares; it is not UTF-8 either)");
  }

  private String strict(byte[] bytes, int offset, Charset charset, String name, String why) {
    int[] errorAt = new int[1];
    String text = decodeOrNull(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT), bytes, offset, errorAt);
    if (text == null) {
      throw new InputException(name + ": invalid " + charset.name() + " at byte offset " + errorAt[0] + why);
    }
    checkText(text, name);
    return text;
  }

  /**
   * Streams a big file line by line with the same strict checks (see {@link TextLines}); a name
   * ending in {@code .gz} is decompressed on the fly (byte offsets then count decompressed bytes).
   *
   * @param maxLineBytes longest accepted line in bytes
   */
  public static TextLines lines(Path file, int maxLineBytes) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    try {
      return new TextLines(open(file, name), name, maxLineBytes);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file", e);
    } catch (IOException e) {
      throw new UnspinException(name + ": cannot open: " + e.getMessage(), e);
    }
  }

  private static boolean isGzipName(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static InputStream open(Path file, String name) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (!isGzipName(file)) {
      return raw;
    }
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (ZipException e) {
      raw.close();
      throw new InputException(name + ": not in gzip format (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  // ---------------------------------------------------------------- checks shared with TextLines

  static CharsetDecoder newDecoder() {
    return Utf8.strictDecoder();
  }

  static boolean hasUtf8Bom(byte[] b, int len) {
    return len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** Rejects UTF-16/32 byte order marks and known binary signatures at the start of the input. */
  static void checkStart(byte[] b, int len, String name) {
    if (len >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      throw new InputException(name + ": UTF-32 text (byte order mark 00 00 FE FF) is not supported; convert it to UTF-8");
    }
    if (len >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      throw new InputException(name + ": UTF-16 text (byte order mark FE FF) is not supported; convert it to UTF-8");
    }
    if (len >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      throw new InputException(name + ": UTF-16 text (byte order mark FF FE) is not supported; convert it to UTF-8");
    }
    String kind = signature(b, len);
    if (kind != null) {
      throw binary(name, kind + " signature");
    }
  }

  private static String signature(byte[] b, int len) {
    if (starts(b, len, 0x1F, 0x8B)) {
      return "gzip";
    }
    if (starts(b, len, 'P', 'K', 3, 4)) {
      return "zip";
    }
    if (starts(b, len, '%', 'P', 'D', 'F', '-')) {
      return "PDF";
    }
    if (starts(b, len, 0x89, 'P', 'N', 'G')) {
      return "PNG";
    }
    if (starts(b, len, 0xFF, 0xD8, 0xFF)) {
      return "JPEG";
    }
    if (starts(b, len, 'G', 'I', 'F', '8')) {
      return "GIF";
    }
    if (starts(b, len, 0x7F, 'E', 'L', 'F')) {
      return "ELF executable";
    }
    if (starts(b, len, 0xCA, 0xFE, 0xBA, 0xBE)) {
      return "Java class";
    }
    if (starts(b, len, 'B', 'Z', 'h')) {
      return "bzip2";
    }
    if (starts(b, len, 0xFD, '7', 'z', 'X', 'Z')) {
      return "xz";
    }
    return null;
  }

  private static boolean starts(byte[] b, int len, int... sig) {
    if (len < sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[i] & 0xFF) != sig[i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] b, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** True when at least 8 sequences and more than a tenth of the first 4 KiB do not decode: binary data, not a stray bad byte. */
  private static boolean mostlyUndecodable(byte[] bytes) {
    int len = Math.min(bytes.length, 4096);
    String sample = new String(bytes, 0, len, StandardCharsets.UTF_8);
    int bad = 0;
    for (int i = 0; i < sample.length(); i++) {
      if (sample.charAt(i) == '\uFFFD') {
        bad++;
      }
    }
    return bad >= MIN_BAD_FOR_BINARY && bad > MAX_CONTROL_SHARE * sample.length();
  }

  /** Rejects decoded text that is mostly control characters, or that has nothing but whitespace. */
  static void checkText(CharSequence text, String name) {
    int controls = 0;
    boolean content = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        if (c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x85) {
          controls++;
        }
      } else if (!content && !isBlank(c)) {
        content = true;
      }
    }
    if (controls > 0 && controls > MAX_CONTROL_SHARE * n) {
      throw binary(name, String.format(Locale.ROOT, "%d%% control characters", Math.round(100.0 * controls / n)));
    }
    if (!content) {
      throw new InputException(name + ": empty input");
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT;
  }

  static InputException binary(String name, String why) {
    return new InputException(name + ": looks like binary data (" + why + ")");
  }

  private InputException tooLarge(String name) {
    return new InputException(name + ": input is larger than the limit of " + maxBytes + " bytes");
  }
}
