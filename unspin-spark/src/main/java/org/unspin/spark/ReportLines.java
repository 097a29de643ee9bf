package org.unspin.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unspin.api.Finding;
import org.unspin.api.Unspin;
import org.unspin.api.Verdict;
import org.unspin.detect.CheckReport;
import org.unspin.records.InputRecord;
import org.unspin.util.Json;

/**
 * One report line per record: {@code {"id", "uri", "verdict", "spun_probability", "findings"}}
 * for a document, {@code {"id", "uri", "source", "error"}} for a record that could not be read.
 */
final class ReportLines {
  private ReportLines() {}

  /** A report line and the document's verdict (null for an error line). */
  record Line(String json, Verdict verdict) {}

  static Line line(Unspin unspin, InputRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("uri", r.uri());
    if (r.isError()) {
      m.put("source", r.source());
      m.put("error", r.error());
      return new Line(Json.write(m), null);
    }
    CheckReport c = unspin.check(r.text());
    m.put("verdict", c.verdict().jsonName());
    m.put("spun_probability", c.spunProbability());
    List<Object> fs = new ArrayList<>();
    for (Finding f : c.findings()) {
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
    return new Line(Json.write(m), c.verdict());
  }
}
