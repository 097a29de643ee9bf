package org.unspin.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalTablesTest {
  private static CellResult cell(EvalSetting setting, double rate, double auc) {
    double n = Double.NaN;
    return new CellResult(setting, rate, 3, 4, 0.5, 1.0 / 3, 0.4, auc, 0.25, n, 0, 0, 0.2, 0.1, 0.5, 0.01, 1.5,
        1.25, 1, 1, n, 0, n, 0, n, 0);
  }

  @Test
  void tsvHasOneColumnPerFigureAndNaNForUndefinedOnes() {
    String tsv = EvalTables.tsv(List.of(cell(EvalSetting.KNOWN, 0.1, 0.875), cell(EvalSetting.UNKNOWN, 0.8, 1)));
    String[] lines = tsv.split("\n");
    assertEquals(3, lines.length, tsv);
    assertEquals(String.join("\t", CellResult.COLUMNS), lines[0]);
    assertEquals("known\t0.10\t3\t4\t0.5000\t0.3333\t0.4000\t0.8750\t0.2500\tNaN\t0.0000\t0.0000\t0.2000\t0.1000"
        + "\t0.5000\t0.0100\t1.5000\t1.2500\t1.0000\t1.0000\tNaN\t0.0000\tNaN\t0.0000\tNaN\t0.0000", lines[1]);
    assertEquals(CellResult.COLUMNS.length, lines[2].split("\t").length);
  }

  @Test
  void markdownRowsFollowTheCells() {
    String md = EvalTables.markdown(List.of(cell(EvalSetting.KNOWN, 0.4, 0.875)));
    String[] lines = md.split("\n");
    assertEquals(3, lines.length, md);
    assertEquals(lines[0].split("\\|").length, lines[2].split("\\|").length, md);
    assertEquals("| known | 0.4 | 3 | 0.500 | 0.333 | 0.400 | 0.875 | 0.250 | NaN | 0.000 | 0.000 | 0.200 | 0.100"
        + " | 0.500 | 0.010 | 1.500 | 1.250 | 0.000 | 0.000 | NaN | 0.000 |", lines[2]);
  }

  @Test
  void kindTablesPivotByKindAndLeaveOutAbsentKinds() {
    List<KindResult> kinds = List.of(new KindResult(EvalSetting.KNOWN, 0.2, "word", 10, 4),
        new KindResult(EvalSetting.KNOWN, 0.2, "name", 0, 0), new KindResult(EvalSetting.KNOWN, 0.2, "phrase", 4, 1),
        new KindResult(EvalSetting.UNKNOWN, 0.2, "word", 8, 0));
    String md = EvalTables.kindsMarkdown(kinds);
    assertEquals("| setting | rate | word | phrase |\n|---|---:|---:|---:|\n| known | 0.2 | 0.400 (10) | 0.250 (4) |\n"
        + "| unknown | 0.2 | 0.000 (8) | - |\n", md);
    String tsv = EvalTables.kindsTsv(kinds);
    assertEquals("known\t0.20\tword\t10\t4\t0.4000", tsv.split("\n")[1]);
    assertEquals("known\t0.20\tname\t0\t0\tNaN", tsv.split("\n")[2]);
    assertEquals(KindResult.KINDS.size() - 1, KindResult.index("no-such-kind"));
    assertThrows(IllegalArgumentException.class, () -> new KindResult(EvalSetting.KNOWN, 0.2, "word", 1, 2));
  }
}
