package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.PhraseTable;
import org.unspin.text.LmText;

/**
 * Counts how often each lexicon phrase (1-3 words) occurs in a text corpus: every {@code .txt} and
 * {@code .txt.gz} file under a directory, in sorted path order, one document per line, tokenized by
 * {@link LmText}; stops after {@code maxWords} tokens. The counts become frequency classes in the
 * compiled lexicon. Build-time only.
 */
public final class FrequencyCounter {
  private FrequencyCounter() {}

  /** Counts into {@code b}; returns a one-line summary. */
  public static String count(Path corpus, long maxWords, LexiconBuilder b) throws IOException {
    String[] phrases = new String[b.phraseCount()];
    for (int i = 0; i < phrases.length; i++) {
      phrases[i] = b.phraseAt(i);
    }
    PhraseTable table = new PhraseTable(phrases);
    long[] counts = new long[phrases.length];
    long[] words = {0};
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".txt") || n.endsWith(".txt.gz"));
      }).sorted().collect(Collectors.toList());
    }
    int used = 0;
    for (Path f : files) {
      if (words[0] >= maxWords) {
        break;
      }
      used++;
      try (BufferedReader r = ResourceFiles.open(f)) {
        String line;
        while ((line = r.readLine()) != null && words[0] < maxWords) {
          LmText.forEachSentence(line, (tokens, count) -> {
            words[0] += count;
            for (int i = 0; i < count; i++) {
              for (int len = 1; len <= LexiconBuilder.MAX_WORDS && i + len <= count; len++) {
                int id = table.find(tokens, i, len);
                if (id >= 0) {
                  counts[id]++;
                }
              }
            }
          });
        }
      }
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        b.addCount(i, counts[i]);
      }
    }
    return String.format(Locale.ROOT, "Frequencies: %d tokens from %d files under %s", words[0], used,
        corpus.getFileName());
  }
}
