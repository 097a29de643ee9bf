package org.unspin.bench.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Formats {@link CellResult}s as TSV (every column) and as a Markdown table (the headline columns). */
public final class EvalTables {
  private EvalTables() {}

  /** One header line, then one line per cell; numbers with 4 decimals, undefined ones as {@code NaN}. */
  public static String tsv(List<CellResult> cells) {
    StringBuilder sb = new StringBuilder(String.join("\t", CellResult.COLUMNS)).append('\n');
    for (CellResult c : cells) {
      sb.append(c.setting().label()).append('\t').append(num(c.rate(), 2));
      double[] v = c.values();
      for (int i = 0; i < v.length; i++) {
        sb.append('\t').append(i < 2 ? Long.toString((long) v[i]) : num(v[i], 4));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A Markdown table: detection, spans, restoration, speed and the baseline per cell. */
  public static String markdown(List<CellResult> cells) {
    StringBuilder sb = new StringBuilder();
    sb.append("| setting | rate | spun docs | doc P | doc R | doc F1 | AUC | clean FPR | span P | span R | span F1")
        .append(" | WER spun | WER restored | errors removed | over-edit | check MB/s/core | restore MB/s/core")
        .append(" | PPS doc R | PPS FPR | PPS span P | PPS span R |\n");
    sb.append("|---|").append("---:|".repeat(20)).append('\n');
    for (CellResult c : cells) {
      sb.append("| ").append(c.setting().label()).append(" | ").append(num(c.rate(), 1)).append(" | ")
          .append(c.spunDocs()).append(" | ");
      double[] v = {c.docPrecision(), c.docRecall(), c.docF1(), c.auc(), c.falsePositiveRate(), c.spanPrecision(),
          c.spanRecall(), c.spanF1(), c.werSpun(), c.werRestored(), c.errorsRemoved(), c.overEdit(),
          c.checkMbPerCpuSecond(), c.restoreMbPerCpuSecond(), c.baselineDocRecall(), c.baselineFalsePositiveRate(),
          c.baselineSpanPrecision(), c.baselineSpanRecall()};
      for (double x : v) {
        sb.append(num(x, 3)).append(" | ");
      }
      sb.setLength(sb.length() - 1);
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The per-kind counts: {@code setting rate kind substitutions reverted share}, one line each. */
  public static String kindsTsv(List<KindResult> kinds) {
    StringBuilder sb = new StringBuilder("setting\trate\tkind\tsubstitutions\treverted\tshare\n");
    for (KindResult k : kinds) {
      sb.append(k.setting().label()).append('\t').append(num(k.rate(), 2)).append('\t').append(k.kind())
          .append('\t').append(k.substitutions()).append('\t').append(k.reverted()).append('\t')
          .append(num(k.share(), 4)).append('\n');
    }
    return sb.toString();
  }

  /**
   * The per-kind counts as a Markdown table, one row per setting and rate, one column per kind:
   * {@code share reverted (substitutions)}; kinds that never occur are left out.
   */
  public static String kindsMarkdown(List<KindResult> kinds) {
    List<String> present = new ArrayList<>();
    for (String kind : KindResult.KINDS) {
      if (kinds.stream().anyMatch(k -> k.kind().equals(kind) && k.substitutions() > 0)) {
        present.add(kind);
      }
    }
    StringBuilder sb = new StringBuilder("| setting | rate |");
    for (String kind : present) {
      sb.append(' ').append(kind).append(" |");
    }
    sb.append("\n|---|---:|").append("---:|".repeat(present.size())).append('\n');
    Map<String, List<KindResult>> rows = new LinkedHashMap<>();
    for (KindResult k : kinds) {
      rows.computeIfAbsent(k.setting().label() + " | " + num(k.rate(), 1), x -> new ArrayList<>()).add(k);
    }
    for (Map.Entry<String, List<KindResult>> row : rows.entrySet()) {
      sb.append("| ").append(row.getKey()).append(" |");
      for (String kind : present) {
        KindResult k = row.getValue().stream().filter(x -> x.kind().equals(kind)).findFirst().orElse(null);
        sb.append(' ').append(k == null || k.substitutions() == 0 ? "-"
            : num(k.share(), 3) + " (" + k.substitutions() + ")").append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String num(double v, int decimals) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
