package org.unspin.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Split;

class EvalConfigTest {
  private static EvalConfig config(Set<CorpusSource> sources, List<Double> rates, int docs, double holdOut,
      int threads) {
    return new EvalConfig(Path.of("corpora"), sources, Split.TEST, docs, rates, List.of(EvalSetting.KNOWN), holdOut,
        1, threads);
  }

  @Test
  void sourcesAreReadInEnumOrderWhateverOrderTheyAreGivenIn() {
    Set<CorpusSource> given = new LinkedHashSet<>(List.of(CorpusSource.AGNEWS, CorpusSource.BBC,
        CorpusSource.REUTERS));
    EvalConfig c = config(given, EvalConfig.DEFAULT_RATES, 200, 0.25, 2);
    assertEquals(List.of(CorpusSource.BBC, CorpusSource.REUTERS, CorpusSource.AGNEWS), new ArrayList<>(c.sources()));
  }

  @Test
  void badSettingsNameTheValue() {
    Set<CorpusSource> bbc = Set.of(CorpusSource.BBC);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> config(bbc, List.of(0.2, 0.0), 200, 0.25, 2));
    assertTrue(e.getMessage().contains("(got 0.0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> config(bbc, List.of(0.2), 1, 0.25, 2));
    assertTrue(e.getMessage().contains("documents must be >= 2 (got 1)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> config(bbc, List.of(0.2), 10, 1.0, 2));
    assertTrue(e.getMessage().contains("holdOut"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> config(bbc, List.of(0.2), 10, 0.25, 0));
    assertTrue(e.getMessage().contains("threads must be >= 1 (got 0)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> config(Set.of(), List.of(0.2), 10, 0.25, 1));
  }
}
