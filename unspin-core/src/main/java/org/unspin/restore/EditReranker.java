package org.unspin.restore;

import static org.unspin.util.ModelFields.abbreviate;
import static org.unspin.util.ModelFields.fields;
import static org.unspin.util.ModelFields.number;
import static org.unspin.util.ModelFields.oneLine;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unspin.api.ModelException;
import org.unspin.util.TsvModelFile;
import org.unspin.util.Utf8;

/**
 * A discriminative second opinion on each edit of the decoder's best path: a logistic model over
 * per-edit features ({@link #FEATURES}: posterior, LM gains, channel costs, source, fan-out, sense
 * rank, frequencies, part-of-speech agreement, immutability flags, the document's rate and how
 * often the same substitution recurs in the document) that gives the probability that the edit
 * puts back the original. The restorer keeps an edit when that probability reaches
 * {@link #threshold()} and reports it as the edit's confidence. Trained on simulated spins of
 * permissively licensed text ({@code unspin tune reranker}); immutable and thread-safe.
 *
 * <p>File format {@value #FORMAT_VERSION} (TAB-separated, strict UTF-8, {@code #} comments):
 *
 * <pre>
 * format      unspin-edit-reranker  2
 * feature     NAME  MEAN  SCALE  WEIGHT   (exactly the names of FEATURES, in that order)
 * bias        B
 * threshold   P                          (keep an edit when p >= P)
 * provenance  KEY  VALUE                 (any number)
 * </pre>
 *
 * {@code p = 1 / (1 + exp(-(bias + sum_j WEIGHT_j (x_j - MEAN_j) / SCALE_j)))}. A missing,
 * repeated or misordered field, a non-finite number or a non-positive scale is a
 * {@link ModelException} naming the file and line. Format 1 files (before the "written as it is"
 * features) are still read: they must list exactly the first {@link #FEATURES_V1} features, and
 * the later features get weight 0, so such a model scores edits as it did when it was trained.
 */
public final class EditReranker {
  /** The classpath resource of the shipped reranker (MODEL_CARD.md says how it was trained). */
  public static final String DEFAULT_RESOURCE = "/org/unspin/restore/default-reranker.tsv";
  public static final int FORMAT_VERSION = 2;
  private static final String MAGIC = "unspin-edit-reranker";

  /**
   * The per-edit features, in vector order (see {@code Restorer} for how each is computed):
   * posterior of the edit; LM gain over the candidate's window; LM gain of the path arc alone;
   * channel cost in force and at the prior rate; the local score the lattice pre-selection used;
   * one indicator per candidate source; log10 fan-out; sense rank; log10 frequencies of surface and
   * candidate and their difference; part-of-speech agreement; length change; span length; name,
   * capitalized, number, compound and unknown-surface indicators; the document rate in force; log10
   * of one plus the document counts of this substitution and of its original (leave-one-out); log10
   * of one plus how often the original is written as it is in the input document, and how often the
   * edit's surface occurs elsewhere in it; and the latter again when the former is zero (a surface
   * repeated with its original never beside it: a house abbreviation rather than a spinner's habit).
   */
  public static final List<String> FEATURES = List.of("posterior", "local_gain", "arc_gain", "channel_cost",
      "prior_cost", "local_score", "src_thesaurus", "src_morphology", "src_profile", "src_context", "src_number",
      "log_fanout", "sense_rank", "log_surface_freq", "log_candidate_freq", "freq_gain", "pos_agree",
      "length_change", "span_length", "name", "capitalized", "number", "compound", "surface_unknown", "doc_rate",
      "log_sub_count", "log_orig_count", "log_orig_written", "log_surface_repeats", "repeats_without_orig");

  /** How many of {@link #FEATURES} (its first ones) format 1 files hold. */
  public static final int FEATURES_V1 = 27;

  private final double[] mean;
  private final double[] scale;
  private final double[] weight;
  private final double bias;
  private final double threshold;
  private final Map<String, String> provenance;

