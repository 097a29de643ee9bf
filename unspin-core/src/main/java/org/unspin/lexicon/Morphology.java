package org.unspin.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unspin.util.Resources;

/**
 * English inflection and lemmatization for single LM-form words, with multiword phrases inflected
 * on their head word ({@link #headIndex}: a verb's first word, a noun plural's word before a
 * preposition that opens its complement, else the last). Irregular forms come from a hand-written
 * table of common irregular verbs (past and participle told apart) and WordNet's exception lists;
 * everything else follows spelling rules (-ies, -es, final e, consonant doubling). Analysis is the
 * exact inverse of inflection: {@link #analyze} reports {@code (lemma, inflection)} only if {@code
 * forms(lemma, inflection)} contains the word. It does not check that the lemma is a real word;
 * callers look it up. Immutable and thread-safe.
 */
public final class Morphology {
  /** Receives the analyses of a word. */
  @FunctionalInterface
  public interface AnalysisSink {
    /** One analysis: {@code word} is form {@code inflection} of {@code lemma}. */
    void accept(String lemma, Inflection inflection);
  }

  // Common irregular verbs: base, past, past participle ('/' separates variants, preferred first).
  private static final String IRREGULAR_VERBS = String.join(" ; ",
      "arise arose arisen", "awake awoke awoken", "be was/were been", "bear bore borne/born", "beat beat beaten",
      "become became become", "begin began begun", "bend bent bent", "bet bet bet", "bid bid bid", "bind bound bound",
      "bite bit bitten", "bleed bled bled", "blow blew blown", "break broke broken", "breed bred bred",
      "bring brought brought", "build built built", "burn burned/burnt burned/burnt", "burst burst burst",
      "buy bought bought", "cast cast cast", "catch caught caught", "choose chose chosen", "cling clung clung",
      "come came come", "cost cost cost", "creep crept crept", "cut cut cut", "deal dealt dealt", "dig dug dug",
      "do did done", "draw drew drawn", "dream dreamed/dreamt dreamed/dreamt", "drink drank drunk",
      "drive drove driven", "eat ate eaten", "fall fell fallen", "feed fed fed", "feel felt felt",
      "fight fought fought", "find found found", "flee fled fled", "fling flung flung", "fly flew flown",
      "forbid forbade forbidden", "forecast forecast forecast", "foresee foresaw foreseen", "forget forgot forgotten",
      "forgive forgave forgiven", "freeze froze frozen", "get got gotten/got", "give gave given", "go went gone",
      "grind ground ground", "grow grew grown", "hang hung hung", "have had had", "hear heard heard",
      "hide hid hidden", "hit hit hit", "hold held held", "hurt hurt hurt", "keep kept kept", "kneel knelt knelt",
      "know knew known", "lay laid laid", "lead led led", "lean leaned/leant leaned/leant", "leap leapt/leaped leapt/leaped",
      "learn learned/learnt learned/learnt", "leave left left", "lend lent lent", "let let let", "lie lay lain",
      "light lit/lighted lit/lighted", "lose lost lost", "make made made", "mean meant meant", "meet met met",
      "mislead misled misled", "mistake mistook mistaken", "overcome overcame overcome", "overtake overtook overtaken",
      "overthrow overthrew overthrown", "pay paid paid", "prove proved proven/proved", "put put put", "quit quit quit",
      "read read read", "rid rid rid", "ride rode ridden", "ring rang rung", "rise rose risen", "run ran run",
      "say said said", "see saw seen", "seek sought sought", "sell sold sold", "send sent sent", "set set set",
      "sew sewed sewn/sewed", "shake shook shaken", "shed shed shed", "shine shone shone", "shoot shot shot",
      "show showed shown", "shrink shrank shrunk", "shut shut shut", "sing sang sung", "sink sank sunk",
      "sit sat sat", "sleep slept slept", "slide slid slid", "sling slung slung", "slit slit slit",
      "speak spoke spoken", "speed sped sped", "spend spent spent", "spin spun spun", "spit spat spat",
      "split split split", "spread spread spread", "spring sprang sprung", "stand stood stood", "steal stole stolen",
      "stick stuck stuck", "sting stung stung", "stink stank stunk", "stride strode stridden", "strike struck struck",
      "string strung strung", "strive strove striven", "swear swore sworn", "sweep swept swept", "swell swelled swollen",
      "swim swam swum", "swing swung swung", "take took taken", "teach taught taught", "tear tore torn",
      "tell told told", "think thought thought", "throw threw thrown", "thrust thrust thrust", "tread trod trodden",
      "undergo underwent undergone", "understand understood understood", "undertake undertook undertaken",
      "upset upset upset", "wake woke woken", "wear wore worn", "weave wove woven", "weep wept wept", "win won won",
      "wind wound wound", "withdraw withdrew withdrawn", "withhold withheld withheld", "withstand withstood withstood",
      "wring wrung wrung", "write wrote written", "outdo outdid outdone", "overdo overdid overdone",
      "override overrode overridden", "oversee oversaw overseen", "rebuild rebuilt rebuilt", "redo redid redone",
      "rewrite rewrote rewritten", "uphold upheld upheld", "beset beset beset", "broadcast broadcast broadcast",
      "seek sought sought", "forsake forsook forsaken", "partake partook partaken", "behold beheld beheld");

