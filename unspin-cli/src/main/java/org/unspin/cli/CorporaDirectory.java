package org.unspin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.CorpusSource;

/** Resolves the {@code --corpora} option of the evaluation commands and checks it holds the corpora asked for. */
final class CorporaDirectory {
  private CorporaDirectory() {}

  /**
   * {@code given}, or the default directory when null; every source in {@code sources} must be in it.
   *
   * @throws UsageException when no directory is found or a corpus is missing from it
   */
  static Path resolve(Path given, Set<CorpusSource> sources) {
    Path dir = given != null ? given : Corpora.defaultDirectory().orElseThrow(() -> new UsageException(
        "no corpora directory found; give one with --corpora DIR or $" + Corpora.ENV));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--corpora: not a directory: " + dir);
    }
    for (CorpusSource cs : sources) {
      if (!Files.exists(cs.location(dir))) {
        throw new UsageException("--corpora: " + dir + " has no " + cs.label() + " corpus (expected "
            + cs.location(dir) + ")");
      }
    }
    return dir;
  }
}
