package org.unspin.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.unspin.api.Unspin;
import org.unspin.index.SourceIndex;
import org.unspin.restore.ChannelWeights;

/**
 * Which models an executor's {@link Unspin} is built from: the same settings as the CLI's model
 * options ({@code --lm}, {@code --profile}, ...), with every file named by the name under which the
 * driver shipped it to the executors ({@code SparkContext.addFile}). Executors resolve those names
 * to local copies ({@code SparkFiles.get}) and memory-map the language models from there.
 *
 * @param languageModels shipped binary language models, interpolated with the default
 * @param defaultLanguageModel whether the embedded default model takes part
 * @param interpolationWeights one weight per model, default model first; {@code null} for equal
 * @param profiles shipped spinner profiles
 * @param defaultProfile whether the shipped tortured-phrase profile takes part
 * @param channelWeights shipped channel-weights file, or {@code null} for the defaults
 * @param detector shipped detector model, or {@code null} for the embedded one
 * @param threshold spun threshold, or {@code null} for the detector's
 * @param reranker shipped edit reranker, or {@code null} for the embedded one
 * @param useReranker false to keep edits by their posterior alone ({@code --no-reranker})
 * @param index shipped source index directory ({@code --index}), or {@code null}: its domain
 *     language model, when it has one, joins the models, and records are traced against it
 * @param sourceCoverage with an index, the share of a record's words its best source must cover
 * @param defaultProfileEverywhere the shipped profile (when it takes part) applies at full strength to
 *     every record, not only to those where a phrase of its list occurs ({@code
 *     --default-profile-everywhere})
 * @param fingerprints shipped tortured-phrase list used instead of the shipped one ({@code
 *     --fingerprints}), or {@code null}
 * @param profileGate the {@code profiles} only for records the detector finds at least this likely
 *     spun without them ({@code --profile-gate}); 0: for every record
 */
