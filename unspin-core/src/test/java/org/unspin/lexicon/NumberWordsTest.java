package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberWordsTest {
  static final Lexicon LEX = numbersOnly();

  static Lexicon numbersOnly() {
    LexiconBuilder b = new LexiconBuilder();
    NumberWords.addTo(b);
    return b.build();
  }

  static List<String> originals(String surface) {
    List<String> out = new ArrayList<>();
    LEX.dictionary().reverse().candidates(surface, c -> out.add(c.original()));
    return out;
  }

  @Test
  void valuesOfWordsAndDigits() {
    assertEquals(2, NumberWords.value("two"));
    assertEquals(21, NumberWords.value("twenty-one"));
    assertEquals(21, NumberWords.value("twenty one"));
    assertEquals(20, NumberWords.value("twenty"));
    assertEquals(1, NumberWords.value("first"));
    assertEquals(22, NumberWords.value("twenty-second"));
    assertEquals(100, NumberWords.value("a hundred"));
    assertEquals(21, NumberWords.value("21"));
    assertEquals(21, NumberWords.value("21st"));
    assertEquals(-1, NumberWords.value("21nd"));
    assertEquals(-1, NumberWords.value("bank"));
    assertEquals(-1, NumberWords.value(""));
  }

  @Test
  void digitFormsLeadBackToNumberWords() {
    assertTrue(originals("0").contains("two"), originals("0").toString());
    assertEquals(10, originals("0").size(), originals("0").toString());
    assertTrue(originals("00").contains("twenty"));
    assertTrue(originals("00").contains("twenty-one"));
    assertTrue(originals("00").contains("twenty one"));
    assertTrue(originals("0st").contains("first"));
    assertTrue(originals("0 , 000").contains("a thousand"));
  }

  @Test
  void numberWordsLeadBackToDigitForms() {
    assertEquals(List.of("0"), originals("two"));
    assertEquals(List.of("00"), originals("twenty one"));
    assertEquals(List.of("00th"), originals("twentieth"));
    assertEquals(List.of("000"), originals("one hundred"));
  }

  @Test
  void everyNumberWordHasADigitForm() {
    for (int v = 0; v < 100; v++) {
      for (String w : NumberWords.cardinals(v)) {
        assertEquals(v, NumberWords.value(w), w);
        assertEquals(1, LEX.dictionary().synonyms(w).size(), w);
      }
    }
  }
}
