package org.unspin.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.detect.CheckReport;
import org.unspin.lm.DefaultModels;
import org.unspin.records.RecordChecker;
import org.unspin.restore.RestoredText;
import org.unspin.util.Json;

/**
 * Check and restore results once a text's source is found: the source proves the original wording,
 * so the restoration is the alignment's, every aligned replacement is an edit of confidence 1, and
 * each replacement that no detector finding already covers becomes a finding of rule
 * {@link #RULE_ID}. Shared by the CLI ({@code --index}) and the server, so that both report a traced
 * text the same way. Stateless.
 */
public final class SourceReports {
  /** Rule id of a finding that comes from the alignment with a found source. */
  public static final String RULE_ID = "SOURCE_ALIGNMENT";

  private SourceReports() {}

  /**
   * The best indexed source of {@code text} (traced with the default language model's phrase
   * cohesion) if it covers at least {@code minCoverage} of the text's words, else null.
   */
  public static SourceMatch bestSource(SourceIndex idx, String text, double minCoverage) {
    SourceMatch best = new Tracer(idx, null, TraceConfig.defaults(), DefaultModels.languageModel()).trace(text, 1)
        .best();
    return best != null && best.proves(minCoverage) ? best : null;
  }

  /**
   * A scan's report line with {@code "source_match": {"id", "coverage", "score"}} (null when no
   * indexed source covers {@code minCoverage} of the text) added last; error lines stay as they
   * are. A trace failure loses the source, never the record's check line. Used by {@code unspin
   * scan --index} and the Spark job's {@code --index}, so both write the same lines.
   */
  public static RecordChecker.Checked withSourceMatch(RecordChecker.Checked c, SourceIndex idx, double minCoverage) {
    if (c.report() == null) {
      return c;
    }
    SourceMatch m;
    try {
      m = bestSource(idx, c.record().text(), minCoverage);
    } catch (RuntimeException e) {
      m = null;
    }
    String json = m == null ? appendSource(c.json(), "source_match", null, 0, 0)
        : appendSource(c.json(), "source_match", m.id(), m.coverage(), m.score());
    return new RecordChecker.Checked(c.record(), c.report(), null, json);
  }

  /** The alignment's replacements as edits of {@code m}'s query, confidence 1, in text order. */
  public static List<Edit> edits(SourceMatch m) {
    List<Edit> edits = new ArrayList<>(m.aligned().size());
    for (AlignedSubstitution a : m.aligned()) {
      edits.add(new Edit(a.start(), a.end(), a.surface(), a.original(), 1.0));
    }
    return edits;
  }

  /** The restoration of {@code text} that {@code m} proves (no token scores: they come from no LM). */
  public static RestoredText restored(String text, SourceMatch m) {
    Objects.requireNonNull(text, "text");
    return new RestoredText(text, m.restore(text), List.of(), edits(m), new float[0], Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * {@code r} with the restoration and edits of the alignment with {@code m}, and with a
   * {@link #RULE_ID} finding for every aligned replacement that overlaps no finding of {@code r}.
   * The score and verdict stay the detector's.
   */
  public static CheckReport withSource(CheckReport r, SourceMatch m) {
    List<Finding> findings = new ArrayList<>(r.findings());
    for (AlignedSubstitution a : m.aligned()) {
      if (a.end() > r.input().length() || overlapsAny(r.findings(), a.start(), a.end())) {
        continue;
      }
      findings.add(new Finding(a.start(), a.end(), a.surface(), a.original(), 1.0, RULE_ID));
    }
    findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
    return r.withSpans(r.input(), findings, m.restore(r.input()), edits(m));
  }

  private static boolean overlapsAny(List<Finding> findings, int start, int end) {
    for (Finding f : findings) {
      if (f.start() < end && start < f.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code json} (one JSON object) with {@code "KEY": {"id": ..., "coverage": ..., "score": ...}}
   * added last, or {@code "KEY": null} when {@code id} is null.
   */
  public static String appendSource(String json, String key, String id, double coverage, double score) {
    int close = json.lastIndexOf('}');
    if (close < 0) {
      throw new IllegalArgumentException("not a JSON object: " + json);
    }
    StringBuilder sb = new StringBuilder(json.length() + 96).append(json, 0, close);
    sb.append(", ");
    Json.quote(sb, key).append(": ");
    if (id == null) {
      sb.append("null");
    } else {
      sb.append("{\"id\": ");
      Json.quote(sb, id);
      sb.append(String.format(Locale.ROOT, ", \"coverage\": %.4f, \"score\": %.4f}", coverage, score));
    }
    return sb.append('}').toString();
  }
}
