package org.unspin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.detect.CheckReport;

/** Start-up: the models that load on threads of their own give what loading them in turn gives. */
class UnspinLoadingTest {
  static final String SPUN = "The focal bank raised intrigue rates on Tuesday, saying that expansion had stayed over "
      + "its objective for most of the year. Markets fell after the declaration. We used colossal information and "
      + "counterfeit consciousness to study the irregular woodland.";

  @Test
  void aDetectorLoadedAtStartUpChecksAsOneLoadedAtTheFirstCheck() {
    CheckReport early;
    CheckReport late;
    try (Unspin u = Unspin.builder().preloadDetector(true).build()) {
      early = u.check(SPUN);
    }
    try (Unspin u = Unspin.builder().build()) {
      late = u.check(SPUN);
    }
    assertEquals(late, early);
    assertTrue(early.findings().size() > 0, "the spun text has findings");
  }

  @Test
  void aBadDetectorFileFailsTheBuildWithItsName(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad-detector.tsv");
    Files.writeString(bad, "not a detector\n");
    ModelException e = assertThrows(ModelException.class, () -> Unspin.builder().detector(bad).build());
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
  }
}
