package org.unspin.index;

import java.util.Locale;
import java.util.Properties;
import org.unspin.api.ModelException;

/**
 * How a {@link SourceIndex} is built; stored with the index ({@value SourceIndex#PROPERTIES}) so
 * that queries use the same synonym classes and an incompatible index is refused on open.
 *
 * @param holdOut share of lexicon entries left out of the synonym classes, in {@code [0, 1)}; 0 for
 *     a product index, above 0 only to evaluate an unknown spinner
 * @param holdOutSeed seed of the held-out entries (see {@code LexiconDictionary#holdingOut})
 * @param maxClassSize cap on synonym class size, {@code >= 1}
 * @param baselines whether the evaluation baselines' fields (BM25 on raw text, MinHash over 5-word
 *     shingles) are indexed too
 * @param storeText whether the text is stored (needed for alignment; off only for baseline-only indexes)
 */
public record IndexOptions(double holdOut, long holdOutSeed, int maxClassSize, boolean baselines, boolean storeText) {
  public IndexOptions {
    if (!(holdOut >= 0 && holdOut < 1)) {
      throw new IllegalArgumentException("holdOut: must be in [0, 1) (got " + holdOut + ")");
    }
    if (maxClassSize < 1) {
      throw new IllegalArgumentException("maxClassSize: must be >= 1 (got " + maxClassSize + ")");
    }
  }

  /** The product default: full lexicon, default class size, no baselines, text stored. */
  public static IndexOptions defaults() {
    return new IndexOptions(0, 0, SynonymClasses.DEFAULT_MAX_CLASS_SIZE, false, true);
  }

  public IndexOptions withBaselines(boolean on) {
    return new IndexOptions(holdOut, holdOutSeed, maxClassSize, on, storeText);
  }

  public IndexOptions withHoldOut(double fraction, long seed) {
    return new IndexOptions(fraction, seed, maxClassSize, baselines, storeText);
  }

  public IndexOptions withMaxClassSize(int size) {
    return new IndexOptions(holdOut, holdOutSeed, size, baselines, storeText);
  }

  /** The synonym-class description: equal strings mean equal classes over the same lexicon. */
  String classSpec(int phrases, int edges) {
    return String.format(Locale.ROOT, "default-lexicon phrases=%d edges=%d holdout=%s seed=%d max=%d", phrases,
        edges, Double.toString(holdOut), holdOutSeed, maxClassSize);
  }

  void store(Properties p) {
    p.setProperty("holdout", Double.toString(holdOut));
    p.setProperty("holdout.seed", Long.toString(holdOutSeed));
    p.setProperty("class.max", Integer.toString(maxClassSize));
    p.setProperty("baselines", Boolean.toString(baselines));
    p.setProperty("store.text", Boolean.toString(storeText));
  }

  static IndexOptions load(Properties p, String file) {
    try {
      return new IndexOptions(Double.parseDouble(req(p, "holdout", file)), Long.parseLong(req(p, "holdout.seed", file)),
          Integer.parseInt(req(p, "class.max", file)), Boolean.parseBoolean(req(p, "baselines", file)),
          Boolean.parseBoolean(req(p, "store.text", file)));
    } catch (IllegalArgumentException e) {
      throw new ModelException(file + ": bad index options: " + e.getMessage());
    }
  }

  private static String req(Properties p, String key, String file) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new ModelException(file + ": missing '" + key + "'");
    }
    return v.trim();
  }
}
