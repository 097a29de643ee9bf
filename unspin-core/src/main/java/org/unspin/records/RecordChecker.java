package org.unspin.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.Finding;
import org.unspin.api.Unspin;
import org.unspin.detect.CheckReport;
import org.unspin.util.Json;

/**
 * Checks one {@link InputRecord} and writes its report line: the per-record logic of
 * {@code unspin scan}, shared with the Spark job so that both write the same bytes.
 *
 * <p>A document gives
 * <pre>{@code
 * {"id":"...","uri":"..."|null,"source":"...","verdict":"spun"|"clean"|"uncertain",
 *  "spun_probability":p,"note":"..."(only when there is one),"findings":[{"start":i,"end":j,
 *  "text":"...","suggestion":"...","confidence":c,"rule":"ID"},...]}
 * }</pre>
 * (the note says why the verdict is not the probability's, {@link CheckReport#note()}), with
 * offsets in UTF-16 code units of the record's text (for HTML, of the extracted text), and
 * probabilities rounded to {@link #DECIMALS} decimals. A bad record, a text that is not English
 * ({@link EnglishGuess}) or a check that fails gives
 * {@code {"id":"...","uri":...,"source":"...","error":"one line"}}. Lines hold no line break.
 *
 * <p>Thread-safe: it holds only the (thread-safe) {@link Unspin} facade.
 */
public final class RecordChecker {
  /** Decimals kept of probabilities and confidences in report lines. */
  public static final int DECIMALS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(RecordChecker.class);

  private final Unspin unspin;
  private final boolean englishOnly;

  /**
   * @param unspin the models to check with
   * @param englishOnly refuse texts that {@link EnglishGuess} takes for another language
   */
  public RecordChecker(Unspin unspin, boolean englishOnly) {
    this.unspin = Objects.requireNonNull(unspin, "unspin");
    this.englishOnly = englishOnly;
  }

  /** A checker that refuses non-English texts. */
  public RecordChecker(Unspin unspin) {
    this(unspin, true);
  }

  /**
   * The outcome for one record.
   *
   * @param record the record checked
   * @param report the check report, null when {@code error} is set
   * @param error why there is no report (the record's own error, not English, check failure), or null
   * @param json the report line, without a line break
   */
  public record Checked(InputRecord record, CheckReport report, String error, String json) {
    public Checked {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(json, "json");
      if ((report == null) == (error == null)) {
        throw new IllegalArgumentException("exactly one of report and error must be set");
      }
    }
  }

  /** Checks {@code record}; never throws for its content. */
  public Checked check(InputRecord record) {
    Objects.requireNonNull(record, "record");
    if (record.isError()) {
      return failed(record, record.error());
    }
    if (englishOnly) {
      String why = EnglishGuess.problem(record.text());
      if (why != null) {
        return failed(record, why);
      }
    }
    CheckReport report;
    try {
      report = unspin.check(record.text());
    } catch (RuntimeException e) {
      // One bad document must not stop a crawl-sized scan: report it and go on.
      LOG.warn("check failed on {}", record.source(), e);
      return failed(record, "check failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    Map<String, Object> m = head(record);
    m.put("verdict", report.verdict().jsonName());
    m.put("spun_probability", round(report.spunProbability()));
    if (report.note() != null) {
      m.put("note", report.note());
    }
    List<Object> fs = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("start", f.start());
      o.put("end", f.end());
      o.put("text", f.text());
      o.put("suggestion", f.suggestion());
      o.put("confidence", round(f.confidence()));
      o.put("rule", f.ruleId());
      fs.add(o);
    }
    m.put("findings", fs);
    return new Checked(record, report, null, Json.write(m));
  }

  /** The report line of {@code record} ({@link #check} without the report). */
  public String toJson(InputRecord record) {
    return check(record).json();
  }

  private static Checked failed(InputRecord record, String error) {
    String oneLine = error.replace('\n', ' ').replace('\r', ' ');
    Map<String, Object> m = head(record);
    m.put("error", oneLine);
    return new Checked(record, null, oneLine, Json.write(m));
  }

  private static Map<String, Object> head(InputRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("uri", r.uri());
    m.put("source", r.source());
    return m;
  }

  static double round(double p) {
    double scale = Math.pow(10, DECIMALS);
    return Math.round(p * scale) / scale;
  }
}
