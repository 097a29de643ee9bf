package org.unspin.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.unspin.api.InputException;
import org.unspin.index.SourceIndex;
import picocli.CommandLine.Option;

/**
 * The job's model options, named as in the CLI ({@code unspin check --help}). Model files are
 * local to the driver unless they carry a scheme ({@code hdfs://}, {@code s3a://}, ...); the driver
 * ships each to every executor
 * ({@code SparkContext.addFile}), where it is memory-mapped from the executor's local copy.
 */
final class JobModelOptions {
  @Option(names = "--lm", paramLabel = "FILE",
      description = "A binary language model, interpolated with the default; shipped to the executors; repeatable.")
  List<String> lms = new ArrayList<>();

  @Option(names = "--no-default-lm", description = "Leave the embedded language model out (needs --lm).")
  boolean noDefaultLm;

  @Option(names = "--lm-weights", paramLabel = "W1,W2,...", split = ",",
      description = "Interpolation weights, default model first; default: equal, except that a model carrying a "
          + "fitted weight (an index's domain model) gets it and the others share the rest.")
  double[] lmWeights;

  @Option(names = "--profile", paramLabel = "FILE", description = "A spinner profile (TSV); repeatable.")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--profile-gate", paramLabel = "P",
      description = "Give the --profile files only to records the detector finds at least P likely spun without"
          + " them (default: every record).")
  Double profileGate;

  @Option(names = "--no-default-profile",
      description = "Leave out the shipped profile learned from the tortured-phrase list.")
  boolean noDefaultProfile;

  @Option(names = "--default-profile-everywhere",
      description = "Apply the shipped tortured-phrase profile at full strength to every record, not only to "
          + "those where a phrase of its list occurs (elsewhere its entries are priced defaultProfileDiscount dearer).")
  boolean defaultProfileEverywhere;

  @Option(names = "--fingerprints", paramLabel = "CSV",
      description = "A tortured-phrase list in the Problematic Paper Screener's CSV format (e.g. a newer export)"
          + " instead of the shipped one; shipped to the executors.")
  String fingerprints;

  @Option(names = "--channel-weights", paramLabel = "FILE", description = "Channel cost settings (properties file).")
  String channelWeights;

  @Option(names = "--detector", paramLabel = "FILE", description = "A detector model instead of the embedded one.")
  String detector;

  @Option(names = "--reranker", paramLabel = "FILE",
      description = "An edit reranker (from 'tune reranker') instead of the shipped one; shipped to the executors.")
  String reranker;

  @Option(names = "--no-reranker", description = "Keep edits by their posterior alone (no edit reranker).")
  boolean noReranker;

  @Option(names = "--index", paramLabel = "DIR",
      description = "A source index (from 'unspin index build'), shipped to the executors: every checked record is "
          + "also traced, and its line ends with \"source_match\", as in scan --index; the index's domain LM joins "
          + "the language models.")
  String index;

  @Option(names = "--source-coverage", paramLabel = "C", defaultValue = "0.5",
      description = "With --index: the share of a record's words its best source must cover to be named "
          + "(default: ${DEFAULT-VALUE}).")
  double sourceCoverage;

  @Option(names = "--threshold", paramLabel = "P",
      description = "Spun probability from which the verdict is 'spun' (default: the detector's).")
  Double threshold;

  /**
   * The model options as text, by option name, for {@link JobManifest}: files by their full URI
   * (as {@link #withScheme} gives it), so a relative and an absolute name of one file agree.
   */
  Map<String, String> settings() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("--lm", String.join(" ", lms.stream().map(JobModelOptions::withScheme).toList()));
    m.put("--no-default-lm", Boolean.toString(noDefaultLm));
    m.put("--lm-weights", lmWeights == null ? "" : java.util.Arrays.toString(lmWeights));
    m.put("--profile", String.join(" ", profiles.stream().map(JobModelOptions::withScheme).toList()));
    m.put("--no-default-profile", Boolean.toString(noDefaultProfile));
    if (defaultProfileEverywhere) { // (only when given: manifests written before the option still match)
      m.put("--default-profile-everywhere", "true");
    }
    if (fingerprints != null) { // (only when given: manifests written before the option still match)
      m.put("--fingerprints", withScheme(fingerprints));
    }
    if (profileGate != null) { // (only when given, as above)
      m.put("--profile-gate", profileGate.toString());
    }
    m.put("--channel-weights", channelWeights == null ? "" : withScheme(channelWeights));
    m.put("--detector", detector == null ? "" : withScheme(detector));
    m.put("--reranker", reranker == null ? "" : withScheme(reranker));
    m.put("--no-reranker", Boolean.toString(noReranker));
    m.put("--threshold", threshold == null ? "" : threshold.toString());
    m.put("--index", index == null ? "" : withScheme(index));
    m.put("--source-coverage", Double.toString(sourceCoverage));
    return m;
  }

  /**
   * Ships every model file named by the options to the executors and returns the spec that names
   * them as shipped.
   *
   * @throws InputException if a file does not exist, two files share a name, or the options do
   *     not fit together
   */
  ModelSpec shipTo(JavaSparkContext jsc) throws IOException {
    if (noDefaultLm && lms.isEmpty()) {
      throw new InputException("--no-default-lm needs at least one --lm FILE");
    }
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new InputException("--threshold must be in (0, 1) (got " + threshold + ")");
    }
    if (!(sourceCoverage > 0 && sourceCoverage <= 1)) {
      throw new InputException("--source-coverage must be in (0, 1] (got " + sourceCoverage + ")");
    }
    if (profileGate != null && !(profileGate > 0 && profileGate <= 1)) {
      throw new InputException("--profile-gate must be in (0, 1] (got " + profileGate + ")");
    }
    String indexFile = index == null ? null : withScheme(index);
    boolean domainLm = false;
    if (indexFile != null) {
      Path dir = new Path(indexFile);
      var fs = dir.getFileSystem(jsc.hadoopConfiguration());
      if (!fs.isFile(new Path(dir, SourceIndex.PROPERTIES))) {
        throw new InputException("not a source index (no " + SourceIndex.PROPERTIES + "): " + index);
      }
      domainLm = fs.isFile(new Path(dir, SourceIndex.DOMAIN_LM));
    }
    int models = lms.size() + (noDefaultLm ? 0 : 1) + (domainLm ? 1 : 0);
    if (lmWeights != null && lmWeights.length != models) {
      throw new InputException("--lm-weights needs " + models + " weights (got " + lmWeights.length + ")");
    }
    Map<String, String> shipped = new HashMap<>();
    List<String> lmNames = new ArrayList<>();
    for (String f : lms) {
      lmNames.add(ship(jsc, f, shipped));
    }
    List<String> profileNames = new ArrayList<>();
    for (String f : profiles) {
      profileNames.add(ship(jsc, f, shipped));
    }
    String cw = channelWeights == null ? null : ship(jsc, channelWeights, shipped);
    if (reranker != null && noReranker) {
      throw new InputException("--reranker and --no-reranker exclude each other");
    }
    String det = detector == null ? null : ship(jsc, detector, shipped);
    String fp = fingerprints == null ? null : ship(jsc, fingerprints, shipped);
    String rr = reranker == null ? null : ship(jsc, reranker, shipped);
    String idx = null;
    if (indexFile != null) {
      idx = new Path(indexFile).getName();
      if (shipped.containsKey(idx)) {
        throw new InputException("the index " + index + " and the model file " + shipped.get(idx) + " have the same "
            + "name " + idx + "; rename one (executors find shipped files by name)");
      }
      jsc.sc().addFile(indexFile, true);
    }
    return new ModelSpec(lmNames, !noDefaultLm, lmWeights, profileNames, !noDefaultProfile, cw, det, threshold, rr,
        !noReranker, idx, sourceCoverage, defaultProfileEverywhere, fp, profileGate == null ? 0 : profileGate);
  }

  private static String ship(JavaSparkContext jsc, String given, Map<String, String> shipped) throws IOException {
    String file = withScheme(given);
    Path p = new Path(file);
    if (!p.getFileSystem(jsc.hadoopConfiguration()).isFile(p)) {
      throw new InputException("no such model file: " + given);
    }
    String name = p.getName();
    String before = shipped.putIfAbsent(name, given);
    if (before != null && !withScheme(before).equals(file)) {
      throw new InputException("model files " + before + " and " + given + " have the same name " + name
          + "; rename one (executors find shipped files by name)");
    }
    if (before == null) {
      jsc.addFile(file);
    }
    return name;
  }

  /**
   * A model path without a scheme names a file on the driver's local disk (as for
   * {@code spark-submit --files}), not one on the cluster's default file system.
   */
  static String withScheme(String file) {
    URI uri;
    try {
      uri = new URI(file);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri != null && uri.getScheme() != null && uri.getScheme().length() > 1) {
      return file;
    }
    return Paths.get(file).toAbsolutePath().normalize().toUri().toString();
  }
}
