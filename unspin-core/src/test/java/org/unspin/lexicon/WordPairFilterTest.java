package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordPairFilterTest {

  @Test
  void everyAddedPairAndWordIsFoundAndFewOthersAre() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    int n = 2000 + r.nextInt(20000);
    String[] phrases = new String[n];
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String a = ToyLexicons.word(r) + r.nextInt(500);
      String b = ToyLexicons.word(r) + r.nextInt(500);
      // one word, two or three
      phrases[i] = r.nextInt(4) == 0 ? a : r.nextBoolean() ? a + " " + b : a + " " + b + " " + ToyLexicons.word(r);
      if (phrases[i].indexOf(' ') > 0) {
        pairs.add(phrases[i].split(" ").length + " " + a + " " + b);
      }
    }
    WordPairFilter f = WordPairFilter.ofPhrases(phrases);
    for (String p : pairs) {
      String[] w = p.split(" ");
      int words = Integer.parseInt(w[0]);
      assertTrue(f.mayContain(w[1], w[2]), "seed=" + seed + " " + p);
      assertTrue(f.mayStart(w[1], words), "seed=" + seed + " " + p);
      assertTrue(f.mayFollow(w[2], words), "seed=" + seed + " " + p);
    }
    int tried = 0;
    int passed = 0;
    while (tried < 20000) {
      String a = ToyLexicons.word(r) + r.nextInt(500);
      String b = ToyLexicons.word(r) + r.nextInt(500);
      if (!pairs.contains("2 " + a + " " + b) && !pairs.contains("3 " + a + " " + b)) {
        tried++;
        passed += f.mayContain(a, b) ? 1 : 0;
      }
    }
    assertTrue(passed < tried / 8, "seed=" + seed + ": " + passed + " false positives of " + tried);
    // a single word is no pair
    WordPairFilter empty = WordPairFilter.ofPhrases(new String[] {"alone"});
    assertFalse(empty.mayContain("alone", "alone") && empty.mayStart("alone", 2));
  }
}