  // Two-syllable verbs stressed on the last syllable double their final consonant (occurred).
  private static final Set<String> DOUBLING = Set.of("admit", "commit", "compel", "control", "occur", "omit",
      "patrol", "permit", "prefer", "propel", "rebel", "refer", "regret", "repel", "submit", "transfer", "begin",
      "forget", "equip", "expel", "confer", "defer", "deter", "infer", "incur", "recur", "emit", "acquit", "abhor",
      "excel", "dispel", "impel", "transmit", "remit", "outwit", "upset", "forbid", "befit", "extol", "enrol",
      "annul", "allot", "abet", "unplug", "distil", "instil", "fulfil");

  /** The data file of {@link #HEAD_PREPOSITIONS}. */
  public static final String HEAD_PREPOSITIONS_RESOURCE = "/org/unspin/lexicon/head-prepositions.txt";

  /** The prepositions of the data file {@value #HEAD_PREPOSITIONS_RESOURCE} (its header gives the source). */
  public static final Set<String> HEAD_PREPOSITIONS = Resources.load(Morphology.class, HEAD_PREPOSITIONS_RESOURCE,
      (in, origin) -> {
        Set<String> out = new java.util.HashSet<>();
        for (Resources.Line line : Resources.dataLines(in)) {
          out.add(line.text().trim());
        }
        return Set.copyOf(out);
      });

  private static final Inflection[] NON_BASE = {Inflection.PLURAL, Inflection.THIRD_SINGULAR, Inflection.PAST,
      Inflection.PAST_PARTICIPLE, Inflection.PRESENT_PARTICIPLE, Inflection.COMPARATIVE, Inflection.SUPERLATIVE};

  /** lemma -> forms per inflection ordinal (null when regular). */
  private final Map<String, String[][]> irregular = new HashMap<>();
  /** inflected form -> (lemma, inflection) pairs from the irregular tables. */
  private final Map<String, List<Object[]>> reverseIrregular = new HashMap<>();

  private static final Morphology RULES_ONLY = new Morphology(new byte[0], new String[0], new String[0]);

  /**
   * The spelling rules and the hand-written irregular verbs, without a lexicon's WordNet exception
   * lists: for dictionaries that come without a lexicon ({@link Lexicon#morphology()} has the lists).
   */
  public static Morphology rulesOnly() {
    return RULES_ONLY;
  }

