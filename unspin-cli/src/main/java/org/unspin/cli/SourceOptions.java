package org.unspin.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.unspin.api.Unspin;
import org.unspin.detect.CheckReport;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceMatch;
import org.unspin.index.SourceReports;
import picocli.CommandLine.Option;

/**
 * {@code --index DIR} of restore and check: when the text's source is in the index with enough
 * coverage, restoration is the alignment with it (the source's wording of every aligned
 * replacement) and the report names the source; the index's domain LM, if it has one, joins the
 * language models either way. The CLI composes core and index; neither depends on the other.
 */
final class SourceOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "A source index (see 'unspin index build'): a source "
      + "found there restores by alignment, and its domain LM (if built) is interpolated with the default.")
  Path index;

  @Option(names = "--source-coverage", paramLabel = "C", defaultValue = "0.5",
      description = "Least share of the text's words in sentences aligned with a source to use it (default "
          + "${DEFAULT-VALUE}).")
  double minCoverage;

  /** Opens the index, or null without --index. */
  SourceIndex open() {
    if (index == null) {
      return null;
    }
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new UsageException("--source-coverage must be in (0, 1] (got " + minCoverage + ")");
    }
    return SourceIndex.open(index);
  }

  /**
   * The models of {@code models} plus the index's domain LM, when it has one ({@code idx} may be null).
   *
   * @throws UsageException when the options do not make a model
   */
  static Unspin buildWithDomainLm(ModelOptions models, SourceIndex idx) {
    return buildWithDomainLm(models, idx, false);
  }

  /**
   * {@link #buildWithDomainLm(ModelOptions, SourceIndex)}, with the language models' n-gram hash
   * index built and the detector loaded in the background when {@code lmHashIndex} (for long batch
   * runs, which check every record).
   */
  static Unspin buildWithDomainLm(ModelOptions models, SourceIndex idx, boolean lmHashIndex) {
    Unspin.Builder b = models.builder().lmHashIndex(lmHashIndex).preloadDetector(lmHashIndex);
    addDomainLm(b, idx);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Adds the index's domain LM to the models, when it has one. */
  static void addDomainLm(Unspin.Builder b, SourceIndex idx) {
    if (idx != null) {
      idx.domainLm().ifPresent(b::languageModel);
    }
  }

  /** The best source of {@code text} if it covers enough of it, else null. */
  SourceMatch source(SourceIndex idx, String text) {
    if (idx == null) {
      return null;
    }
    return SourceReports.bestSource(idx, text, minCoverage);
  }

  /** {@code r} with restoration, edits and findings from the source's alignment. */
  static CheckReport withSource(CheckReport r, SourceMatch m) {
    return SourceReports.withSource(r, m);
  }

  /** The check JSON with {@code "source": {"id", "coverage", "score"}} (null when none was found) added last. */
  static String json(CheckReport r, SourceMatch m) {
    return m == null ? SourceReports.appendSource(r.toJson(), "source", null, 0, 0)
        : SourceReports.appendSource(r.toJson(), "source", m.id(), m.coverage(), m.score());
  }

  /** One readable line naming the source. */
  static String text(SourceMatch m) {
    return m == null ? "source: none found in the index"
        : String.format(Locale.ROOT, "source: %s (coverage %.2f, %d substitutions)", m.id(), m.coverage(),
            m.aligned().size());
  }
}
