package org.unspin.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule-based English inflection, just enough for the simulator to re-inflect a synonym the way a
 * spinner does: plural {@code -s}, past {@code -ed}, {@code -ing}, and a table of common irregular
 * verbs. It deliberately does not know whether an {@code -ed} form is a past tense or a participle,
 * which is where spinners make their errors. Thread-safe (immutable tables).
 */
final class SimpleMorphology {
  private SimpleMorphology() {}

  enum Inflection { PLURAL, PAST_ED, ING, IRREGULAR_PAST, IRREGULAR_PARTICIPLE }

  /** A reading of a word form: {@code base} inflected with {@code inflection}. */
  record Reading(String base, Inflection inflection) {}

  // base past participle
  private static final String IRREGULAR = """
      be was been|begin began begun|break broke broken|bring brought brought|build built built|buy bought bought
      choose chose chosen|come came come|do did done|draw drew drawn|drive drove driven|eat ate eaten|fall fell fallen
      find found found|fly flew flown|forget forgot forgotten|get got gotten|give gave given|go went gone
      grow grew grown|hide hid hidden|hold held held|keep kept kept|know knew known|lead led led|leave left left
      lose lost lost|make made made|meet met met|pay paid paid|ride rode ridden|rise rose risen|run ran run
      say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|show showed shown|sing sang sung
      speak spoke spoken|steal stole stolen|strike struck stricken|swim swam swum|take took taken|teach taught taught
      tear tore torn|tell told told|think thought thought|throw threw thrown|undertake undertook undertaken
      wear wore worn|win won won|write wrote written|grab grabbed grabbed|shake shook shaken|forbid forbade forbidden
      """;
  private static final Map<String, String[]> BY_BASE = new HashMap<>();
  private static final Map<String, String> PAST_TO_BASE = new HashMap<>();
  private static final Map<String, String> PARTICIPLE_TO_BASE = new HashMap<>();

  static {
    for (String entry : IRREGULAR.replace('\n', '|').split("\\|")) {
      String[] f = entry.trim().split(" ");
      if (f.length != 3) {
        continue;
      }
      BY_BASE.put(f[0], f);
      PAST_TO_BASE.putIfAbsent(f[1], f[0]);
      PARTICIPLE_TO_BASE.putIfAbsent(f[2], f[0]);
    }
  }

  /** Possible (base, inflection) readings of a lower-case word, most likely first. */
  static List<Reading> readings(String w) {
    List<Reading> out = new ArrayList<>(4);
    String b = PARTICIPLE_TO_BASE.get(w);
    if (b != null && !b.equals(w)) {
      out.add(new Reading(b, Inflection.IRREGULAR_PARTICIPLE));
    }
    b = PAST_TO_BASE.get(w);
    if (b != null && !b.equals(w)) {
      out.add(new Reading(b, Inflection.IRREGULAR_PAST));
    }
    int n = w.length();
    if (n > 3 && w.endsWith("ies")) {
      out.add(new Reading(w.substring(0, n - 3) + "y", Inflection.PLURAL));
    }
    if (n > 3 && w.endsWith("es")) {
      out.add(new Reading(w.substring(0, n - 2), Inflection.PLURAL));
    }
    if (n > 2 && w.endsWith("s") && !w.endsWith("ss")) {
      out.add(new Reading(w.substring(0, n - 1), Inflection.PLURAL));
    }
    if (n > 4 && w.endsWith("ied")) {
      out.add(new Reading(w.substring(0, n - 3) + "y", Inflection.PAST_ED));
    }
    if (n > 3 && w.endsWith("ed")) {
      String stem = w.substring(0, n - 2);
      out.add(new Reading(stem, Inflection.PAST_ED));
      out.add(new Reading(stem + "e", Inflection.PAST_ED));
      if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
        out.add(new Reading(stem.substring(0, stem.length() - 1), Inflection.PAST_ED));
      }
    }
    if (n > 4 && w.endsWith("ing")) {
      String stem = w.substring(0, n - 3);
      out.add(new Reading(stem, Inflection.ING));
      out.add(new Reading(stem + "e", Inflection.ING));
      if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
        out.add(new Reading(stem.substring(0, stem.length() - 1), Inflection.ING));
      }
    }
    return out;
  }

  /**
   * {@code base} inflected like the original was. For {@link Inflection#IRREGULAR_PARTICIPLE}
   * with {@code error} set, an irregular verb gets its past tense instead of its participle; a
   * regular {@code -ed} original always gives the past tense of an irregular verb (spinners do not
   * tell past from participle). Multi-word phrases inflect their first word for verb forms and
   * their last word for plurals.
   */
  static String inflect(String phrase, Inflection infl, boolean error) {
    int sp = infl == Inflection.PLURAL ? phrase.lastIndexOf(' ') : phrase.indexOf(' ');
    if (sp >= 0) {
      if (infl == Inflection.PLURAL) {
        return phrase.substring(0, sp + 1) + inflectWord(phrase.substring(sp + 1), infl, error);
      }
      return inflectWord(phrase.substring(0, sp), infl, error) + phrase.substring(sp);
    }
    return inflectWord(phrase, infl, error);
  }

  private static boolean vowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  private static String inflectWord(String w, Inflection infl, boolean error) {
    int n = w.length();
    char last = n == 0 ? ' ' : w.charAt(n - 1);
    switch (infl) {
      case PLURAL -> {
        if (last == 'y' && n > 1 && !vowel(w.charAt(n - 2))) {
          return w.substring(0, n - 1) + "ies";
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
          return w + "es";
        }
        return w + "s";
      }
      case ING -> {
        if (last == 'e' && n > 2 && !w.endsWith("ee")) {
          return w.substring(0, n - 1) + "ing";
        }
        return w + "ing";
      }
      default -> {
        String[] irr = BY_BASE.get(w);
        if (irr != null) {
          boolean participle = infl == Inflection.IRREGULAR_PARTICIPLE && !error;
          return participle ? irr[2] : irr[1];
        }
        if (last == 'e') {
          return w + "d";
        }
        if (last == 'y' && n > 1 && !vowel(w.charAt(n - 2))) {
          return w.substring(0, n - 1) + "ied";
        }
        return w + "ed";
      }
    }
  }

  /** True when {@code base} is an irregular verb whose past and participle differ. */
  static boolean pastDiffersFromParticiple(String base) {
    String[] irr = BY_BASE.get(base);
    return irr != null && !irr[1].equals(irr[2]);
  }
}
