package org.unspin.bench.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the documents of one split of the evaluation corpora.
 *
 * <p>Keep rule: a document is used only when it has at least {@link #MIN_WORDS} words (runs of
 * letters and digits, headline included). This keeps out Reuters headline-only briefs and
 * unprocessed tables, and nearly empty records; it is applied before the split, so the rule and
 * the split are independent.
 */
public final class Corpora {
  /** Fewest words a document needs to be used. */
  public static final int MIN_WORDS = 20;

  /** Environment variable that overrides the default corpora directory. */
  public static final String ENV = "UNSPIN_CORPORA";

  private Corpora() {}

  /** Whether {@code doc} passes the keep rule. */
  public static boolean isUsable(Document doc) {
    return doc.wordCount() >= MIN_WORDS;
  }

  /**
   * Counts of a {@link #open} stream, updated as it is read.
   */
  public static final class Counts {
    private long read;
    private long tooShort;
    private long otherSplit;
    private long returned;

    /** Documents read from the sources. */
    public long read() {
      return read;
    }

    /** Documents dropped by the keep rule. */
    public long tooShort() {
      return tooShort;
    }

    /** Usable documents of the other splits. */
    public long otherSplit() {
      return otherSplit;
    }

    /** Documents returned. */
    public long returned() {
      return returned;
    }
  }

  /**
   * Opens the usable documents of {@code split} from {@code sources}, source by source in enum
   * order. The readers are opened lazily; {@code counts} (may be null) is updated as the stream is read.
   */
  public static DocumentStream open(Path corporaDir, Set<CorpusSource> sources, Split split, Counts counts)
      throws IOException {
    if (!Files.isDirectory(corporaDir)) {
      throw new java.nio.file.NoSuchFileException(corporaDir.toString(), null, "corpora directory not found");
    }
    for (CorpusSource s : sources) {
      if (!Files.exists(s.location(corporaDir))) {
        throw new java.nio.file.NoSuchFileException(s.location(corporaDir).toString(), null,
            "corpus " + s.label() + " not found");
      }
    }
    Counts c = counts == null ? new Counts() : counts;
    Iterator<CorpusSource> todo = new ArrayList<>(sources).iterator();
    return new DocumentStream() {
      private DocumentStream current;

      @Override
      public Document read() throws IOException {
        while (true) {
          if (current == null) {
            if (!todo.hasNext()) {
              return null;
            }
            current = todo.next().open(corporaDir);
          }
          Document d = current.read();
          if (d == null) {
            current.close();
            current = null;
            continue;
          }
          c.read++;
          if (!isUsable(d)) {
            c.tooShort++;
          } else if (split != null && Split.of(d.id()) != split) {
            c.otherSplit++;
          } else {
            c.returned++;
            return d;
          }
        }
      }

      @Override
      public void close() throws IOException {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    };
  }

  /**
   * The default corpora directory, the first that exists of: {@code $UNSPIN_CORPORA};
   * {@code ../shared/corpora} next to the repository this code runs from (found from the location
   * of its classes or jar); {@code ../shared/corpora} from the working directory;
   * {@code /work/shared/corpora}.
   */
  public static Optional<Path> defaultDirectory() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    repositoryRoot().ifPresent(root -> candidates.add(root.resolve("../shared/corpora")));
    candidates.add(Path.of("").toAbsolutePath().resolve("../shared/corpora"));
    candidates.add(Path.of("/work/shared/corpora"));
    for (Path p : candidates) {
      if (Files.isDirectory(p)) {
        return Optional.of(p.normalize());
      }
    }
    return Optional.empty();
  }

  /** The repository root: the nearest ancestor of the code location that holds {@code mvnw}. */
  static Optional<Path> repositoryRoot() {
    try {
      CodeSource cs = Corpora.class.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return Optional.empty();
      }
      Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath();
      for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("pom.xml"))) {
          return Optional.of(p);
        }
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
