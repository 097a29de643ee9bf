package org.unspin.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unspin.util.Json;

/**
 * Totals of a scan, accumulated from its report lines ({@link RecordChecker}'s format), so that a
 * resumed scan can rebuild them from the report it continues: documents, errors, verdicts, a
 * histogram of spun probabilities and the most frequent substitutions among the findings.
 *
 * <p>Memory is bounded: at most {@link #MAX_SUBSTITUTIONS} distinct substitutions are counted;
 * when the table is full the rarest half is dropped (so rare pairs seen late may be undercounted,
 * frequent ones are not). Not thread-safe: one writer feeds it, in report order. Summaries of parts
 * of a scan (the Spark job's tasks) combine with {@link #merge}; they are serializable for that.
 */
public final class ScanSummary implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Histogram bins over [0, 1]. */
  public static final int BINS = 20;
  /** Distinct substitutions kept. */
  public static final int MAX_SUBSTITUTIONS = 50_000;

  private long documents;
  private long errors;
  private long spun;
  private long uncertain;
  private long clean;
  private long findings;
  private final long[] histogram = new long[BINS];
  private final Map<String, long[]> substitutions = new HashMap<>();
  private final Map<String, Long> errorKinds = new HashMap<>();

  /** One substitution and how often it was found. */
  public record Substitution(String text, String suggestion, long count) {}

  /** Adds one report line. */
  public void add(String jsonLine) {
    Map<String, Object> m = Json.parseObject(jsonLine);
    Object error = m.get("error");
    if (error instanceof String e) {
      errors++;
      String kind = errorKind(e);
      errorKinds.merge(kind, 1L, Long::sum);
      return;
    }
    documents++;
    String verdict = String.valueOf(m.get("verdict"));
    switch (verdict) {
      case "spun" -> spun++;
      case "uncertain" -> uncertain++;
      default -> clean++;
    }
    double p = ((Number) m.get("spun_probability")).doubleValue();
    histogram[Math.min(BINS - 1, Math.max(0, (int) (p * BINS)))]++;
    if (m.get("findings") instanceof List<?> fs) {
      for (Object o : fs) {
        if (o instanceof Map<?, ?> f) {
          findings++;
          String key = String.valueOf(f.get("text")).toLowerCase(Locale.ROOT) + "\t"
              + String.valueOf(f.get("suggestion")).toLowerCase(Locale.ROOT);
          substitutions.computeIfAbsent(key, k -> new long[1])[0]++;
        }
      }
      if (substitutions.size() > MAX_SUBSTITUTIONS) {
        prune();
      }
    }
  }

  /**
   * Adds the counts of another summary (of other report lines) to this one. The substitution table
   * is pruned as in {@link #add} when the two together exceed {@link #MAX_SUBSTITUTIONS}.
   */
  public void merge(ScanSummary other) {
    documents += other.documents;
    errors += other.errors;
    spun += other.spun;
    uncertain += other.uncertain;
    clean += other.clean;
    findings += other.findings;
    for (int i = 0; i < BINS; i++) {
      histogram[i] += other.histogram[i];
    }
    other.errorKinds.forEach((k, v) -> errorKinds.merge(k, v, Long::sum));
    other.substitutions.forEach((k, v) -> substitutions.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    if (substitutions.size() > MAX_SUBSTITUTIONS) {
      prune();
    }
  }

  /**
   * The kind of an error message: the words before the first number, quote, parenthesis, colon
   * or semicolon ("invalid UTF-8 at byte offset 12" gives "invalid UTF-8 at byte offset").
   */
  static String errorKind(String e) {
    int end = e.length();
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      boolean number = Character.isDigit(c) && (i == 0 || e.charAt(i - 1) == ' ');
      if (number || c == '(' || c == '"' || c == ';' || c == ':') {
        end = i;
        break;
      }
    }
    String k = e.substring(0, end).strip();
    return k.isEmpty() ? e : k;
  }

  private void prune() {
    List<Long> counts = new ArrayList<>();
    for (long[] c : substitutions.values()) {
      counts.add(c[0]);
    }
    counts.sort(null);
    long median = counts.get(counts.size() / 2);
    substitutions.values().removeIf(c -> c[0] <= median);
    if (substitutions.size() > MAX_SUBSTITUTIONS / 2) { // many ties at the median
      List<String> keys = new ArrayList<>(substitutions.keySet());
      keys.sort(null);
      for (int i = MAX_SUBSTITUTIONS / 2; i < keys.size(); i++) {
        substitutions.remove(keys.get(i));
      }
    }
  }

  /** Readable documents checked (error records excluded). */
  public long documents() {
    return documents;
  }

  /** Records that gave an error line. */
  public long errors() {
    return errors;
  }

  public long spun() {
    return spun;
  }

  public long uncertain() {
    return uncertain;
  }

  public long clean() {
    return clean;
  }

  /** Findings over all documents. */
  public long findings() {
    return findings;
  }

  /** Share of checked documents with the verdict spun (0 when there are none). */
  public double spunShare() {
    return documents == 0 ? 0 : spun / (double) documents;
  }

  /** Documents per spun-probability bin; bin i holds [i/BINS, (i+1)/BINS), the last one includes 1. */
  public long[] histogram() {
    return histogram.clone();
  }

  /** Error records per kind of error, most frequent first. */
  public List<Map.Entry<String, Long>> errorKinds() {
    List<Map.Entry<String, Long>> l = new ArrayList<>(errorKinds.entrySet());
    l.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return l;
  }

  /**
   * The totals as text, one item per line: records, error kinds, verdicts and the 10 most frequent
   * substitutions; the first line starts with {@code prefix} (e.g. "scan: "), the others with two spaces.
   */
  public String describe(String prefix) {
    StringBuilder sb = new StringBuilder();
    long total = documents + errors;
    sb.append(prefix).append(String.format(Locale.ROOT, "%d records: %d documents checked, %d errors%n", total,
        documents, errors));
    if (errors > 0) {
      List<String> kinds = new ArrayList<>();
      for (Map.Entry<String, Long> e : errorKinds()) {
        if (kinds.size() == 5) {
          kinds.add("...");
          break;
        }
        kinds.add(e.getValue() + " " + e.getKey());
      }
      sb.append("  errors: ").append(String.join(", ", kinds)).append(String.format(Locale.ROOT, "%n"));
    }
    sb.append(String.format(Locale.ROOT, "  verdicts: %d spun (%.1f%%), %d uncertain, %d clean; %d findings%n",
        spun, 100 * spunShare(), uncertain, clean, findings));
    List<Substitution> top = topSubstitutions(10);
    if (!top.isEmpty()) {
      sb.append("  top substitutions:");
      for (Substitution t : top) {
        sb.append(String.format(Locale.ROOT, "%n    %6d  %s -> %s", t.count(), t.text(), t.suggestion()));
      }
      sb.append(String.format(Locale.ROOT, "%n"));
    }
    return sb.toString();
  }

  /** The {@code n} most frequent substitutions (text and suggestion lower-cased), ties by text. */
  public List<Substitution> topSubstitutions(int n) {
    List<Substitution> l = new ArrayList<>();
    for (Map.Entry<String, long[]> e : substitutions.entrySet()) {
      int tab = e.getKey().indexOf('\t');
      l.add(new Substitution(e.getKey().substring(0, tab), e.getKey().substring(tab + 1), e.getValue()[0]));
    }
    l.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
        : a.text().equals(b.text()) ? a.suggestion().compareTo(b.suggestion()) : a.text().compareTo(b.text()));
    return l.subList(0, Math.min(n, l.size()));
  }
}
