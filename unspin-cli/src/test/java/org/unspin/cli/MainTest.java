package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpListsCommandsAndExitsZero() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("lm"), r.out());
  }

  @Test
  void unknownOptionIsUsageErrorWithOneLineMessage() {
    Result r = run("--no-such-option");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().startsWith("unspin: Unknown option"), r.err());
  }
}
