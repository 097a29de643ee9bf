package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadsTest {
  @Test
  void theCoresWhenNotGiven() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Threads.resolve(null));
  }

  @Test
  void aGivenCountInRangeIsKept() {
    assertEquals(1, Threads.resolve(1));
    assertEquals(7, Threads.resolve(7));
    assertEquals(Threads.MAX, Threads.resolve(Threads.MAX));
  }

  @Test
  void outOfRangeIsAUsageErrorNamingTheOption() {
    for (int bad : new int[] {0, -3, Threads.MAX + 1}) {
      UsageException e = assertThrows(UsageException.class, () -> Threads.resolve(bad));
      assertTrue(e.getMessage().startsWith("--threads must be in 1..1024 (got " + bad + ")"), e.getMessage());
    }
  }
}
