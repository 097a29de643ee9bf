package org.unspin.records;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unspin.report.HtmlReport;

/**
 * The scan's HTML summary: one self-contained page (inline CSS and SVG, no scripts, no external
 * resources) with the totals, a histogram of spun probabilities, the top substitutions, the error
 * kinds and, with --group-by host, the hosts that share a spinner. Written by {@code unspin scan --html}
 * and by the Spark job's {@code --html}.
 */
public final class ScanHtml {
  private ScanHtml() {}

  /**
   * The page.
   *
   * @param s the scan's totals
   * @param run one line on the run itself (records, time, throughput), shown as "This run"
   * @param grouped the host comparison, or null without --group-by host
   * @param report where the report was written, shown at the top
   */
  public static String page(ScanSummary s, String run, HostProfiles.Result grouped, String report) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unspin scan summary</title>\n")
        .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:60em;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;")
        .append("padding:.2em .8em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
        .append("svg text{font:11px sans-serif}</style></head><body>\n");
    h.append("<h1>Unspin scan summary</h1>\n<p>Report: <code>").append(HtmlReport.escapeHtml(report)).append("</code></p>\n");
    long total = s.documents() + s.errors();
    h.append("<table>");
    row(h, "Records", Long.toString(total));
    row(h, "Documents checked", Long.toString(s.documents()));
    row(h, "Errors", Long.toString(s.errors()));
    row(h, "Spun", String.format(Locale.ROOT, "%d (%.1f%%)", s.spun(), 100 * s.spunShare()));
    row(h, "Uncertain", Long.toString(s.uncertain()));
    row(h, "Clean", Long.toString(s.clean()));
    row(h, "Findings", Long.toString(s.findings()));
    row(h, "This run", run);
    h.append("</table>\n<h2>Spun probability</h2>\n");
    histogram(h, s.histogram());
    List<ScanSummary.Substitution> top = s.topSubstitutions(30);
    if (!top.isEmpty()) {
      h.append("<h2>Top substitutions</h2>\n<table><tr><th>Found</th><th>Likely original</th><th>Count</th></tr>");
      for (ScanSummary.Substitution t : top) {
        h.append("<tr><td>").append(HtmlReport.escapeHtml(t.text())).append("</td><td>").append(HtmlReport.escapeHtml(t.suggestion()))
            .append("</td><td class=\"n\">").append(t.count()).append("</td></tr>");
      }
      h.append("</table>\n");
    }
    if (s.errors() > 0) {
      h.append("<h2>Errors</h2>\n<table><tr><th>Kind</th><th>Records</th></tr>");
      for (Map.Entry<String, Long> e : s.errorKinds()) {
        h.append("<tr><td>").append(HtmlReport.escapeHtml(e.getKey())).append("</td><td class=\"n\">").append(e.getValue())
            .append("</td></tr>");
      }
      h.append("</table>\n");
    }
    if (grouped != null) {
      h.append("<h2>Hosts that share a spinner</h2>\n");
      if (grouped.groups().isEmpty()) {
        h.append("<p>None among ").append(grouped.hosts().size()).append(" profiled hosts.</p>\n");
      } else {
        h.append("<ol>");
        for (List<String> g : grouped.groups()) {
          h.append("<li>").append(HtmlReport.escapeHtml(String.join(", ", g))).append("</li>");
        }
        h.append("</ol>\n<table><tr><th>Host</th><th>Host</th><th>Similarity</th><th>Shared substitutions</th></tr>");
        for (HostProfiles.Pair p : grouped.pairs().subList(0, Math.min(50, grouped.pairs().size()))) {
          h.append("<tr><td>").append(HtmlReport.escapeHtml(p.a())).append("</td><td>").append(HtmlReport.escapeHtml(p.b()))
              .append(String.format(Locale.ROOT, "</td><td class=\"n\">%.3f</td><td>", p.similarity()))
              .append(HtmlReport.escapeHtml(String.join("; ", p.shared()))).append("</td></tr>");
        }
        h.append("</table>\n");
      }
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><th>").append(HtmlReport.escapeHtml(k)).append("</th><td class=\"n\">").append(HtmlReport.escapeHtml(v)).append("</td></tr>");
  }

  /** An SVG bar chart of the bins, with counts on top and the bin ranges below. */
  static void histogram(StringBuilder h, long[] bins) {
    int barW = 28;
    int gap = 4;
    int chartH = 160;
    int width = bins.length * (barW + gap) + 40;
    long max = 1;
    for (long b : bins) {
      max = Math.max(max, b);
    }
    h.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "role=\"img\" aria-label=\"histogram of spun probabilities\">", width, chartH + 50));
    for (int i = 0; i < bins.length; i++) {
      int x = 20 + i * (barW + gap);
      int bh = (int) Math.round(chartH * bins[i] / (double) max);
      int y = 20 + chartH - bh;
      String color = i * 2 >= bins.length ? "#c0392b" : "#2e86c1";
      double lo = i / (double) bins.length;
      h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
          + "<title>%.2f-%.2f: %d</title></rect>", x, y, barW, bh, color, lo, lo + 1.0 / bins.length, bins[i]));
      if (bins[i] > 0) {
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>",
            x + barW / 2, y - 3, bins[i]));
      }
      if (i % 2 == 0) {
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.1f</text>", x, 20 + chartH + 15, lo));
      }
    }
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">1.0</text>", 20 + bins.length * (barW + gap) - 8,
        20 + chartH + 15));
    h.append("</svg>\n");
  }
}
