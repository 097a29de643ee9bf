package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberWordsTest {
  @Test
  void parsesDigitForms() {
    assertEquals(2.0, NumberWords.valueOf("2"));
    assertEquals(2.5, NumberWords.valueOf("2.5"));
    assertEquals(0.5, NumberWords.valueOf(".5"));
    assertEquals(1000.0, NumberWords.valueOf("1,000"));
    assertEquals(1234567.25, NumberWords.valueOf("1,234,567.25"));
    for (String bad : new String[] {"1,00", "1,0000", "12,34", ",100", "1.2.3", "10:30", "1/2", "2.", "", "1e5"}) {
      assertTrue(Double.isNaN(NumberWords.valueOf(bad)), bad);
    }
  }

  @Test
  void parsesNumberWords() {
    assertEquals(0.0, NumberWords.valueOf("zero"));
    assertEquals(19.0, NumberWords.valueOf("Nineteen"));
    assertEquals(21.0, NumberWords.valueOf("twenty-one"));
    assertEquals(99.0, NumberWords.valueOf("NINETY-NINE"));
    assertEquals(1e6, NumberWords.valueOf("million"));
    assertEquals(12.0, NumberWords.valueOf("dozen"));
    for (String bad : new String[] {"one-two", "twenty-ten", "twenty-zero", "bank", "twenty-one-two", "-one"}) {
      assertTrue(Double.isNaN(NumberWords.valueOf(bad)), bad);
    }
  }

  @Test
  void groupedNumbersAgreeWithPlainOnes() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      long v = (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(12)));
      String grouped = String.format(java.util.Locale.ROOT, "%,d", v);
      assertEquals((double) v, NumberWords.valueOf(grouped), "seed=" + seed + " " + grouped);
      assertEquals((double) v, NumberWords.valueOf(Long.toString(v)), "seed=" + seed + " " + v);
    }
  }

  @Test
  void wordReadsBackAsItsValueAndRejectsNumbersWithoutAWordOfTheirOwn() {
    for (int v = 0; v <= 90; v++) {
      if (v < 20 || v % 10 == 0) {
        assertEquals((double) v, NumberWords.valueOf(NumberWords.word(v)), "v=" + v);
      } else {
        int bad = v;
        assertThrows(IllegalArgumentException.class, () -> NumberWords.word(bad), "v=" + v);
      }
    }
    assertEquals("twenty", NumberWords.word(20));
    assertThrows(IllegalArgumentException.class, () -> NumberWords.word(-1));
    assertThrows(IllegalArgumentException.class, () -> NumberWords.word(100));
  }
}
