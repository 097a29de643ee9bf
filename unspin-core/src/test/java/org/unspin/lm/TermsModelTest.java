package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsModelTest {
  @TempDir
  Path dir;

  @Test
  void aModelOfTheTermsIsBuiltOnceAndPrefersThem() throws Exception {
    List<String> terms = List.of("median filter", "median filter", "random forest", " ", "cross-validation error");
    try (BinaryLm lm = TermsModel.load(terms, dir)) {
      Vocabulary v = lm.vocabulary();
      int median = v.id("median");
      int middle = v.id("middle");
      assertEquals(Vocabulary.UNK, middle, "a word of no term is unknown to it");
      int[] h = {median};
      assertTrue(lm.logProb(h, 0, 1, v.id("filter")) > lm.logProb(h, 0, 1, v.id("forest")));
      assertTrue(v.id("cross-validation") != Vocabulary.UNK);
    }
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.toList();
    }
    assertEquals(1, files.size(), "only the model stays: " + files);
    long modified = Files.getLastModifiedTime(files.get(0)).toMillis();
    try (BinaryLm again = TermsModel.load(terms, dir)) {
      assertTrue(again.vocabulary().id("median") != Vocabulary.UNK);
    }
    assertEquals(modified, Files.getLastModifiedTime(files.get(0)).toMillis(), "reused, not built again");
    try (BinaryLm other = TermsModel.load(List.of("median filter"), dir); var s = Files.list(dir)) {
      assertEquals(2, s.count(), "other terms, another model");
    }
  }
}
