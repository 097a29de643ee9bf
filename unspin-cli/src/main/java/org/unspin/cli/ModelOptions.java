package org.unspin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unspin.api.Unspin;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.restore.ChannelWeights;
import picocli.CommandLine.Option;

/** Options shared by the text commands (check, restore): which models to use. */
final class ModelOptions {
  @Option(names = "--lm", paramLabel = "FILE",
      description = "A binary language model (from 'lm build' or 'lm import'), interpolated with the default; repeatable.")
  List<Path> lms = new ArrayList<>();

  @Option(names = "--no-default-lm", description = "Leave the embedded language model out (needs --lm).")
  boolean noDefaultLm;

  @Option(names = "--lm-weights", paramLabel = "W1,W2,...", split = ",",
      description = "Interpolation weights, default model first; default: equal, except that a model carrying a "
          + "fitted weight (an index's domain model) gets it and the others share the rest.")
  double[] lmWeights;

  @Option(names = "--profile", paramLabel = "FILE", description = "A spinner profile (TSV); repeatable.")
  List<Path> profiles = new ArrayList<>();

  @Option(names = "--profile-gate", paramLabel = "P",
      description = "Give the --profile files only to texts the detector finds at least P likely spun without"
          + " them (restored again with them), so that a profile learned from one spinner's pages leaves other"
          + " text alone (default: every text).")
  Double profileGate;

  @Option(names = "--no-default-profile",
      description = "Leave out the shipped profile learned from the tortured-phrase list (and the list's own"
          + " phrases as restoration candidates).")
  boolean noDefaultProfile;

  @Option(names = "--default-profile-everywhere",
      description = "Apply the shipped tortured-phrase profile at full strength to every text, not only to those "
          + "where a phrase of its list occurs (elsewhere its entries are priced defaultProfileDiscount dearer).")
  boolean defaultProfileEverywhere;

  @Option(names = "--fingerprints", paramLabel = "CSV",
      description = "A tortured-phrase list in the Problematic Paper Screener's CSV format (e.g. a newer export)"
          + " instead of the shipped one: its phrases are found, restored and weighed (docs/detect.md).")
  Path fingerprints;

  @Option(names = "--channel-weights", paramLabel = "FILE",
      description = "Channel cost settings (properties file; keys left out keep the shipped value; see docs/restore.md).")
  Path channelWeights;

  @Option(names = "--reranker", paramLabel = "FILE",
      description = "An edit reranker (from 'tune reranker') instead of the shipped one.")
  Path reranker;

  @Option(names = "--no-reranker", description = "Keep edits by their posterior alone (no edit reranker).")
  boolean noReranker;

  @Option(names = "--detector", paramLabel = "FILE", description = "A detector model instead of the embedded one.")
  Path detector;

  @Option(names = "--threshold", paramLabel = "P",
      description = "Spun probability from which the verdict is 'spun' (default: the detector's).")
  Double threshold;

  Unspin build() {
    return build(builder());
  }

  /** Builds {@code b}, a settings conflict ({@link IllegalArgumentException}) being a usage error. */
  static Unspin build(Unspin.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A builder configured by these options, for callers that add settings of their own. */
  Unspin.Builder builder() {
    if (noDefaultLm && lms.isEmpty()) {
      throw new UsageException("--no-default-lm needs at least one --lm FILE");
    }
    if (reranker != null && noReranker) {
      throw new UsageException("--reranker and --no-reranker exclude each other");
    }
    Unspin.Builder b = Unspin.builder().defaultLanguageModel(!noDefaultLm).defaultProfile(!noDefaultProfile)
        .defaultProfileEverywhere(defaultProfileEverywhere);
    lms.forEach(b::languageModel);
    profiles.forEach(b::profile);
    if (profileGate != null) {
      if (!(profileGate > 0 && profileGate <= 1)) {
        throw new UsageException("--profile-gate must be in (0, 1] (got " + profileGate + ")");
      }
      b.profileGate(profileGate);
    }
    if (lmWeights != null) {
      b.interpolationWeights(lmWeights);
    }
    if (fingerprints != null) {
      b.fingerprintList(FingerprintList.load(fingerprints));
    }
    if (channelWeights != null) {
      b.channelWeights(ChannelWeights.load(channelWeights, ChannelWeights.shipped()));
    }
    if (detector != null) {
      b.detector(detector);
    }
    if (reranker != null) {
      b.editReranker(reranker);
    }
    b.defaultEditReranker(!noReranker);
    if (threshold != null) {
      if (!(threshold > 0 && threshold < 1)) {
        throw new UsageException("--threshold must be in (0, 1) (got " + threshold + ")");
      }
      b.spunThreshold(threshold);
    }
    return b;
  }
}