  Morphology(byte[] excPos, String[] excInflected, String[] excLemma) {
    Set<String> curated = new java.util.HashSet<>();
    for (String entry : IRREGULAR_VERBS.split(" ; ")) {
      String[] f = entry.split(" ");
      curated.add(f[0]);
      for (String past : f[1].split("/")) {
        addIrregular(f[0], Inflection.PAST, past);
      }
      for (String pp : f[2].split("/")) {
        addIrregular(f[0], Inflection.PAST_PARTICIPLE, pp);
      }
    }
    addIrregular("be", Inflection.THIRD_SINGULAR, "is");
    addIrregular("have", Inflection.THIRD_SINGULAR, "has");
    for (int i = 0; i < excPos.length; i++) {
      String inf = excInflected[i];
      String lem = excLemma[i];
      if (inf.equals(lem) || inf.indexOf(' ') >= 0 || lem.indexOf(' ') >= 0) {
        continue;
      }
      switch (excPos[i]) {
        case Pos.NOUN -> addIrregular(lem, Inflection.PLURAL, inf);
        case Pos.VERB -> {
          if (curated.contains(lem)) {
            continue;
          }
          if (inf.endsWith("ing")) {
            addIrregular(lem, Inflection.PRESENT_PARTICIPLE, inf);
          } else if (inf.endsWith("s") && !inf.endsWith("ss")) {
            addIrregular(lem, Inflection.THIRD_SINGULAR, inf);
          } else {
            addIrregular(lem, Inflection.PAST, inf);
            addIrregular(lem, Inflection.PAST_PARTICIPLE, inf);
          }
        }
        case Pos.ADJ, Pos.ADV -> addIrregular(lem, inf.endsWith("st") ? Inflection.SUPERLATIVE : Inflection.COMPARATIVE,
            inf);
        default -> { }
      }
    }
  }

  private void addIrregular(String lemma, Inflection infl, String form) {
    String[][] byInfl = irregular.computeIfAbsent(lemma, k -> new String[Inflection.values().length][]);
    String[] old = byInfl[infl.ordinal()];
    if (old == null) {
      byInfl[infl.ordinal()] = new String[] {form};
    } else {
      for (String o : old) {
        if (o.equals(form)) {
          return;
        }
      }
      String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = form;
      byInfl[infl.ordinal()] = grown;
    }
    reverseIrregular.computeIfAbsent(form, k -> new ArrayList<>(2)).add(new Object[] {lemma, infl});
  }

  /** The mismatch a spinner makes for an inflection (past for participle and back), or null. */
  public static Inflection confusable(Inflection inflection) {
    return switch (inflection) {
      case PAST -> Inflection.PAST_PARTICIPLE;
      case PAST_PARTICIPLE -> Inflection.PAST;
      default -> null;
    };
  }

  // ---------------------------------------------------------------- inflection

  /**
   * The preferred form of single word {@code lemma} with {@code inflection}; may be two words for
   * periphrastic comparatives ("more useful").
   */
  public String inflect(String lemma, Inflection inflection) {
    if (inflection == Inflection.BASE) {
      return lemma;
    }
    String[][] irr = irregular.get(lemma);
    if (irr != null && irr[inflection.ordinal()] != null) {
      return irr[inflection.ordinal()][0];
    }
    return regular(lemma, inflection);
  }

  /**
   * How many accepted forms single word {@code lemma} has with {@code inflection}: more than one for
   * irregular variants ("was"/"were", "burned"/"burnt"), else 1.
   */
  public int formCount(String lemma, Inflection inflection) {
    if (inflection == Inflection.BASE) {
      return 1;
    }
    String[][] irr = irregular.get(lemma);
    return irr != null && irr[inflection.ordinal()] != null ? irr[inflection.ordinal()].length : 1;
  }

  /**
   * Form number {@code variant} (0 = preferred, {@link #inflect(String, Inflection)}) of {@code
   * lemma} with {@code inflection}.
   *
   * @throws IllegalArgumentException if {@code variant} is not below {@link #formCount}
   */
  public String inflect(String lemma, Inflection inflection, int variant) {
    if (variant == 0) {
      return inflect(lemma, inflection);
    }
    if (variant < 0 || variant >= formCount(lemma, inflection)) {
      throw new IllegalArgumentException("variant: " + variant + " out of range for " + lemma + " " + inflection);
    }
    return irregular.get(lemma)[inflection.ordinal()][variant];
  }