  /**
   * @param mean per feature, finite
   * @param scale per feature, finite and {@code > 0}
   * @param weight per feature, finite
   * @param bias finite
   * @param threshold keep edits with probability at least this, in {@code [0, 1]}
   * @param provenance training data and figures, key to value
   */
  public EditReranker(double[] mean, double[] scale, double[] weight, double bias, double threshold,
      Map<String, String> provenance) {
    int n = FEATURES.size();
    if (mean.length != n || scale.length != n || weight.length != n) {
      throw new IllegalArgumentException("need " + n + " means, scales and weights (got " + mean.length + ", "
          + scale.length + ", " + weight.length + ")");
    }
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(mean[j]) || !Double.isFinite(weight[j]) || !(scale[j] > 0 && Double.isFinite(scale[j]))) {
        throw new IllegalArgumentException("feature " + FEATURES.get(j) + ": mean and weight must be finite and scale"
            + " finite and > 0 (got " + mean[j] + ", " + scale[j] + ", " + weight[j] + ")");
      }
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite (got " + bias + ")");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1] (got " + threshold + ")");
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.weight = weight.clone();
    this.bias = bias;
    this.threshold = threshold;
    Map<String, String> copy = new LinkedHashMap<>();
    provenance.forEach((k, v) -> copy.put(oneLine(k), oneLine(v)));
    this.provenance = Collections.unmodifiableMap(copy);
  }

  /** Edits with a probability below this are dropped. */
  public double threshold() {
    return threshold;
  }

  public Map<String, String> provenance() {
    return provenance;
  }

  /** The weight of feature {@code name} on standardized input. */
  public double weight(String name) {
    int j = FEATURES.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("unknown feature '" + name + "'");
    }
    return weight[j];
  }

  /** The same model with another threshold. */
  public EditReranker withThreshold(double p) {
    return new EditReranker(mean, scale, weight, bias, p, provenance);
  }

  /** The probability that an edit with features {@code x} (in {@link #FEATURES} order) is right. */
  public double probability(double[] x) {
    if (x.length != mean.length) {
      throw new IllegalArgumentException("need " + mean.length + " features (got " + x.length + ")");
    }
    double z = bias;
    for (int j = 0; j < x.length; j++) {
      z += weight[j] * (x[j] - mean[j]) / scale[j];
    }
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  // ---------------------------------------------------------------------------------------------
  // Files.

  /** Writes the model in the format of the class javadoc. */
  public void write(Writer w) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# Unspin edit reranker: logistic regression over per-edit features (org.unspin.restore.EditReranker).\n");
    sb.append("# p(edit right) = 1 / (1 + exp(-(bias + sum_j weight_j * (x_j - mean_j) / scale_j)));"
        + " edits with p < threshold are dropped.\n");
    sb.append("# Lines: format | feature NAME MEAN SCALE WEIGHT | bias B | threshold P | provenance KEY VALUE."
        + " TAB-separated, UTF-8.\n");
    sb.append("format\t").append(MAGIC).append('\t').append(FORMAT_VERSION).append('\n');
    for (int j = 0; j < mean.length; j++) {
      sb.append("feature\t").append(FEATURES.get(j)).append('\t').append(mean[j]).append('\t').append(scale[j])
          .append('\t').append(weight[j]).append('\n');
    }
    sb.append("bias\t").append(bias).append('\n');
    sb.append("threshold\t").append(threshold).append('\n');
    TsvModelFile.appendProvenance(sb, provenance);
    w.write(sb.toString());
  }

  public void save(Path file) {
    TsvModelFile.save(file, "edit reranker", this::write);
  }

  public static EditReranker load(Path file) {
    return TsvModelFile.load(file, "edit reranker",
        (in, origin) -> read(new InputStreamReader(in, Utf8.strictDecoder()), origin));
  }

  /** The shipped reranker. @throws ModelException when this build has none */
  public static EditReranker loadDefault() {
    return org.unspin.util.Resources.load(EditReranker.class, DEFAULT_RESOURCE,
        (in, origin) -> read(new InputStreamReader(in, Utf8.strictDecoder()), origin));
  }

  /** Reads a model; {@code origin} names the file in messages. */
  public static EditReranker read(Reader reader, String origin) throws IOException {
    TsvModelFile lines = new TsvModelFile(reader, origin);
    int n = FEATURES.size();
    double[] mean = new double[n];
    double[] scale = new double[n];
    double[] weight = new double[n];
    int features = 0;
    Double bias = null;
    Double threshold = null;
    Map<String, String> provenance = new LinkedHashMap<>();
    boolean format = false;
    int version = FORMAT_VERSION;
    int expected = n;
    while (lines.next()) {
      String where = lines.where();
      String[] f = lines.fields();
      if (!format) {
        fields(f, 3, where, "format " + MAGIC + " " + FORMAT_VERSION);
        if (!f[0].equals("format") || !f[1].equals(MAGIC)) {
          throw new ModelException(where + "not an edit reranker: expected 'format\\t" + MAGIC + "\\t"
              + FORMAT_VERSION + "' first");
        }
        if (f[2].equals("1")) {
          version = 1;
          expected = FEATURES_V1;
        } else if (!f[2].equals(Integer.toString(FORMAT_VERSION))) {
          throw new ModelException(where + "unsupported edit reranker format version '" + abbreviate(f[2])
              + "' (this build reads 1 and " + FORMAT_VERSION + ")");
        }
        format = true;
        continue;
      }
      switch (f[0]) {
        case "feature" -> {
          fields(f, 5, where, "feature NAME MEAN SCALE WEIGHT");
          if (features >= expected || !f[1].equals(FEATURES.get(features))) {
            throw new ModelException(where + "expected feature '"
                + (features < expected ? FEATURES.get(features) : "(none)") + "' here in format " + version
                + " (got '" + abbreviate(f[1]) + "')");
          }
          mean[features] = number(f[2], where);
          scale[features] = number(f[3], where);
          weight[features] = number(f[4], where);
          if (!(scale[features] > 0)) {
            throw new ModelException(where + "scale must be > 0 (got " + f[3] + ")");
          }
          features++;
        }
        case "bias" -> {
          fields(f, 2, where, "bias B");
          if (bias != null) {
            throw new ModelException(where + "bias given twice");
          }
          bias = number(f[1], where);
        }
        case "threshold" -> {
          fields(f, 2, where, "threshold P");
          if (threshold != null) {
            throw new ModelException(where + "threshold given twice");
          }
          threshold = number(f[1], where);
          if (!(threshold >= 0 && threshold <= 1)) {
            throw new ModelException(where + "threshold must be in [0, 1] (got " + f[1] + ")");
          }
        }
        case "provenance" -> TsvModelFile.putProvenance(f, where, provenance);
        default -> throw new ModelException(where + "unknown line type '" + abbreviate(f[0]) + "'");
      }
    }
    String at = origin + ": ";
    if (!format) {
      throw new ModelException(at + "empty edit reranker (no format line)");
    }
    if (features != expected) {
      throw new ModelException(at + "expected " + expected + " feature lines in format " + version + " (got "
          + features + ")");
    }
    for (int j = expected; j < n; j++) {
      scale[j] = 1; // features a format 1 model does not know: weight 0, no effect
    }
    if (bias == null || threshold == null) {
      throw new ModelException(at + "missing '" + (bias == null ? "bias" : "threshold") + "' line");
    }
    return new EditReranker(mean, scale, weight, bias, threshold, provenance);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "EditReranker[%d features, threshold %.3f, %s]", mean.length, threshold,
        provenance);
  }
}
