package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unspin.cli.MainTest.run;

import org.junit.jupiter.api.Test;
import org.unspin.cli.MainTest.Result;

class CommandGroupTest {
  @Test
  void aGroupRunWithoutASubcommandPrintsItsUsageAndSucceeds() {
    for (String group : new String[] {"tune", "profile", "lexicon", "index", "detect", "eval", "fingerprints"}) {
      Result r = run(group);
      assertEquals(0, r.code(), group + ": " + r.err());
      assertEquals(run(group, "--help").out(), r.out(), group);
      assertTrue(r.out().startsWith("Usage: unspin " + group + " "), r.out());
      assertEquals("", r.err(), group);
    }
  }
}