  /**
   * The head word of {@code phrase} for {@code inflection} (see {@link #headIndex}): the first word
   * of verbs, the word before a noun's complement ("rate" of "rate of interest"), else the last.
   */
  public static String head(String phrase, Inflection inflection) {
    if (phrase.indexOf(' ') < 0) {
      return phrase;
    }
    String[] w = phrase.split(" ");
    return w[headIndex(w, inflection)];
  }

  /**
   * Which of a phrase's words carries {@code inflection}: the first for verbs ("gave up"); for a noun
   * plural the word before the phrase's first preposition of {@link #HEAD_PREPOSITIONS} when one stands
   * between its first and last words ("rates of interest", "commanders in chief"), otherwise, and for
   * any other inflection, the last word ("financial institutions"). A preposition at the end is a
   * particle ("sit ins"), not the start of a complement.
   */
  public static int headIndex(String[] words, Inflection inflection) {
    if (inflection.headIsFirst()) {
      return 0;
    }
    if (inflection == Inflection.PLURAL) {
      for (int i = 1; i < words.length - 1; i++) {
        if (HEAD_PREPOSITIONS.contains(words[i])) {
          return i - 1;
        }
      }
    }
    return words.length - 1;
  }

  /**
   * {@link #inflectPhrase(String, Inflection)} with form number {@code variant} of the head word
   * (see {@link #formCount}); null where that method gives null.
   */
  public String inflectPhrase(String phrase, Inflection inflection, int variant) {
    if (variant == 0) {
      return inflectPhrase(phrase, inflection);
    }
    return inflectHead(phrase, inflection, variant);
  }

  /**
   * {@code phrase} with its head word ({@link #headIndex}) in form number {@code variant} of {@code
   * inflection}; a one-word phrase is the word inflected; null for a comparative or superlative of
   * several words.
   */
  private String inflectHead(String phrase, Inflection inflection, int variant) {
    if (phrase.indexOf(' ') < 0) {
      return inflect(phrase, inflection, variant);
    }
    if (inflection == Inflection.COMPARATIVE || inflection == Inflection.SUPERLATIVE) {
      return null;
    }
    String[] w = phrase.split(" ");
    int h = headIndex(w, inflection);
    w[h] = inflect(w[h], inflection, variant);
    return String.join(" ", w);
  }

  /** Whether {@code word} is an accepted form of {@code lemma} with {@code inflection} (irregular variants count). */
  public boolean isForm(String lemma, Inflection inflection, String word) {
    if (inflection == Inflection.BASE) {
      return lemma.equals(word);
    }
    String[][] irr = irregular.get(lemma);
    if (irr != null && irr[inflection.ordinal()] != null) {
      for (String f : irr[inflection.ordinal()]) {
        if (f.equals(word)) {
          return true;
        }
      }
      return false;
    }
    return regular(lemma, inflection).equals(word);
  }

  /**
   * Inflects a phrase on its head word: the first word for verb inflections, the last otherwise.
   * Comparatives of multiword phrases do not exist: returns null.
   */
  public String inflectPhrase(String phrase, Inflection inflection) {
    if (inflection == Inflection.BASE) {
      return phrase;
    }
    return inflectHead(phrase, inflection, 0);
  }

  /** Whether {@code surface} is an accepted form of {@code phrase} with {@code inflection}, by {@link #inflectPhrase}'s rules. */
  public boolean isPhraseForm(String phrase, Inflection inflection, String surface) {
    if (inflection == Inflection.BASE) {
      return phrase.equals(surface);
    }
    if (phrase.indexOf(' ') < 0) {
      if (inflection == Inflection.COMPARATIVE || inflection == Inflection.SUPERLATIVE) {
        String r = inflect(phrase, inflection);
        if (r.indexOf(' ') >= 0) {
          return r.equals(surface);
        }
      }
      return surface.indexOf(' ') < 0 && isForm(phrase, inflection, surface);
    }
    if (inflection == Inflection.COMPARATIVE || inflection == Inflection.SUPERLATIVE) {
      return false;
    }
    String[] w = phrase.split(" ");
    String[] sw = surface.split(" ", -1);
    if (sw.length != w.length) {
      return false;
    }
    int h = headIndex(w, inflection);
    for (int i = 0; i < w.length; i++) {
      if (i != h && !w[i].equals(sw[i])) {
        return false;
      }
    }
    return isForm(w[h], inflection, sw[h]);
  }

