package org.unspin.lexicon;

import static org.unspin.text.NumberWords.word;

import java.util.HashMap;
import java.util.Map;

/**
 * English number words and their digit forms, the "two" / "2" swap spinners make. In LM form
 * every digit is {@code 0}, so the lexicon links "two" with "0" and "twenty-one" with "00";
 * {@link #value} gives the number a word or digit string stands for, so a caller that knows the raw
 * digits can keep only matching candidates. Covers cardinals 0-99 (hyphenated and spaced), ordinals
 * 1-99 ("first" / "1st"), hundred and thousand. The cardinal words come from
 * {@link org.unspin.text.NumberWords#word}.
 */
public final class NumberWords {
  private static final String[] ORD_UNITS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
      "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  private static final String[] ORD_TENS = {"", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
      "seventieth", "eightieth", "ninetieth"};
  private static final Map<String, Integer> VALUES = new HashMap<>();

  static {
    for (int v = 0; v < 100; v++) {
      for (String w : cardinals(v)) {
        VALUES.put(w, v);
      }
      if (v > 0) {
        for (String w : ordinals(v)) {
          VALUES.put(w, v);
        }
      }
    }
    for (String w : new String[] {"hundred", "one hundred", "a hundred"}) {
      VALUES.put(w, 100);
    }
    for (String w : new String[] {"thousand", "one thousand", "a thousand"}) {
      VALUES.put(w, 1000);
    }
  }

  private NumberWords() {}

  /** Word forms of cardinal {@code v} (0-99): "twenty-one" and "twenty one". */
  static String[] cardinals(int v) {
    if (v < 20 || v % 10 == 0) {
      return new String[] {word(v)};
    }
    String tens = word(v - v % 10);
    String unit = word(v % 10);
    return new String[] {tens + "-" + unit, tens + " " + unit};
  }

  /** Word forms of ordinal {@code v} (1-99). */
  static String[] ordinals(int v) {
    if (v < 20) {
      return new String[] {ORD_UNITS[v]};
    }
    if (v % 10 == 0) {
      return new String[] {ORD_TENS[v / 10]};
    }
    String tens = word(v - v % 10);
    return new String[] {tens + "-" + ORD_UNITS[v % 10], tens + " " + ORD_UNITS[v % 10]};
  }

  private static String ordinalSuffix(int v) {
    int t = v % 100;
    if (t >= 11 && t <= 13) {
      return "th";
    }
    return switch (v % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  private static String digits(int v) {
    return "0".repeat(Integer.toString(v).length());
  }

  /**
   * The number a phrase stands for: a number word ("twenty-one", "first", "a hundred") or raw
   * digits ("21", "21st"); -1 for anything else. Pass raw digits: LM forms have lost them.
   */
  public static int value(String phrase) {
    Integer v = VALUES.get(phrase);
    if (v != null) {
      return v;
    }
    int n = phrase.length();
    int end = n;
    if (n > 2 && (phrase.endsWith("st") || phrase.endsWith("nd") || phrase.endsWith("rd") || phrase.endsWith("th"))) {
      end = n - 2;
    }
    if (end == 0 || end > 9) {
      return -1;
    }
    int val = 0;
    for (int i = 0; i < end; i++) {
      char c = phrase.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      val = val * 10 + (c - '0');
    }
    if (end < n && !phrase.substring(end).equals(ordinalSuffix(val))) {
      return -1;
    }
    return val;
  }

  /** Adds the number words, their LM digit forms and the edges both ways to {@code b}. */
  public static void addTo(LexiconBuilder b) {
    int[] rankOfDigits = new int[8];
    for (int v = 0; v < 100; v++) {
      String d = digits(v);
      for (String w : cardinals(v)) {
        link(b, w, d, ++rankOfDigits[d.length()]);
      }
      if (v > 0) {
        String od = d + ordinalSuffix(v);
        for (String w : ordinals(v)) {
          link(b, w, od, 1 + v);
        }
      }
    }
    for (String w : new String[] {"hundred", "one hundred", "a hundred"}) {
      link(b, w, "000", 1);
    }
    for (String w : new String[] {"thousand", "one thousand", "a thousand"}) {
      link(b, w, "0000", 1);
      link(b, w, "0 , 000", 1);
    }
  }

  private static void link(LexiconBuilder b, String word, String digits, int rankBack) {
    b.pos(word, Pos.NUM);
    b.pos(digits, Pos.NUM);
    b.edge(word, digits, Resource.NUMBERS, Relation.NUMBER, Pos.NUM, 1, 0);
    b.edge(digits, word, Resource.NUMBERS, Relation.NUMBER, Pos.NUM, rankBack, 0);
  }
}
