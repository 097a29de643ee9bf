package org.unspin.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.Unspin;
import org.unspin.lm.BinaryLm;

/** The domain model leaves every 20th document out and fits its interpolation weight on them. */
class DomainLmTest {
  private static final String[] PLACES = {"Leeds", "Bristol", "Norwich", "Exeter", "Durham", "Bath", "York"};
  private static final String[] PLANS = {"a new tram line", "a cycle lane", "a bus station", "a river bridge",
      "a public library", "a swimming pool"};

  private static void build(Path dir, int docs) {
    try (SourceIndexWriter w = SourceIndexWriter.create(dir, IndexOptions.defaults())) {
      for (int i = 0; i < docs; i++) {
        String place = PLACES[i % PLACES.length];
        String plan = PLANS[(i * 5) % PLANS.length];
        w.add("doc" + i, null, "The council of " + place + " approved plans for " + plan + " on Tuesday. The project is "
            + "expected to cost about " + (20 + i) + " million pounds and to take " + (2 + i % 4) + " years to build. "
            + "Supporters said " + plan + " would cut traffic in the centre of " + place + ", while opponents warned "
            + "that the work would close several streets for months.");
      }
    }
  }

  @Test
  void aLargeEnoughIndexGetsAFourGramWithAFittedWeight(@TempDir Path dir) {
    build(dir, 60);
    Path lm;
    try (SourceIndex index = SourceIndex.open(dir)) {
      lm = DomainLm.build(index);
    }
    try (BinaryLm m = BinaryLm.open(lm)) {
      assertEquals(DomainLm.ORDER, m.order());
      String w = m.metadata().get(Unspin.INTERPOLATION_WEIGHT_KEY);
      double x = Double.parseDouble(w);
      // text this repetitive is far likelier under its own model than under the default
      assertTrue(x > 0.5 && x <= DomainLm.MAX_WEIGHT, w);
      assertTrue(m.metadata().get(Unspin.INTERPOLATION_WEIGHT_KEY + "-fit").startsWith("EM against the default model on 3 "),
          m.metadata().toString());
    }
  }

  @Test
  void aSmallIndexKeepsEveryDocumentAndEqualWeights(@TempDir Path dir) {
    build(dir, DomainLm.MIN_DOCS_TO_FIT - 1);
    Path lm;
    try (SourceIndex index = SourceIndex.open(dir)) {
      lm = DomainLm.build(index);
    }
    try (BinaryLm m = BinaryLm.open(lm)) {
      assertNull(m.metadata().get(Unspin.INTERPOLATION_WEIGHT_KEY));
    }
  }
}
