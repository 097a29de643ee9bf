package org.unspin.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the BBC news corpus: {@code <dir>/<category>/<NNN>.txt}, one article per file, the
 * headline on the first line and one paragraph per non-empty line after it. The id is
 * {@code bbc/<category>/<NNN>}. Files are read as strict UTF-8 with a windows-1252 fallback (see
 * {@link CorpusText#readUtf8OrLatin}). A few articles carry HTML references ({@code communiqu&#233;},
 * {@code &lt;}); they are decoded. Categories and files are visited in name order.
 */
public final class BbcReader implements DocumentStream {
  private static final Pattern FILE_NAME = Pattern.compile("\\d+\\.txt");

  private final List<Path> files;
  private final Path dir;
  private int next;

  /** Lists the articles under {@code dir} (the {@code bbc} directory itself). */
  public BbcReader(Path dir) throws IOException {
    this.dir = dir;
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "not a directory");
    }
    List<Path> found = new ArrayList<>();
    for (Path category : sorted(dir)) {
      if (Files.isDirectory(category)) {
        for (Path f : sorted(category)) {
          if (FILE_NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
            found.add(f);
          }
        }
      }
    }
    this.files = found;
  }

  private static List<Path> sorted(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }

  @Override
  public Document read() throws IOException {
    if (next >= files.size()) {
      return null;
    }
    Path f = files.get(next++);
    String raw = CorpusText.readUtf8OrLatin(f);
    StringBuilder text = new StringBuilder(raw.length());
    for (String line : raw.split("\r\n|\r|\n", -1)) {
      CorpusText.appendParagraph(text, CorpusText.decodeEntities(line));
    }
    String name = f.getFileName().toString();
    String id = "bbc/" + dir.relativize(f.getParent()).toString().replace('\\', '/') + "/"
        + name.substring(0, name.length() - ".txt".length());
    return new Document(id, text.toString());
  }
}
