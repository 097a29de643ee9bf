package org.unspin.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.unspin.api.Edit;
import org.unspin.api.ModelException;
import org.unspin.util.ModelFields;
import org.unspin.util.Resources;
import org.unspin.util.TsvModelFile;
import org.unspin.util.Utf8;

/**
 * What the restorer's confident edits say about a text, measured against clean text. The detector's
 * model was trained on texts of 25 to 400 words spun at 5% to 80% of their words, and it weighs a
 * text's length against its evidence as those texts did: a long text with a few spun phrases in it
 * (a paper with tortured phrases that no list holds, a long story spun lightly) gets a low
 * probability however sure each of its restorations is. This asks instead how often the restorer is
 * that sure that often in clean text.
 *
 * <p>A <em>confident edit</em> is a distinct substitution (surface and suggestion, case ignored)
 * restored with a confidence of at least {@link #minConfidence()}, an abbreviation written out not
 * counted ({@link SignalAnalyzer#abbreviation}); a substitution written again counts once. The
 * restorer made {@code c} of them in clean text of {@code W} words ({@code unspin detect
 * clean-edits}), a rate of about {@code r = (c + 1) / W} a word. A text of {@code n} words with
 * {@code k} confident edits has as many or more by chance with the probability {@code P(N >= k)},
 * {@code N ~ Poisson(r n)}: the {@link Assessment#chance()}. The text is {@link Assessment#spun()}
 * when it has at least {@link #MIN_EDITS} confident edits and that chance is at most {@link
 * #MAX_CHANCE}, the same bound as {@link ListEvidence}'s.
 *
 * <p>File format (UTF-8, TAB-separated, {@code #} comments): {@code format unspin-clean-edits 1};
 * {@code words N}, {@code documents N}, {@code edits N} and {@code min_confidence P}; then {@code
 * provenance KEY VALUE} lines. A malformed file fails with a {@link ModelException} naming the file
 * and line. The counts hold for the restorer that made them: a new default model, channel or
 * reranker needs them counted again.
 *
 * <p>Immutable and thread-safe.
 */
