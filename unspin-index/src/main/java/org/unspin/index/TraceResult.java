package org.unspin.index;

import java.util.List;
import java.util.Locale;
import org.unspin.util.Json;

/**
 * The sources found for a text, best first.
 *
 * @param matches at most the requested number, each with at least one aligned sentence
 */
public record TraceResult(List<SourceMatch> matches) {
  public TraceResult {
    matches = List.copyOf(matches);
  }

  /** The best match, or null when nothing aligned. */
  public SourceMatch best() {
    return matches.isEmpty() ? null : matches.get(0);
  }

  /**
   * One JSON object: {@code {"matches": [{"id", "score", "coverage", "support", "weak", "passages": [{"start",
   * "end", "source_start", "source_end"}], "substitutions": [{"surface", "original", "count"}]}]}}, plus
   * {@code "uri"} in a match when the index knows one. {@code "weak"} is true when the support is under
   * {@link SourceMatch#MIN_SUPPORT}: the alignment explains too little to make the match a source.
   * Offsets are UTF-16 code units; scores are rounded to 4 decimals.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"matches\": [");
    for (int i = 0; i < matches.size(); i++) {
      SourceMatch m = matches.get(i);
      sb.append(i == 0 ? "" : ", ").append("{\"id\": ");
      Json.quote(sb, m.id());
      if (m.uri() != null) {
        sb.append(", \"uri\": ");
        Json.quote(sb, m.uri());
      }
      sb.append(", \"score\": ").append(round(m.score())).append(", \"coverage\": ").append(round(m.coverage()))
          .append(", \"support\": ").append(round(m.support()))
          .append(", \"weak\": ").append(m.support() < SourceMatch.MIN_SUPPORT);
      sb.append(", \"passages\": [");
      for (int k = 0; k < m.passages().size(); k++) {
        Passage p = m.passages().get(k);
        sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT,
            "{\"start\": %d, \"end\": %d, \"source_start\": %d, \"source_end\": %d}", p.start(), p.end(),
            p.sourceStart(), p.sourceEnd()));
      }
      sb.append("], \"substitutions\": [");
      for (int k = 0; k < m.substitutions().size(); k++) {
        SubstitutionCount s = m.substitutions().get(k);
        sb.append(k == 0 ? "" : ", ").append("{\"surface\": ");
        Json.quote(sb, s.surface());
        sb.append(", \"original\": ");
        Json.quote(sb, s.original());
        sb.append(", \"count\": ").append(s.count()).append('}');
      }
      sb.append("]}");
    }
    return sb.append("]}").toString();
  }

  private static String round(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
