package org.unspin.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.api.Verdict;
import org.unspin.util.Json;

/**
 * The result of checking one text: the calibrated probability that it is spun, the verdict, the
 * span findings with their rules, the signal counts and features that explain the score, and the
 * restoration.
 *
 * <p>{@link #toJson()} gives the object of DESIGN.md §5:
 * <pre>{@code
 * {"spun_probability": p, "verdict": "spun"|"clean"|"uncertain",
 *  "findings": [{"start": i, "end": j, "text": "...", "suggestion": "...", "confidence": c, "rule": "ID"}],
 *  "signals": {"RULE_ID": n, ...}, "features": {"name": x, ...},
 *  "restored": "...", "edits": [{"start": i, "end": j, "text": "...", "suggestion": "...", "confidence": c}]}
 * }</pre>
 * with offsets in UTF-16 code units of the input. {@link #toText()} gives a readable report.
 *
 * @param input the text as given
 * @param spunProbability calibrated probability in {@code [0, 1]}
 * @param verdict the decision by the detector's two thresholds
 * @param findings one finding per distinct span (the most confident rule's), ordered by start
 * @param signals rule ID to number of hits (every rule, zeros included), in rule order
 * @param features feature name to value, in model order
 * @param restored the restored text
 * @param edits the restoration's edits
 * @param note why the verdict is not the probability's (a text too short to judge), or null; in
 *     the JSON as {@code "note"} when present
 * @param contributions each feature's term of the detector's logit (positive: toward spun), in
 *     model order; empty when unknown; in the JSON as {@code "contributions"} when not empty
 */
public record CheckReport(String input, double spunProbability, Verdict verdict, List<Finding> findings,
    Map<String, Integer> signals, Map<String, Double> features, String restored, List<Edit> edits, String note,
    Map<String, Double> contributions) {

  /** A report without a note or contributions. */
  public CheckReport(String input, double spunProbability, Verdict verdict, List<Finding> findings,
      Map<String, Integer> signals, Map<String, Double> features, String restored, List<Edit> edits) {
    this(input, spunProbability, verdict, findings, signals, features, restored, edits, null, Map.of());
  }

  /** The same report with {@code note} (null for none). */
  public CheckReport withNote(String note) {
    return new CheckReport(input, spunProbability, verdict, findings, signals, features, restored, edits, note,
        contributions);
  }

  /** The same report with the detector's {@code contributions}. */
  public CheckReport withContributions(Map<String, Double> contributions) {
    return new CheckReport(input, spunProbability, verdict, findings, signals, features, restored, edits, note,
        contributions);
  }

  /**
   * The same score, verdict and reasons for another rendering of the text: offsets mapped to an
   * HTML source, or a restoration by a found source.
   */
  public CheckReport withSpans(String input, List<Finding> findings, String restored, List<Edit> edits) {
    return new CheckReport(input, spunProbability, verdict, findings, signals, features, restored, edits, note,
        contributions);
  }

  public CheckReport {
    Objects.requireNonNull(input, "input");
    if (!(spunProbability >= 0 && spunProbability <= 1)) {
      throw new IllegalArgumentException("spunProbability must be in [0, 1] (got " + spunProbability + ")");
    }
    Objects.requireNonNull(verdict, "verdict");
    findings = List.copyOf(findings);
    signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    Objects.requireNonNull(restored, "restored");
    edits = List.copyOf(edits);
    for (Finding f : findings) {
      if (f.end() > input.length()) {
        throw new IllegalArgumentException("finding [" + f.start() + ", " + f.end() + ") leaves the input of length "
            + input.length());
      }
    }
  }

  /** The report as one compact JSON object (DESIGN.md §5). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spun_probability", spunProbability);
    m.put("verdict", verdict.jsonName());
    List<Object> fs = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("start", f.start());
      o.put("end", f.end());
      o.put("text", f.text());
      o.put("suggestion", f.suggestion());
      o.put("confidence", f.confidence());
      o.put("rule", f.ruleId());
      fs.add(o);
    }
    m.put("findings", fs);
    m.put("signals", signals);
    m.put("features", features);
    m.put("restored", restored);
    List<Object> es = new ArrayList<>();
    for (Edit e : edits) {
      es.add(e.toJsonMap());
    }
    m.put("edits", es);
    if (note != null) {
      m.put("note", note);
    }
    if (!contributions.isEmpty()) {
      m.put("contributions", contributions);
    }
    return Json.write(m);
  }

  /**
   * A readable report: score and verdict, the reasons (rules that fired, most hits first), the
   * findings one per line, and the input with every finding marked as {@code [text -> suggestion]}.
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Spun probability: %.3f  verdict: %s%n", spunProbability,
        verdict.jsonName()));
    List<Map.Entry<String, Integer>> fired = new ArrayList<>();
    for (Map.Entry<String, Integer> e : signals.entrySet()) {
      if (e.getValue() > 0) {
        fired.add(e);
      }
    }
    fired.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    sb.append("Reasons: ");
    if (fired.isEmpty()) {
      sb.append("no rule fired");
    } else {
      for (int i = 0; i < fired.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(fired.get(i).getKey()).append(" x").append(fired.get(i).getValue());
      }
    }
    sb.append(String.format(Locale.ROOT, "%n"));
    if (!contributions.isEmpty()) {
      List<Map.Entry<String, Double>> terms = new ArrayList<>(contributions.entrySet());
      terms.sort((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
      sb.append("Score terms against an average training text (logit; + toward spun): ");
      for (int i = 0; i < Math.min(3, terms.size()); i++) {
        sb.append(i == 0 ? "" : ", ").append(terms.get(i).getKey())
            .append(String.format(Locale.ROOT, " %+.2f", terms.get(i).getValue()));
      }
      sb.append(String.format(Locale.ROOT, "%n"));
    }
    if (note != null) {
      sb.append("Note: ").append(note).append(String.format(Locale.ROOT, "%n"));
    }
    if (!findings.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "Findings (%d):%n", findings.size()));
      for (Finding f : findings) {
        sb.append(String.format(Locale.ROOT, "  %d-%d  \"%s\" -> \"%s\"  %.2f  %s%n", f.start(), f.end(),
            oneLine(f.text()), oneLine(f.suggestion()), f.confidence(), f.ruleId()));
      }
      sb.append(String.format(Locale.ROOT, "Marked text:%n"));
      int pos = 0;
      for (Finding f : findings) {
        if (f.start() < pos) {
          continue; // overlaps the previous mark; listed above
        }
        sb.append(input, pos, f.start()).append('[').append(f.text()).append(" -> ").append(f.suggestion())
            .append(']');
        pos = f.end();
      }
      sb.append(input, pos, input.length());
      if (!input.endsWith("\n")) {
        sb.append(String.format(Locale.ROOT, "%n"));
      }
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
