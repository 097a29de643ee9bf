package org.unspin.detect;

import static org.unspin.util.ModelFields.abbreviate;
import static org.unspin.util.ModelFields.fields;
import static org.unspin.util.ModelFields.number;
import static org.unspin.util.ModelFields.oneLine;

import org.unspin.util.TsvModelFile;
import org.unspin.util.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unspin.api.ModelException;

/**
 * A trained document classifier: standardized features, logistic-regression weights, Platt
 * calibration, the verdict thresholds chosen at training time, and where the training data came
 * from. Stored as a small self-documenting text file (STYLE.md habit 9), format version
 * {@value #FORMAT_VERSION}:
 *
 * <pre>
 * # comment lines start with '#'; fields are separated by one TAB
 * format      unspin-detector  1
 * feature     NAME  MEAN  SCALE  WEIGHT     (one line per feature, in vector order)
 * bias        B
 * platt       A  B  [C  M]                  (p = 1 / (1 + exp(-(A z + B + C (L - M)))), L = log_length;
 *                                           C and M since session 24, 0 when left out)
 * threshold   spun   P
 * threshold   clean  P
 * provenance  KEY  VALUE                    (any number; free text without tabs)
 * </pre>
 *
 * The logit is {@code z = bias + sum_j WEIGHT_j (x_j - MEAN_j) / SCALE_j}. Reading is strict: an
 * unknown line type, a missing or repeated field, a non-finite number, a non-positive scale or bad
 * UTF-8 is a {@link ModelException} naming the file and line.
 *
 * @param features the features with their standardization and weight, in vector order
 * @param bias the intercept
 * @param calibration maps the logit to a probability
 * @param spunThreshold default verdict threshold for spun
 * @param cleanThreshold default verdict threshold for clean, {@code <= spunThreshold}
 * @param provenance training data, settings and dev-set figures, key to value, in file order
 */
