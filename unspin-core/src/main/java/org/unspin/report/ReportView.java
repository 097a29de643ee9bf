package org.unspin.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.unspin.detect.CheckReport;
import org.unspin.util.Json;

/**
 * What one rendered report shows: a check of a text, and optionally a trace of it with the texts
 * of the matched sources. {@link #toJson()} is the data {@code report.js} renders, both in the
 * self-contained file ({@link HtmlReport}) and on the server's page:
 * <pre>{@code
 * {"title": "...", "text": "...", "check": {CheckReport JSON}, "trace": {TraceResult JSON} | null,
 *  "sources": {"source id": "source text", ...}}
 * }</pre>
 * All offsets in {@code check} index {@code text}; passage offsets in {@code trace} index
 * {@code text} and the source's text. Immutable.
 *
 * @param title a short label (file name, "pasted text")
 * @param check the check of the text; its {@link CheckReport#input()} is the text shown
 * @param traceJson the trace result as one JSON object ({@code {"matches": [...]}}), or null
 * @param sources text of each matched source by id (may be empty; the page then shows offsets only)
 */
public record ReportView(String title, CheckReport check, String traceJson, Map<String, String> sources) {
  public ReportView {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(check, "check");
    if (traceJson != null) {
      try {
        Json.parseObject(traceJson);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("traceJson is not a JSON object: " + e.getMessage(), e);
      }
    }
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** A view of a check alone. */
  public static ReportView of(String title, CheckReport check) {
    return new ReportView(title, check, null, Map.of());
  }

  /** The view as one compact JSON object (see the class comment). */
  public String toJson() {
    StringBuilder sb = new StringBuilder(check.input().length() * 3 + 256);
    sb.append("{\"title\":");
    Json.quote(sb, title);
    sb.append(",\"text\":");
    Json.quote(sb, check.input());
    sb.append(",\"check\":").append(check.toJson());
    sb.append(",\"trace\":").append(traceJson == null ? "null" : traceJson);
    sb.append(",\"sources\":");
    Json.write(sb, sources);
    return sb.append('}').toString();
  }
}
