package org.unspin.index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.DefaultModels;
import org.unspin.lm.InterpolatedLm;
import org.unspin.lm.LmBuildConfig;
import org.unspin.lm.LmBuilder;
import org.unspin.lm.NgramModelData;

/**
 * Builds the domain language model of an index ({@value SourceIndex#DOMAIN_LM}) from its stored
 * texts with {@link LmBuilder}: a publisher's own archive then helps restore copies of it, and
 * texts of its subjects that are not copies. The text is written to a temporary file in the index
 * directory first (LmBuilder reads files), then deleted.
 *
 * <p>Every {@value #HOLD_OUT_EVERY}th document (at most {@value #MAX_HELD_OUT_CHARS} chars of
 * them) is left out of the model, and the model's interpolation weight against the default model
 * is fitted on those by EM ({@link InterpolatedLm#fitWeights}) and stored in its metadata ({@link
 * Unspin#INTERPOLATION_WEIGHT_KEY}), which {@code check --index} and the others use when no
 * weights are given. On the news train split (3 M words) the fit gives the domain model 0.68 for a
 * trigram and 0.73 for a 4-gram, where equal weights left 1–2 points of restoration on news dev
 * (BENCHMARKS.md §7p). An index of fewer than {@value #MIN_DOCS_TO_FIT} documents keeps them all
 * and gets no fitted weight (equal weights then).
 */
public final class DomainLm {
  /** Order of the domain model (a 4-gram restored 0.3–1.3 points more than a trigram on news dev, §7p). */
  public static final int ORDER = 4;
  /** Every this-many-th document is held out of the model to fit its weight. */
  static final int HOLD_OUT_EVERY = 20;
  /** Most held-out text (the fit asks both models once per word). */
  static final int MAX_HELD_OUT_CHARS = 1 << 20;
  /** Fewest documents an index needs for a held-out fit. */
  static final int MIN_DOCS_TO_FIT = 2 * HOLD_OUT_EVERY;
  /** Counting memory of the build; past it the builder spills sorted runs to disk. */
  static final long MEMORY_BYTES = 256L << 20;

  /** Bounds of a fitted weight (neither model is ever left out). */
  static final double MIN_WEIGHT = 0.05;
  static final double MAX_WEIGHT = 0.95;

  private DomainLm() {}

  /**
   * Builds {@code index}'s domain model into its directory and returns the path.
   *
   * @throws org.unspin.api.InputException when the index holds no text
   */
  public static Path build(SourceIndex index) {
    Path dir = index.directory();
    Path corpus = dir.resolve("domain-lm-corpus.txt");
    Path tmp = dir.resolve("domain-lm-tmp");
    boolean fit = index.documentCount() >= MIN_DOCS_TO_FIT;
    StringBuilder heldOut = new StringBuilder();
    int heldOutDocs = 0;
    int seen = 0;
    try {
      Files.createDirectories(tmp);
      try (BufferedWriter w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
        for (LeafReaderContext ctx : index.reader().leaves()) {
          LeafReader leaf = ctx.reader();
          Bits live = leaf.getLiveDocs();
          StoredFields fields = leaf.storedFields();
          for (int d = 0; d < leaf.maxDoc(); d++) {
            if (live != null && !live.get(d)) {
              continue;
            }
            String text = fields.document(d).get(SourceIndex.FIELD_TEXT);
            if (text == null) {
              continue;
            }
            if (fit && ++seen % HOLD_OUT_EVERY == 0 && heldOut.length() < MAX_HELD_OUT_CHARS) {
              heldOut.append(text).append("\n\n");
              heldOutDocs++;
            } else {
              w.write(text);
              w.write("\n\n");
            }
          }
        }
      }
      LmBuilder builder = new LmBuilder(new LmBuildConfig(ORDER, MEMORY_BYTES, new int[0], 0, 1, tmp));
      NgramModelData data = builder.build(List.of(corpus));
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("sources", "texts of the source index " + dir.getFileName());
      meta.put("smoothing", "interpolated modified Kneser-Ney");
      meta.put("tokens", Long.toString(builder.tokens()));
      meta.put("build-command", "unspin index build --domain-lm");
      Path out = dir.resolve(SourceIndex.DOMAIN_LM);
      BinaryLmWriter.write(data, out, new BinaryLmWriter.Options(8, meta));
      if (heldOutDocs > 0) {
        double weight;
        try (BinaryLm domain = BinaryLm.open(out)) {
          weight = InterpolatedLm.fitWeights(List.of(DefaultModels.languageModel(), domain), heldOut)[1];
        } catch (InputException noWords) {
          return out; // held-out documents without a word: equal weights
        }
        weight = Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, weight));
        meta.put(Unspin.INTERPOLATION_WEIGHT_KEY, String.format(Locale.ROOT, "%.4f", weight));
        meta.put(Unspin.INTERPOLATION_WEIGHT_KEY + "-fit", "EM against the default model on " + heldOutDocs
            + " held-out documents of the index (" + heldOut.length() + " chars), which the model leaves out");
        BinaryLmWriter.write(data, out, new BinaryLmWriter.Options(8, meta));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("building the domain LM of " + dir, e);
    } finally {
      try {
        Files.deleteIfExists(corpus);
        if (Files.isDirectory(tmp)) {
          try (var s = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) s::iterator) {
              Files.deleteIfExists(p);
            }
          }
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // leftovers in the index directory are harmless
      }
    }
  }
}