public final class EditEvidence {
  /** The classpath resource of the shipped counts (the default model over the Brown corpus). */
  public static final String DEFAULT_RESOURCE = "/org/unspin/detect/clean-edit-rate.tsv";
  /** The fewest confident edits that can make a text spun. */
  public static final int MIN_EDITS = 3;
  /** The largest chance of as many confident edits in clean text that makes a text spun. */
  public static final double MAX_CHANCE = 1e-3;
  /** The confidence from which an edit counts, unless the counts say otherwise. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.9;

  private static final String FORMAT = "unspin-clean-edits";
  private static final String VERSION = "1";

  private final long words;
  private final long documents;
  private final long edits;
  private final double minConfidence;
  private final Map<String, String> provenance;
  private final double rate;

  /**
   * @param words the words of the clean text the restorer read ({@code >= 1})
   * @param documents its documents ({@code >= 1})
   * @param edits the confident edits the restorer made there, each document's distinct ones ({@code >= 0})
   * @param minConfidence the confidence from which an edit counted, in (0, 1]
   * @param provenance where the counts come from (kept in order)
   */
  public EditEvidence(long words, long documents, long edits, double minConfidence, Map<String, String> provenance) {
    if (words < 1 || documents < 1 || edits < 0) {
      throw new IllegalArgumentException("need words >= 1, documents >= 1 and edits >= 0 (got " + words + ", "
          + documents + ", " + edits + ")");
    }
    if (!(minConfidence > 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be in (0, 1] (got " + minConfidence + ")");
    }
    this.words = words;
    this.documents = documents;
    this.edits = edits;
    this.minConfidence = minConfidence;
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    this.rate = (edits + 1.0) / words;
  }

  /** The words of the clean text counted. */
  public long words() {
    return words;
  }

  /** The documents of the clean text counted. */
  public long documents() {
    return documents;
  }

  /** The confident edits the restorer made in the clean text. */
  public long edits() {
    return edits;
  }

  /** The confidence from which an edit counts. */
  public double minConfidence() {
    return minConfidence;
  }

  /** The rate a word at which the restorer makes a confident edit in clean text ({@code r} above). */
  public double rate() {
    return rate;
  }

  public Map<String, String> provenance() {
    return provenance;
  }

  /**
   * The confident edits among {@code edits}: distinct substitutions (case ignored) with a confidence
   * of at least {@code minConfidence}, abbreviations written out left out.
   */
  public static int confidentEdits(List<Edit> edits, double minConfidence) {
    Set<String> seen = new HashSet<>();
    for (Edit e : edits) {
      if (e.confidence() >= minConfidence && !SignalAnalyzer.abbreviation(e.surface(), e.suggestion())) {
        seen.add(e.surface().toLowerCase(Locale.ROOT) + "\t" + e.suggestion().toLowerCase(Locale.ROOT));
      }
    }
    return seen.size();
  }

  /**
   * The evidence of {@code edits}, a restoration's, in a text of {@code words} word tokens.
   *
   * @param words the text's word count as the detector counts it ({@code >= 0})
   */
  public Assessment assess(List<Edit> edits, int words) {
    if (words < 0) {
      throw new IllegalArgumentException("words must be >= 0 (got " + words + ")");
    }
    int k = confidentEdits(edits, minConfidence);
    return new Assessment(k, words, ListEvidence.poissonTail(k, rate * Math.max(1, words)));
  }

  /**
   * The confident edits of one text.
   *
   * @param edits the text's confident edits
   * @param words the text's word count
   * @param chance the probability that clean text of {@code words} words has as many
   */
  public record Assessment(int edits, int words, double chance) {
    /** True when the edits alone make the text spun (see {@link EditEvidence}). */
    public boolean spun() {
      return edits >= MIN_EDITS && chance <= MAX_CHANCE;
    }
  }

  /** The shipped counts. */
  public static EditEvidence loadDefault() {
    return Resources.load(EditEvidence.class, DEFAULT_RESOURCE, EditEvidence::read);
  }

  /** Reads counts from a file. */
  public static EditEvidence load(Path file) {
    return TsvModelFile.load(file, "clean-edits", EditEvidence::read);
  }

  /** Reads counts from UTF-8 bytes; {@code origin} names them in messages. */
  public static EditEvidence read(InputStream in, String origin) throws IOException {
    TsvModelFile f = new TsvModelFile(new InputStreamReader(in, Utf8.strictDecoder()), origin);
    if (!f.next() || !f.line().equals("format\t" + FORMAT + "\t" + VERSION)) {
      throw new ModelException(origin + ": not an unspin clean-edits file (want a first line 'format\t" + FORMAT
          + "\t" + VERSION + "')");
    }
    long[] counts = {-1, -1, -1}; // words, documents, edits
    double minConfidence = Double.NaN;
    Map<String, String> provenance = new LinkedHashMap<>();
    while (f.next()) {
      String[] x = f.fields();
      String where = f.where();
      switch (x[0]) {
        case "words", "documents", "edits" -> {
          if (x.length != 2) {
            throw new ModelException(where + "want '" + x[0] + "<TAB>N'");
          }
          int i = x[0].equals("words") ? 0 : x[0].equals("documents") ? 1 : 2;
          if (counts[i] >= 0) {
            throw new ModelException(where + "repeated '" + x[0] + "'");
          }
          counts[i] = ModelFields.whole(x[1], i == 2 ? 0 : 1, where);
        }
        case "min_confidence" -> {
          if (x.length != 2) {
            throw new ModelException(where + "want 'min_confidence<TAB>P'");
          }
          if (!Double.isNaN(minConfidence)) {
            throw new ModelException(where + "repeated 'min_confidence'");
          }
          minConfidence = ModelFields.number(x[1], where);
          if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new ModelException(where + "min_confidence must be in (0, 1] (got " + x[1] + ")");
          }
        }
        case "provenance" -> TsvModelFile.putProvenance(x, where, provenance);
        default -> throw new ModelException(where + "unknown line type '" + ModelFields.abbreviate(x[0]) + "'");
      }
    }
    String[] names = {"words", "documents", "edits"};
    for (int i = 0; i < 3; i++) {
      if (counts[i] < 0) {
        throw new ModelException(origin + ": missing '" + names[i] + "' line");
      }
    }
    if (Double.isNaN(minConfidence)) {
      throw new ModelException(origin + ": missing 'min_confidence' line");
    }
    return new EditEvidence(counts[0], counts[1], counts[2], minConfidence, provenance);
  }

  /** Writes these counts with their provenance. */
  public void write(Writer w) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# The restorer's confident edits in clean text (unspin detect clean-edits): distinct substitutions\n"
        + "# restored with at least min_confidence, abbreviations written out left out. See docs/detect.md,\n"
        + "# 'The edits' evidence'.\n");
    sb.append("format\t").append(FORMAT).append('\t').append(VERSION).append('\n');
    sb.append("words\t").append(words).append('\n');
    sb.append("documents\t").append(documents).append('\n');
    sb.append("edits\t").append(edits).append('\n');
    sb.append("min_confidence\t").append(minConfidence).append('\n');
    TsvModelFile.appendProvenance(sb, provenance);
    w.write(sb.toString());
  }
}