  private String regular(String w, Inflection infl) {
    int n = w.length();
    if (n == 0) {
      return w;
    }
    char last = w.charAt(n - 1);
    switch (infl) {
      case PLURAL, THIRD_SINGULAR -> {
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")
            || (infl == Inflection.THIRD_SINGULAR && last == 'o' && n > 1 && !isVowel(w.charAt(n - 2)))) {
          return w + "es";
        }
        if (last == 'y' && n > 1 && !isVowel(w.charAt(n - 2))) {
          return w.substring(0, n - 1) + "ies";
        }
        return w + "s";
      }
      case PAST, PAST_PARTICIPLE -> {
        if (last == 'e') {
          return w + "d";
        }
        if (last == 'y' && n > 1 && !isVowel(w.charAt(n - 2))) {
          return w.substring(0, n - 1) + "ied";
        }
        return (doubles(w) ? w + last : w) + "ed";
      }
      case PRESENT_PARTICIPLE -> {
        if (w.endsWith("ie") && n > 2) {
          return w.substring(0, n - 2) + "ying";
        }
        if (last == 'e' && n > 2 && !w.endsWith("ee") && !w.endsWith("ye") && !w.endsWith("oe")) {
          return w.substring(0, n - 1) + "ing";
        }
        return (doubles(w) ? w + last : w) + "ing";
      }
      case COMPARATIVE, SUPERLATIVE -> {
        boolean comp = infl == Inflection.COMPARATIVE;
        int syl = syllables(w);
        if (syl > 2 || (syl == 2 && !(last == 'y' && n > 1 && !isVowel(w.charAt(n - 2))))) {
          return (comp ? "more " : "most ") + w;
        }
        if (last == 'e') {
          return w + (comp ? "r" : "st");
        }
        if (last == 'y' && n > 1 && !isVowel(w.charAt(n - 2))) {
          return w.substring(0, n - 1) + (comp ? "ier" : "iest");
        }
        return (doubles(w) ? w + last : w) + (comp ? "er" : "est");
      }
      default -> {
        return w;
      }
    }
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /** Consonant-vowel-consonant ending, one syllable or stressed last syllable (stop, occur). */
  static boolean doubles(String w) {
    int n = w.length();
    if (n < 3) {
      return false;
    }
    char c = w.charAt(n - 1);
    char v = w.charAt(n - 2);
    char b = w.charAt(n - 3);
    if (!isLetter(c) || !isLetter(b) || isVowel(c) || c == 'w' || c == 'x' || c == 'y' || !isVowel(v)
        || (isVowel(b) && !(b == 'u' && n > 3 && w.charAt(n - 4) == 'q'))) {
      return false;
    }
    return syllables(w) == 1 || DOUBLING.contains(w);
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Vowel groups (y counts after the first letter; qu's u does not; a final silent e does not). */
  static int syllables(String w) {
    int n = w.length();
    int groups = 0;
    boolean inVowel = false;
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      boolean v = isVowel(c) || (c == 'y' && i > 0);
      if (c == 'u' && i > 0 && w.charAt(i - 1) == 'q') {
        v = false;
      }
      if (v && !inVowel) {
        groups++;
      }
      inVowel = v;
    }
    if (n > 2 && w.charAt(n - 1) == 'e' && !isVowel(w.charAt(n - 2)) && w.charAt(n - 2) != 'l' && groups > 1) {
      groups--;
    }
    return Math.max(1, groups);
  }

  // ---------------------------------------------------------------- analysis

  /**
   * Reports every {@code (lemma, inflection)} other than BASE such that {@code word} is an accepted
   * form of {@code lemma}; each pair once. Word forms are LM forms (lower case).
   */
  public void analyze(String word, AnalysisSink sink) {
    List<Object[]> irr = reverseIrregular.get(word);
    int n = word.length();
    if (irr == null && !(word.endsWith("s") || word.endsWith("ed") || word.endsWith("ing") || word.endsWith("er")
        || word.endsWith("est"))) {
      return; // no rule applies: the common case, without allocation
    }
    String[] seenLemma = new String[12];
    Inflection[] seenInfl = new Inflection[12];
    int[] seen = {0};
    if (irr != null) {
      for (Object[] a : irr) {
        emit((String) a[0], (Inflection) a[1], word, sink, seenLemma, seenInfl, seen);
      }
    }
    for (Inflection infl : NON_BASE) {
      switch (infl) {
        case PLURAL, THIRD_SINGULAR -> {
          if (word.endsWith("ies")) {
            emit(word.substring(0, n - 3) + "y", infl, word, sink, seenLemma, seenInfl, seen);
          }
          if (word.endsWith("es")) {
            emit(word.substring(0, n - 2), infl, word, sink, seenLemma, seenInfl, seen);
          }
          if (word.endsWith("s")) {
            emit(word.substring(0, n - 1), infl, word, sink, seenLemma, seenInfl, seen);
          }
        }
        case PAST, PAST_PARTICIPLE -> {
          if (word.endsWith("ied")) {
            emit(word.substring(0, n - 3) + "y", infl, word, sink, seenLemma, seenInfl, seen);
          }
          if (word.endsWith("ed")) {
            emit(word.substring(0, n - 2), infl, word, sink, seenLemma, seenInfl, seen);
            emit(word.substring(0, n - 1), infl, word, sink, seenLemma, seenInfl, seen);
            if (n > 4 && word.charAt(n - 3) == word.charAt(n - 4)) {
              emit(word.substring(0, n - 3), infl, word, sink, seenLemma, seenInfl, seen);
            }
          }
        }
        case PRESENT_PARTICIPLE -> {
          if (word.endsWith("ying")) {
            emit(word.substring(0, n - 4) + "ie", infl, word, sink, seenLemma, seenInfl, seen);
          }
          if (word.endsWith("ing")) {
            emit(word.substring(0, n - 3), infl, word, sink, seenLemma, seenInfl, seen);
            emit(word.substring(0, n - 3) + "e", infl, word, sink, seenLemma, seenInfl, seen);
            if (n > 5 && word.charAt(n - 4) == word.charAt(n - 5)) {
              emit(word.substring(0, n - 4), infl, word, sink, seenLemma, seenInfl, seen);
            }
          }
        }
        case COMPARATIVE, SUPERLATIVE -> {
          String suf = infl == Inflection.COMPARATIVE ? "er" : "est";
          int s = suf.length();
          if (word.endsWith("i" + suf)) {
            emit(word.substring(0, n - s - 1) + "y", infl, word, sink, seenLemma, seenInfl, seen);
          }
          if (word.endsWith(suf)) {
            emit(word.substring(0, n - s), infl, word, sink, seenLemma, seenInfl, seen);
            emit(word.substring(0, n - s + 1), infl, word, sink, seenLemma, seenInfl, seen);
            if (n > s + 2 && word.charAt(n - s - 1) == word.charAt(n - s - 2)) {
              emit(word.substring(0, n - s - 1), infl, word, sink, seenLemma, seenInfl, seen);
            }
          }
        }
        default -> { }
      }
    }
  }

  private void emit(String lemma, Inflection infl, String word, AnalysisSink sink, String[] seenLemma,
      Inflection[] seenInfl, int[] seen) {
    if (lemma.isEmpty() || !isForm(lemma, infl, word)) {
      return;
    }
    for (int i = 0; i < seen[0]; i++) {
      if (seenInfl[i] == infl && seenLemma[i].equals(lemma)) {
        return;
      }
    }
    if (seen[0] < seenLemma.length) {
      seenLemma[seen[0]] = lemma;
      seenInfl[seen[0]] = infl;
      seen[0]++;
    }
    sink.accept(lemma, infl);
  }
}
