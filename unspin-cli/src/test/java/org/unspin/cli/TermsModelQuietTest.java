package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lm.TermsModel;

/**
 * The terms model is built on a machine's first check of a paper-like text: with the command's
 * logging (LmBuilder at info) that build must print nothing, while 'lm build' still reports.
 */
class TermsModelQuietTest {
  @TempDir
  Path dir;

  @Test
  void buildingTheTermsModelPrintsNothing() throws Exception {
    PrintStream old = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Path built;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      built = TermsModel.file(List.of("deep learning", "random forest", "neural network"), dir);
    } finally {
      System.setErr(old);
    }
    assertTrue(Files.isRegularFile(built));
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }
}
