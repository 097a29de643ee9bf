package org.unspin.lexicon.build;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.NumberWords;

/**
 * Compiles raw resources into one {@link Lexicon}: WordNet, Moby, spelling variants, number words,
 * then frequency counts. Every input but WordNet is optional. Build-time only.
 */
public final class LexiconCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(LexiconCompiler.class);

  /**
   * What to compile.
   *
   * @param wordNet WordNet database directory or jar (required)
   * @param moby Moby thesaurus file, or null
   * @param british British word list, or null (then {@code american} must be null too)
   * @param american American word list, or null
   * @param corpus directory of text for frequency counts, or null
   * @param maxCorpusWords stop counting after this many tokens
   */
  public record Config(Path wordNet, Path moby, Path british, Path american, Path corpus, long maxCorpusWords) {
    /** Validates the combination. */
    public Config {
      if (wordNet == null) {
        throw new IllegalArgumentException("wordNet: required");
      }
      if ((british == null) != (american == null)) {
        throw new IllegalArgumentException("british/american: give both word lists or neither (got british="
            + british + ", american=" + american + ")");
      }
      if (maxCorpusWords <= 0) {
        throw new IllegalArgumentException("maxCorpusWords: must be > 0 (got " + maxCorpusWords + ")");
      }
    }
  }

  private LexiconCompiler() {}

  /** Compiles the lexicon described by {@code config}. */
  public static Lexicon compile(Config config) throws IOException {
    LexiconBuilder b = new LexiconBuilder();
    b.info("Unspin lexicon, compiled by 'unspin lexicon build' (see docs/lexicon.md)");
    step(b, WordNetReader.read(config.wordNet(), b));
    if (config.moby() != null) {
      step(b, MobyReader.read(config.moby(), b));
    }
    if (config.british() != null) {
      step(b, SpellingVariants.read(config.british(), config.american(), b));
    }
    NumberWords.addTo(b);
    step(b, "Number words: cardinals 0-99, ordinals 1-99, hundred, thousand");
    if (config.corpus() != null) {
      step(b, FrequencyCounter.count(config.corpus(), config.maxCorpusWords(), b));
    }
    b.info("Totals: " + b.phraseCount() + " phrases, " + b.edgeCount() + " edges");
    return b.build();
  }

  private static void step(LexiconBuilder b, String summary) {
    LOG.info(summary);
    b.info(summary);
  }
}
