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
    long seed = System.nanoTime();
    Random r = new Random(seed);
    int n = 2000 + r.nextInt(20000);
    String[] phrases = new String[n];
    Set<String> pairs = new HashSet<>();
    Set<String> firsts = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String a = ToyLexicons.word(r) + r.nextInt(500);
      String b = ToyLexicons.word(r) + r.nextInt(500);
      // one word, two or three
      phrases[i] = r.nextInt(4) == 0 ? a : r.nextBoolean() ? a + " " + b : a + " " + b + " " + ToyLexicons.word(r);
      if (phrases[i].indexOf(' ') > 0) {
        pairs.add(a + " " + b);
        firsts.add(a);
      }
    }
    WordPairFilter f = WordPairFilter.ofPhrases(phrases);
    for (String p : pairs) {
      String[] w = p.split(" ");
      assertTrue(f.mayContain(w[0], w[1]), "seed=" + seed + " " + p);
      assertTrue(f.mayStart(w[0]), "seed=" + seed + " " + p);
      assertTrue(f.mayFollow(w[1]), "seed=" + seed + " " + p);
    }
    int tried = 0;
    int passed = 0;
    while (tried < 20000) {
      String a = ToyLexicons.word(r) + r.nextInt(500);
      String b = ToyLexicons.word(r) + r.nextInt(500);
      if (!pairs.contains(a + " " + b)) {
        tried++;
        passed += f.mayContain(a, b) ? 1 : 0;
      }
    }
    assertTrue(passed < tried / 8, "seed=" + seed + ": " + passed + " false positives of " + tried);
    // a single word is no pair
    WordPairFilter empty = WordPairFilter.ofPhrases(new String[] {"alone"});
    assertFalse(empty.mayContain("alone", "alone") && empty.mayStart("alone"));
  }
}
