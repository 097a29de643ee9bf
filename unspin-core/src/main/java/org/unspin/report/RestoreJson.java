package org.unspin.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unspin.api.Edit;
import org.unspin.restore.RestoredText;
import org.unspin.util.Json;

/**
 * The JSON of a restoration, shaped like the restoration half of
 * {@link org.unspin.detect.CheckReport#toJson()}:
 * <pre>{@code
 * {"restored": "...", "edits": [{"start": i, "end": j, "text": "...", "suggestion": "...", "confidence": c}],
 *  "input_log10_prob": x, "restored_log10_prob": y}
 * }</pre>
 * with offsets in UTF-16 code units of the input. Stateless.
 */
public final class RestoreJson {
  private RestoreJson() {}

  /** {@code r} as one compact JSON object. */
  public static String of(RestoredText r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("restored", r.text());
    m.put("edits", edits(r.edits()));
    m.put("input_log10_prob", finiteOrNull(r.inputLogProb()));
    m.put("restored_log10_prob", finiteOrNull(r.restoredLogProb()));
    return Json.write(m);
  }

  /** Edits as JSON-ready maps (start, end, text, suggestion, confidence). */
  static List<Object> edits(List<Edit> edits) {
    List<Object> out = new ArrayList<>(edits.size());
    for (Edit e : edits) {
      out.add(e.toJsonMap());
    }
    return out;
  }

  private static Double finiteOrNull(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
