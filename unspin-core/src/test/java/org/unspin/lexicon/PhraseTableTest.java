package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseTableTest {
  @Test
  void findsEveryPhraseByStringAndByTokenSpanAndNothingElse() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    Set<String> set = new LinkedHashSet<>();
    while (set.size() < 3000) {
      int words = 1 + r.nextInt(3);
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < words; w++) {
        sb.append(w > 0 ? " " : "").append(ToyLexicons.word(r));
      }
      set.add(sb.toString());
    }
    String[] phrases = set.toArray(new String[0]);
    PhraseTable t = new PhraseTable(phrases);
    Map<String, Integer> oracle = new HashMap<>();
    for (int i = 0; i < phrases.length; i++) {
      oracle.put(phrases[i], i);
    }
    for (int i = 0; i < 20000; i++) {
      String[] toks = new String[5];
      for (int k = 0; k < toks.length; k++) {
        toks[k] = r.nextInt(3) == 0 ? phrases[r.nextInt(phrases.length)].split(" ")[0] : ToyLexicons.word(r);
      }
      int from = r.nextInt(3);
      int len = 1 + r.nextInt(3);
      String joined = String.join(" ", java.util.Arrays.copyOfRange(toks, from, from + len));
      int expected = oracle.getOrDefault(joined, -1);
      assertEquals(expected, t.find(toks, from, len), "seed=" + seed + " '" + joined + "'");
      assertEquals(expected, t.find(joined), "seed=" + seed + " '" + joined + "'");
    }
    for (int i = 0; i < phrases.length; i++) {
      String[] toks = phrases[i].split(" ");
      assertEquals(i, t.find(toks, 0, toks.length), "seed=" + seed);
    }
  }

  @Test
  void rejectsDuplicatesAndEmptyPhrases() {
    assertThrows(IllegalArgumentException.class, () -> new PhraseTable(new String[] {"a b", "a b"}));
    assertThrows(IllegalArgumentException.class, () -> new PhraseTable(new String[] {""}));
  }

  @Test
  void doesNotConfuseSpacesWithTokenBoundaries() {
    PhraseTable t = new PhraseTable(new String[] {"ab c", "a bc", "abc"});
    assertEquals(0, t.find(new String[] {"ab", "c"}, 0, 2));
    assertEquals(1, t.find(new String[] {"a", "bc"}, 0, 2));
    assertEquals(2, t.find(new String[] {"abc"}, 0, 1));
    assertEquals(-1, t.find(new String[] {"a", "b", "c"}, 0, 3));
  }
}