public record DetectorModel(List<Feature> features, double bias, PlattCalibration calibration, double spunThreshold,
    double cleanThreshold, Map<String, String> provenance) {

  /** The classpath resource of the shipped detector (see MODEL_CARD.md for its training data). */
  public static final String DEFAULT_RESOURCE = "/org/unspin/detect/default-detector.tsv";
  /** The format version this code reads and writes. */
  public static final int FORMAT_VERSION = 1;
  private static final String MAGIC = "unspin-detector";

  /**
   * One feature of the model.
   *
   * @param name the feature name (see {@link DocumentFeatures})
   * @param mean subtracted before scaling, finite
   * @param scale divides after centering, finite and {@code > 0}
   * @param weight the logistic-regression weight, finite
   */
  public record Feature(String name, double mean, double scale, double weight) {
    public Feature {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("name must be non-empty without tabs or line breaks (got '" + name + "')");
      }
      if (!Double.isFinite(mean)) {
        throw new IllegalArgumentException("mean of " + name + " must be finite (got " + mean + ")");
      }
      if (!(scale > 0 && Double.isFinite(scale))) {
        throw new IllegalArgumentException("scale of " + name + " must be finite and > 0 (got " + scale + ")");
      }
      if (!Double.isFinite(weight)) {
        throw new IllegalArgumentException("weight of " + name + " must be finite (got " + weight + ")");
      }
    }
  }

  public DetectorModel {
    features = List.copyOf(features);
    Set<String> seen = new HashSet<>();
    for (Feature f : features) {
      if (!seen.add(f.name())) {
        throw new IllegalArgumentException("duplicate feature '" + f.name() + "'");
      }
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite (got " + bias + ")");
    }
    Objects.requireNonNull(calibration, "calibration");
    if (calibration.readsLength() && features.stream().noneMatch(f -> f.name().equals(DocumentFeatures.LOG_LENGTH))) {
      throw new IllegalArgumentException("a calibration that reads the length needs the feature "
          + DocumentFeatures.LOG_LENGTH);
    }
    new DetectorConfig(spunThreshold, cleanThreshold, 0.5, 1, 1); // validates the thresholds
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : provenance.entrySet()) {
      copy.put(oneLine(e.getKey()), oneLine(e.getValue()));
    }
    provenance = Collections.unmodifiableMap(copy);
  }

  /** The feature names in vector order. */
  public List<String> featureNames() {
    return features.stream().map(Feature::name).toList();
  }

  /**
   * The uncalibrated logit of {@code x}.
   *
   * @throws IllegalArgumentException if {@code x} has other features than the model
   */
  public double logit(DocumentFeatures x) {
    if (!x.names().equals(featureNames())) {
      throw new IllegalArgumentException("features " + x.names() + " do not match the model's " + featureNames());
    }
    double z = bias;
    for (int j = 0; j < features.size(); j++) {
      Feature f = features.get(j);
      z += f.weight * (x.value(j) - f.mean) / f.scale;
    }
    return z;
  }

  /**
   * Each feature's term of the {@link #logit}: {@code weight * (x - mean) / scale}, in model
   * order; positive terms push toward spun. What a report gives as the reasons of a score.
   *
   * @throws IllegalArgumentException if {@code x} has other features than the model
   */
  public Map<String, Double> contributions(DocumentFeatures x) {
    if (!x.names().equals(featureNames())) {
      throw new IllegalArgumentException("features " + x.names() + " do not match the model's " + featureNames());
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < features.size(); j++) {
      Feature f = features.get(j);
      out.put(f.name, f.weight * (x.value(j) - f.mean) / f.scale);
    }
    return out;
  }

  /** The calibrated probability that the document is spun. */
  public double probability(DocumentFeatures x) {
    double z = logit(x);
    if (!calibration.readsLength()) {
      return calibration.probability(z);
    }
    return calibration.probability(z, x.value(featureNames().indexOf(DocumentFeatures.LOG_LENGTH)));
  }

  // ---------------------------------------------------------------------------------------------
  // Files.

  /** Writes the model in the text format above. */
  public void write(Writer w) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# Unspin document detector: logistic regression over document features, Platt-calibrated.\n");
    if (calibration.readsLength()) {
      sb.append("# z = bias + sum_j weight_j * (x_j - mean_j) / scale_j;  p(spun) = 1 / (1 + exp(-(a * z + b + c * (\n");
      sb.append("#     log_length - m)))), the platt line giving a b c m\n");
    } else {
      sb.append("# z = bias + sum_j weight_j * (x_j - mean_j) / scale_j;  p(spun) = 1 / (1 + exp(-(a * z + b)))\n");
    }
    sb.append("# Lines: format | feature NAME MEAN SCALE WEIGHT | bias B | platt A B [C M] | threshold spun|clean P |\n");
    sb.append("#        provenance KEY VALUE. TAB-separated, UTF-8. Read by org.unspin.detect.DetectorModel.\n");
    sb.append("format\t").append(MAGIC).append('\t').append(FORMAT_VERSION).append('\n');
    for (Feature f : features) {
      sb.append("feature\t").append(f.name).append('\t').append(num(f.mean)).append('\t').append(num(f.scale))
          .append('\t').append(num(f.weight)).append('\n');
    }
    sb.append("bias\t").append(num(bias)).append('\n');
    sb.append("platt\t").append(num(calibration.a())).append('\t').append(num(calibration.b()));
    if (calibration.readsLength()) {
      sb.append('\t').append(num(calibration.lengthSlope())).append('\t').append(num(calibration.lengthCenter()));
    }
    sb.append('\n');
    sb.append("threshold\tspun\t").append(num(spunThreshold)).append('\n');
    sb.append("threshold\tclean\t").append(num(cleanThreshold)).append('\n');
    TsvModelFile.appendProvenance(sb, provenance);
    w.write(sb.toString());
  }

  /** Writes the model to {@code file} as UTF-8. */
  public void save(Path file) {
    TsvModelFile.save(file, "detector model", this::write);
  }

  /** Loads a model file. */
  public static DetectorModel load(Path file) {
    return TsvModelFile.load(file, "detector model", DetectorModel::read);
  }

  /**
   * The shipped detector.
   *
   * @throws ModelException when the build has none yet (it is trained with {@code unspin detect
   *     train} and placed at {@value #DEFAULT_RESOURCE})
   */
  public static DetectorModel loadDefault() {
    try (InputStream in = DetectorModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new ModelException("no default detector in this build (missing classpath:" + DEFAULT_RESOURCE
            + "; train one with 'unspin detect train')");
      }
      return read(in, "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new ModelException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a model from strict UTF-8 bytes; {@code origin} names the file in messages. */
  public static DetectorModel read(InputStream in, String origin) throws IOException {
    return read(new InputStreamReader(in, Utf8.strictDecoder()), origin);
  }

  /** Reads a model from characters; {@code origin} names the file in messages. */
  public static DetectorModel read(Reader reader, String origin) throws IOException {
    TsvModelFile lines = new TsvModelFile(reader, origin);
    List<Feature> features = new ArrayList<>();
    Double bias = null;
    PlattCalibration platt = null;
    Double spun = null;
    Double clean = null;
    Map<String, String> provenance = new LinkedHashMap<>();
    boolean format = false;
    while (lines.next()) {
      String where = lines.where();
      String[] f = lines.fields();
      if (!format) {
        if (!f[0].equals("format")) {
          throw new ModelException(where + "not a detector model: expected 'format\\t" + MAGIC + "\\t"
              + FORMAT_VERSION + "' first (got '" + abbreviate(lines.line()) + "')");
        }
        fields(f, 3, where, "format MAGIC VERSION");
        if (!f[1].equals(MAGIC)) {
          throw new ModelException(where + "not a detector model (format '" + abbreviate(f[1]) + "')");
        }
        if (!f[2].equals(Integer.toString(FORMAT_VERSION))) {
          throw new ModelException(where + "unsupported detector format version " + abbreviate(f[2])
              + " (this build reads " + FORMAT_VERSION + ")");
        }
        format = true;
        continue;
      }
      switch (f[0]) {
        case "feature" -> {
          fields(f, 5, where, "feature NAME MEAN SCALE WEIGHT");
          try {
            features.add(new Feature(f[1], number(f[2], where), number(f[3], where), number(f[4], where)));
          } catch (IllegalArgumentException e) {
            throw new ModelException(where + e.getMessage(), e);
          }
          if (features.stream().filter(x -> x.name().equals(f[1])).count() > 1) {
            throw new ModelException(where + "duplicate feature '" + f[1] + "'");
          }
        }
        case "bias" -> {
          fields(f, 2, where, "bias B");
          bias = once(bias, number(f[1], where), where, "bias");
        }
        case "platt" -> {
          if (f.length != 5) {
            fields(f, 3, where, "platt A B [C M]");
          }
          if (platt != null) {
            throw new ModelException(where + "platt given twice");
          }
          try {
            platt = f.length == 5
                ? new PlattCalibration(number(f[1], where), number(f[2], where), number(f[3], where),
                    number(f[4], where))
                : new PlattCalibration(number(f[1], where), number(f[2], where));
          } catch (IllegalArgumentException e) {
            throw new ModelException(where + "platt: " + e.getMessage(), e);
          }
        }
        case "threshold" -> {
          fields(f, 3, where, "threshold spun|clean P");
          double p = number(f[2], where);
          if (!(p >= 0 && p <= 1)) {
            throw new ModelException(where + "threshold must be in [0, 1] (got " + f[2] + ")");
          }
          switch (f[1]) {
            case "spun" -> spun = once(spun, p, where, "threshold spun");
            case "clean" -> clean = once(clean, p, where, "threshold clean");
            default -> throw new ModelException(where + "threshold must be 'spun' or 'clean' (got '"
                + abbreviate(f[1]) + "')");
          }
        }
        case "provenance" -> TsvModelFile.putProvenance(f, where, provenance);
        default -> throw new ModelException(where + "unknown line type '" + abbreviate(f[0]) + "'");
      }
    }
    String at = origin + ": ";
    if (!format) {
      throw new ModelException(at + "empty detector model (no format line)");
    }
    if (features.isEmpty()) {
      throw new ModelException(at + "no feature lines");
    }
    if (bias == null) {
      throw new ModelException(at + "missing 'bias' line");
    }
    if (platt == null) {
      throw new ModelException(at + "missing 'platt' line");
    }
    if (spun == null || clean == null) {
      throw new ModelException(at + "missing 'threshold " + (spun == null ? "spun" : "clean") + "' line");
    }
    if (clean > spun) {
      throw new ModelException(at + "threshold clean " + clean + " is above threshold spun " + spun);
    }
    try {
      return new DetectorModel(features, bias, platt, spun, clean, provenance);
    } catch (IllegalArgumentException e) {
      throw new ModelException(at + e.getMessage(), e);
    }
  }

  private static Double once(Double old, double v, String where, String what) {
    if (old != null) {
      throw new ModelException(where + what + " given twice");
    }
    return v;
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DetectorModel[%d features, spun>=%.3f, clean<=%.3f, %s]", features.size(),
        spunThreshold, cleanThreshold, provenance);
  }
}