public record ModelSpec(List<String> languageModels, boolean defaultLanguageModel, double[] interpolationWeights,
    List<String> profiles, boolean defaultProfile, String channelWeights, String detector, Double threshold,
    String reranker, boolean useReranker, String index, double sourceCoverage, boolean defaultProfileEverywhere,
    String fingerprints, double profileGate) implements Serializable {

  /** The embedded models only, as {@code unspin check} uses them without options. */
  public static final ModelSpec DEFAULTS = new ModelSpec(List.of(), true, null, List.of(), true, null, null, null,
      null, true, null, 0.5, false);

  /** A spec whose profiles apply to every record. */
  public ModelSpec(List<String> languageModels, boolean defaultLanguageModel, double[] interpolationWeights,
      List<String> profiles, boolean defaultProfile, String channelWeights, String detector, Double threshold,
      String reranker, boolean useReranker, String index, double sourceCoverage, boolean defaultProfileEverywhere,
      String fingerprints) {
    this(languageModels, defaultLanguageModel, interpolationWeights, profiles, defaultProfile, channelWeights, detector,
        threshold, reranker, useReranker, index, sourceCoverage, defaultProfileEverywhere, fingerprints, 0);
  }

  /** A spec with the shipped tortured-phrase list. */
  public ModelSpec(List<String> languageModels, boolean defaultLanguageModel, double[] interpolationWeights,
      List<String> profiles, boolean defaultProfile, String channelWeights, String detector, Double threshold,
      String reranker, boolean useReranker, String index, double sourceCoverage, boolean defaultProfileEverywhere) {
    this(languageModels, defaultLanguageModel, interpolationWeights, profiles, defaultProfile, channelWeights, detector,
        threshold, reranker, useReranker, index, sourceCoverage, defaultProfileEverywhere, null);
  }

  /** A spec whose shipped profile (when it takes part) is at full strength only where its list matches. */
  public ModelSpec(List<String> languageModels, boolean defaultLanguageModel, double[] interpolationWeights,
      List<String> profiles, boolean defaultProfile, String channelWeights, String detector, Double threshold,
      String reranker, boolean useReranker, String index, double sourceCoverage) {
    this(languageModels, defaultLanguageModel, interpolationWeights, profiles, defaultProfile, channelWeights, detector,
        threshold, reranker, useReranker, index, sourceCoverage, false);
  }

  /** A spec without a source index. */
  public ModelSpec(List<String> languageModels, boolean defaultLanguageModel, double[] interpolationWeights,
      List<String> profiles, boolean defaultProfile, String channelWeights, String detector, Double threshold,
      String reranker, boolean useReranker) {
    this(languageModels, defaultLanguageModel, interpolationWeights, profiles, defaultProfile, channelWeights, detector,
        threshold, reranker, useReranker, null, 0.5);
  }

  /** A spec with the embedded edit reranker. */
  public ModelSpec(List<String> languageModels, boolean defaultLanguageModel, double[] interpolationWeights,
      List<String> profiles, boolean defaultProfile, String channelWeights, String detector, Double threshold) {
    this(languageModels, defaultLanguageModel, interpolationWeights, profiles, defaultProfile, channelWeights, detector,
        threshold, null, true);
  }

  public ModelSpec {
    languageModels = List.copyOf(languageModels);
    profiles = List.copyOf(profiles);
    interpolationWeights = interpolationWeights == null ? null : interpolationWeights.clone();
    if (!defaultLanguageModel && languageModels.isEmpty()) {
      throw new IllegalArgumentException("defaultLanguageModel is false and no languageModels are given");
    }
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1) (got " + threshold + ")");
    }
    if (!(sourceCoverage > 0 && sourceCoverage <= 1)) {
      throw new IllegalArgumentException("sourceCoverage must be in (0, 1] (got " + sourceCoverage + ")");
    }
    if (!(profileGate >= 0 && profileGate <= 1)) {
      throw new IllegalArgumentException("profileGate must be in [0, 1] (got " + profileGate + ")");
    }
  }

  /**
   * Builds the facade, resolving each shipped name to a local file with {@code resolve}.
   *
   * @throws IllegalArgumentException if the settings do not fit together (e.g. the weight count)
   * @throws org.unspin.api.ModelException if a model file is missing or corrupt
   */
  public Unspin build(Function<String, Path> resolve) {
    // Executors check many documents: the n-gram hash index pays for itself.
    Unspin.Builder b = Unspin.builder().defaultLanguageModel(defaultLanguageModel).defaultProfile(defaultProfile)
        .defaultProfileEverywhere(defaultProfileEverywhere).lmHashIndex(true).preloadDetector(true);
    languageModels.forEach(n -> b.languageModel(resolve.apply(n)));
    profiles.forEach(n -> b.profile(resolve.apply(n)));
    b.profileGate(profileGate);
    if (interpolationWeights != null) {
      b.interpolationWeights(interpolationWeights);
    }
    if (channelWeights != null) {
      // As the CLI: keys the file leaves out keep the shipped (fitted) value, not the hand-set defaults.
      b.channelWeights(ChannelWeights.load(resolve.apply(channelWeights), ChannelWeights.shipped()));
    }
    if (detector != null) {
      b.detector(resolve.apply(detector));
    }
    if (fingerprints != null) {
      b.fingerprintList(org.unspin.channel.fingerprint.FingerprintList.load(resolve.apply(fingerprints)));
    }
    if (threshold != null) {
      b.spunThreshold(threshold);
    }
    if (reranker != null) {
      b.editReranker(resolve.apply(reranker));
    }
    b.defaultEditReranker(useReranker);
    if (index != null) {
      // As scan --index: the index's domain LM joins the models after the others.
      Path domain = resolve.apply(index).resolve(SourceIndex.DOMAIN_LM);
      if (Files.isRegularFile(domain)) {
        b.languageModel(domain);
      }
    }
    return b.build();
  }

  // A record compares arrays by identity; the executor cache needs value equality.
  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSpec m && languageModels.equals(m.languageModels)
        && defaultLanguageModel == m.defaultLanguageModel
        && java.util.Arrays.equals(interpolationWeights, m.interpolationWeights) && profiles.equals(m.profiles)
        && defaultProfile == m.defaultProfile && Objects.equals(channelWeights, m.channelWeights)
        && Objects.equals(detector, m.detector) && Objects.equals(threshold, m.threshold)
        && Objects.equals(reranker, m.reranker) && useReranker == m.useReranker && Objects.equals(index, m.index)
        && sourceCoverage == m.sourceCoverage && defaultProfileEverywhere == m.defaultProfileEverywhere
        && Objects.equals(fingerprints, m.fingerprints) && profileGate == m.profileGate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(languageModels, defaultLanguageModel, java.util.Arrays.hashCode(interpolationWeights),
        profiles, defaultProfile, channelWeights, detector, threshold, reranker, useReranker, index, sourceCoverage,
        defaultProfileEverywhere, fingerprints, profileGate);
  }

  @Override
  public double[] interpolationWeights() {
    return interpolationWeights == null ? null : interpolationWeights.clone();
  }
}
