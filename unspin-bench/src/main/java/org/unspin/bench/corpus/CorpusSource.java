package org.unspin.bench.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The research corpora Unspin evaluates on, and where each lives under the corpora directory. */
public enum CorpusSource {
  /** BBC news articles, {@code bbc/<category>/NNN.txt}. */
  BBC("bbc"),
  /** Reuters-21578, {@code reuters21578/reut2-NNN.sgm}. */
  REUTERS("reuters21578"),
  /** AG News test set, {@code agnews/test.csv}. */
  AGNEWS("agnews/test.csv");

  private final String relativePath;

  CorpusSource(String relativePath) {
    this.relativePath = relativePath;
  }

  /** The name used in ids and on the command line: {@code bbc}, {@code reuters}, {@code agnews}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Where this corpus lives under {@code corporaDir}. */
  public Path location(Path corporaDir) {
    return corporaDir.resolve(relativePath);
  }

  /** Opens a reader over every document of this corpus, in a fixed order. */
  public DocumentStream open(Path corporaDir) throws IOException {
    Path p = location(corporaDir);
    return switch (this) {
      case BBC -> new BbcReader(p);
      case REUTERS -> new ReutersReader(p);
      case AGNEWS -> new AgNewsReader(p);
    };
  }

  /** Parses a comma-separated list such as {@code bbc,reuters}; blank means all sources. */
  public static Set<CorpusSource> parseList(String list) {
    if (list == null || list.isBlank()) {
      return EnumSet.allOf(CorpusSource.class);
    }
    Set<CorpusSource> out = EnumSet.noneOf(CorpusSource.class);
    for (String part : list.split(",")) {
      String name = part.trim();
      CorpusSource found = null;
      for (CorpusSource s : values()) {
        if (s.label().equalsIgnoreCase(name)) {
          found = s;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("source must be one of bbc, reuters, agnews (got '" + name + "')");
      }
      out.add(found);
    }
    return out;
  }
}
