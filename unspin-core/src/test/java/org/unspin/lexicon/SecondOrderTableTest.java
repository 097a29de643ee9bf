package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk second-order table answers exactly what {@link SecondOrder} computes. */
class SecondOrderTableTest {

  private static void assertSameEntries(LexiconDictionary view, int max, SecondOrderTable t, String msg) {
    SecondOrder fresh = new SecondOrder(view, max);
    for (int s = 0; s < view.lexicon().phraseCount(); s++) {
      SecondOrder.Entry want = fresh.of(s);
      SecondOrder.Entry got = t.entry(s);
      String m = msg + " surface=" + view.lexicon().phrase(s);
      assertArrayEquals(want.original, got.original, m);
      assertArrayEquals(want.edge, got.edge, m);
      assertArrayEquals(want.cost, got.cost, m);
    }
  }

  private static List<Path> tables(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".uso")).sorted().toList();
    }
  }

  @Test
  void tableEntriesEqualComputedEntriesOverRandomViews(@TempDir Path dir) throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int round = 0; round < 3; round++) {
      Lexicon lex = ToyLexicons.random(r, 40 + r.nextInt(60), 80 + r.nextInt(300));
      for (LexiconDictionary view : List.of(lex.dictionary(), lex.dictionary().holdingOut(0.25, seed))) {
        int max = 1 + r.nextInt(8);
        SecondOrderTable t = SecondOrderTable.openOrBuild(new SecondOrder(view, max), dir);
        assertNotNull(t, "seed=" + seed);
        assertSameEntries(view, max, t, "seed=" + seed + " round=" + round);
      }
    }
    assertEquals(6, tables(dir).size(), "one file per lexicon and view, seed=" + seed);
  }

  @Test
  void anExistingTableIsMappedAndADamagedOneRebuilt(@TempDir Path dir) throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Lexicon lex = ToyLexicons.random(new Random(seed), 80, 300);
    LexiconDictionary view = lex.dictionary();
    SecondOrderTable.openOrBuild(new SecondOrder(view, 5), dir);
    Path file = tables(dir).get(0);
    byte[] built = Files.readAllBytes(file);
    SecondOrderTable.openOrBuild(new SecondOrder(view, 5), dir);
    assertArrayEquals(built, Files.readAllBytes(file), "seed=" + seed);
    // cut the file short: the next open rebuilds it to the same bytes
    try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
      ch.truncate(built.length - 3);
    }
    SecondOrderTable t = SecondOrderTable.openOrBuild(new SecondOrder(view, 5), dir);
    assertArrayEquals(built, Files.readAllBytes(file), "seed=" + seed);
    assertSameEntries(view, 5, t, "seed=" + seed);
  }

  @Test
  void keyDependsOnTheViewAndTheKeptCount() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Lexicon lex = ToyLexicons.random(new Random(seed), 80, 300);
    long full = SecondOrderTable.key(new SecondOrder(lex.dictionary(), 5));
    assertEquals(full, SecondOrderTable.key(new SecondOrder(lex.dictionary(), 5)), "seed=" + seed);
    assertNotEquals(full, SecondOrderTable.key(new SecondOrder(lex.dictionary(), 6)), "seed=" + seed);
    assertNotEquals(full, SecondOrderTable.key(new SecondOrder(lex.dictionary().holdingOut(0.25, seed), 5)),
        "seed=" + seed);
    assertNotEquals(full, SecondOrderTable.key(new SecondOrder(lex.dictionary().holdingOut(0.25, seed).heldOut(), 5)),
        "seed=" + seed);
  }
}
