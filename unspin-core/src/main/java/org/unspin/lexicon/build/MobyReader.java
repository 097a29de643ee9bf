package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;

/**
 * Reads the Moby Thesaurus II ({@code mthesaur.txt}, shipped as {@code words.txt} in npm package
 * {@code moby}): one entry per line, the headword then its related words, comma-separated. Adds an
 * edge from the headword to each related phrase of at most {@link LexiconBuilder#MAX_WORDS} words,
 * ranked by position (Moby lists are alphabetical, not by sense). Build-time only.
 */
public final class MobyReader {
  private MobyReader() {}

  /** Reads {@code file} into {@code b}; returns a one-line summary. */
  public static String read(Path file, LexiconBuilder b) throws IOException {
    int edges0 = b.edgeCount();
    int entries = 0;
    try (BufferedReader r = ResourceFiles.reader(java.nio.file.Files.newInputStream(file), true)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.split(",");
        String head = LexiconBuilder.normalize(parts[0]);
        if (head == null) {
          continue;
        }
        entries++;
        int rank = 0;
        for (int i = 1; i < parts.length; i++) {
          String syn = LexiconBuilder.normalize(parts[i]);
          if (syn == null) {
            continue;
          }
          b.edge(head, syn, Resource.MOBY, Relation.THESAURUS, 0, ++rank, 0);
        }
      }
    }
    b.info("  | Moby Thesaurus II by Grady Ward, placed in the public domain (Moby Project, 1996).");
    return String.format(Locale.ROOT, "Moby %s: %d entries, %d edges added", file.getFileName(), entries,
        b.edgeCount() - edges0);
  }
}
