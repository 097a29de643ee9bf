package org.unspin.lm;

import org.unspin.util.Utf8;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.unspin.api.InputException;
import org.unspin.api.UnspinException;
import org.unspin.text.LmSentenceSink;
import org.unspin.text.LmText;

/**
 * Reads training text for the LM builder: plain or gzip-compressed ({@code .gz}) UTF-8 files, one
 * document per line or running text, and feeds it sentence by sentence through
 * {@link LmText#forEachSentence}.
 *
 * <p>Each line is split into sentences on its own: a line break always ends a sentence, so a
 * corpus with one document (or one sentence, or one headline) per line keeps its units apart. Text
 * wrapped at a fixed width therefore has its sentences cut at line ends; join such lines before
 * building. Lines longer than {@link #MAX_CHUNK_CHARS} are split at a space before that length, to
 * bound the work on a single piece.
 *
 * <p>Directories are walked recursively in sorted path order (for reproducible builds); inside a
 * directory only files named {@code *.txt} or {@code *.gz} are read (so README or PROVENANCE files
 * are skipped). Files given directly are read whatever their name. Decoding is strict: a malformed
 * byte sequence raises an {@link InputException} naming the file and the line.
 */
public final class LmCorpus {
  /** Longest piece of a line handed to the sentence splitter at once. */
  public static final int MAX_CHUNK_CHARS = 1 << 16;

  private final List<Path> files;

  private LmCorpus(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** Resolves {@code inputs} (files and directories) into the list of files to read. */
  public static LmCorpus of(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> walk = Files.walk(in)) {
          walk.filter(Files::isRegularFile).filter(LmCorpus::isCorpusFileName)
              .map(Path::toString).sorted().forEach(s -> files.add(Path.of(s)));
        } catch (IOException e) {
          throw new InputException("cannot list directory " + in + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(in)) {
        files.add(in);
      } else {
        throw new InputException("no such file or directory: " + in);
      }
    }
    return new LmCorpus(files);
  }

  private static boolean isCorpusFileName(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".gz"));
  }

  public List<Path> files() {
    return files;
  }

  /** Calls {@code sink} for every sentence of every file, in order. */
  public void forEachSentence(LmSentenceSink sink) {
    for (Path f : files) {
      readFile(f, sink);
    }
  }

  private static void readFile(Path file, LmSentenceSink sink) {
    CharsetDecoder dec = Utf8.strictDecoder();
    long line = 0;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
            ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] buf = new byte[1 << 16];
      byte[] lineBytes = new byte[1 << 12];
      int lineLen = 0;
      boolean eof = false;
      while (!eof) {
        int got = in.read(buf);
        if (got < 0) {
          eof = true;
          if (lineLen == 0) {
            break;
          }
        }
        int start = 0;
        for (int i = 0; i <= (eof ? 0 : got - 1); i++) {
          if (!eof && buf[i] != '\n') {
            continue;
          }
          int len = eof ? 0 : i - start;
          if (lineLen + len > lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, Math.max(lineLen + len, lineBytes.length * 2));
          }
          if (!eof) {
            System.arraycopy(buf, start, lineBytes, lineLen, len);
          }
          lineLen += len;
          line++;
          int from = line == 1 && lineLen >= 3 && lineBytes[0] == (byte) 0xEF && lineBytes[1] == (byte) 0xBB
              && lineBytes[2] == (byte) 0xBF ? 3 : 0;
          CharBuffer text = dec.decode(ByteBuffer.wrap(lineBytes, from, lineLen - from));
          lineLen = 0;
          start = i + 1;
          addLine(text, sink);
        }
        if (!eof && start < got) {
          int len = got - start;
          if (lineLen + len > lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, Math.max(lineLen + len, lineBytes.length * 2));
          }
          System.arraycopy(buf, start, lineBytes, lineLen, len);
          lineLen += len;
        }
      }
    } catch (CharacterCodingException e) {
      throw new InputException(file + ": invalid UTF-8 at line " + line, e);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file: " + file, e);
    } catch (ZipException | EOFException e) {
      throw new InputException(file + ": broken gzip data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnspinException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void addLine(CharSequence s, LmSentenceSink sink) {
    int start = 0;
    int n = s.length();
    while (n - start > MAX_CHUNK_CHARS) {
      int cut = start + MAX_CHUNK_CHARS;
      while (cut > start && !Character.isWhitespace(s.charAt(cut))) {
        cut--;
      }
      if (cut == start) {
        cut = start + MAX_CHUNK_CHARS;
      }
      LmText.forEachSentence(s.subSequence(start, cut), sink);
      start = cut;
    }
    if (start < n) {
      LmText.forEachSentence(start == 0 ? s : s.subSequence(start, n), sink);
    }
  }
}
