package org.unspin.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.unspin.lexicon.Inflection;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Morphology;
import org.unspin.lexicon.SynonymDictionary;

/**
 * An <b>evaluation tool</b>: a simulated dictionary-driven spinner that turns clean text into spun
 * text with the ground truth of every substitution. It is how Unspin gets aligned test data
 * (DESIGN.md §7); it is not part of detection or restoration.
 *
 * <p>The text is split with {@link WordTokens}. From left to right, at each word the longest
 * phrase of up to {@link SimulatorConfig#maxPhraseWords()} words (separated by plain whitespace)
 * that the dictionary lists is eligible; failing that, a single word that {@link Morphology}
 * analyzes as an inflection of a listed lemma (plural, third person, past, participles,
 * comparative, superlative; first analysis with a synonym wins), drawing only from the synonyms
 * in a sense of the inflection's part of speech ({@link SynonymDictionary#synonyms(String, int)}:
 * "was" is a verb, so the noun "beryllium" is not a synonym of its lemma "be" here). Each eligible
 * site is replaced with probability {@link SimulatorConfig#rate()} by the first or a random
 * synonym (with {@link SimulatorConfig#consistent()}, once per dictionary entry and text: every later
 * occurrence of the entry is replaced by the same synonym, or kept, as its first one was; an inflected
 * word is found through its lemma, so "banks" is decided apart from "bank"), re-inflected like the
 * original with {@link Morphology#inflectPhrase} (an irregular participle becomes a past tense with
 * probability {@link SimulatorConfig#morphologyErrorRate()};
 * a word that is past and participle alike, "raised", always gives the past tense of an irregular
 * synonym). The case pattern of the original is copied (Capitalized or ALL CAPS).
 * Capitalized words inside a sentence count as names: replaced only when
 * {@link SimulatorConfig#mangleNames()}. With {@link SimulatorConfig#protectClosedClasses()} a site made
 * only of closed-class words ({@link ClosedClassWords}: "of", "in", "was", "the") is not eligible,
 * as with a spinner that keeps a stop list. Articles are not fixed ("an" may end up before a
 * consonant), as real spinners do not fix them.
 *
 * <p>Deterministic: the same text, config and seed give the same output. Thread-safe when the
 * dictionary is (it is by contract).
 */
public final class SpinSimulator {
  private final SynonymDictionary dictionary;
  private final SimulatorConfig config;

  private final Morphology morphology;

  /**
   * A simulator over {@code dictionary}, inflecting with the lexicon's morphology when the
   * dictionary is a {@link LexiconDictionary}, else with {@link Morphology#rulesOnly()}.
   */
  public SpinSimulator(SynonymDictionary dictionary, SimulatorConfig config) {
    this(dictionary, config, dictionary instanceof LexiconDictionary ld ? ld.lexicon().morphology()
        : Morphology.rulesOnly());
  }

  /** A simulator over {@code dictionary} that lemmatizes and inflects with {@code morphology}. */
  public SpinSimulator(SynonymDictionary dictionary, SimulatorConfig config, Morphology morphology) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.config = Objects.requireNonNull(config, "config");
    this.morphology = Objects.requireNonNull(morphology, "morphology");
  }

  public SimulatorConfig config() {
    return config;
  }

  /**
   * The channel this simulated spinner implements, as a profile: for each headword {@code o} of the
   * dictionary, {@code p(s | o)} is 1 for its first synonym (first-synonym spinner) or {@code 1/k}
   * for each of its {@code k} synonyms (random choice); {@code p(o | s)} spreads a surface evenly
   * over the originals that can produce it, weighted by {@code p(s | o)}. Inflected forms are not
   * listed (the spinner derives them by rule). Counts are the probabilities themselves. Headwords
   * longer than {@value SpinnerProfile#MAX_PHRASE_WORDS} words are skipped.
   */
  public SpinnerProfile trueProfile(String name) {
    java.util.Map<String, Double> surfaceMass = new java.util.HashMap<>();
    java.util.List<String[]> pairs = new ArrayList<>();
    java.util.List<Double> probs = new ArrayList<>();
    for (String o : dictionary.headwords()) {
      List<String> syns = dictionary.synonyms(o);
      if (syns.isEmpty() || o.split(" ").length > SpinnerProfile.MAX_PHRASE_WORDS) {
        continue;
      }
      List<String> used = config.choice() == SimulatorConfig.Choice.FIRST ? syns.subList(0, 1) : syns;
      for (String syn : used) {
        if (syn.split(" ").length > SpinnerProfile.MAX_PHRASE_WORDS) {
          continue;
        }
        double pr = 1.0 / used.size();
        pairs.add(new String[] {syn, o});
        probs.add(pr);
        surfaceMass.merge(syn, pr, Double::sum);
      }
    }
    List<SpinnerProfile.Entry> entries = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      String[] sp = pairs.get(i);
      double pr = probs.get(i);
      entries.add(new SpinnerProfile.Entry(sp[0], sp[1], pr, pr, pr / surfaceMass.get(sp[0])));
    }
    ProfileInfo info = new ProfileInfo(name, "simulated", "SpinSimulator " + config, "unknown", "unknown", 0, 0, 0,
        0, config.rate(), "none (exact channel of the simulator)");
    return new SpinnerProfile(info, entries);
  }

  /** Spins {@code original} with the random choices drawn from {@code seed}. */
  public SpunText spin(String id, String original, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, Integer> habits = config.consistent() ? new HashMap<>() : null;
    WordTokens t = WordTokens.of(original);
    int n = t.size();
    StringBuilder out = new StringBuilder(original.length() + 16);
    List<Substitution> subs = new ArrayList<>();
    int copied = 0;
    int eligible = 0;
    for (int i = 0; i < n; i++) {
      if (!t.isWord(i) || !WordTokens.hasLetter(t.form(i))) {
        continue;
      }
      boolean name = Character.isUpperCase(original.charAt(t.start(i))) && !sentenceStart(t, i);
      if (name && !config.mangleNames()) {
        continue;
      }
      Site site = findSite(t, i);
      if (site == null || (config.protectClosedClasses() && closedClassesOnly(t, i, site.words))) {
        continue;
      }
      eligible++;
      List<String> syns = site.synonyms;
      int pick;
      Integer decided = habits == null ? null : habits.get(site.entry);
      if (decided != null) {
        pick = decided; // a consistent spinner: as it did at this entry's first occurrence
      } else {
        pick = rnd.nextDouble() >= config.rate() ? -1
            : config.choice() == SimulatorConfig.Choice.FIRST ? 0 : rnd.nextInt(syns.size());
        if (habits != null) {
          habits.put(site.entry, pick);
        }
      }
      if (pick < 0) {
        i += site.words - 1;
        continue;
      }
      String syn = syns.get(pick);
      String kind = site.words > 1 || syn.indexOf(' ') >= 0 ? "phrase" : "word";
      if (site.inflection != null) {
        Inflection target = site.inflection;
        boolean error = site.inflection == Inflection.PAST_PARTICIPLE && !site.alsoPast
            && rnd.nextDouble() < config.morphologyErrorRate();
        if (error) {
          target = Inflection.PAST;
        }
        String inflected = morphology.inflectPhrase(syn, target);
        String head = syn.indexOf(' ') < 0 ? syn : syn.substring(0, syn.indexOf(' '));
        boolean wrong = (error || site.alsoPast) && !morphology.inflect(head, Inflection.PAST)
            .equals(morphology.inflect(head, Inflection.PAST_PARTICIPLE));
        syn = inflected;
        kind = wrong ? "morphology" : "inflected";
      }
      if (name) {
        kind = "name";
      }
      int os = t.start(i);
      int oe = t.end(i + site.words - 1);
      String written = copyCase(original.substring(os, oe), syn);
      if (written.equals(original.substring(os, oe))) {
        i += site.words - 1; // an inflected synonym that spells the original ("found" for "founded")
        continue;
      }
      out.append(original, copied, os);
      int ss = out.length();
      out.append(written);
      subs.add(new Substitution(os, oe, ss, out.length(), original.substring(os, oe), written, kind));
      copied = oe;
      i += site.words - 1;
    }
    out.append(original, copied, original.length());
    return new SpunText(id, original, out.toString(), subs, eligible);
  }

  /**
   * An eligible site: {@code words} words, the synonyms to draw from and, for a word found through
   * its lemma, the inflection to give the synonym ({@code alsoPast}: the word is past and
   * participle alike, "raised", and is read as a past); {@code entry} names the dictionary entry the
   * site was found through: the phrase as written, or the lemma and part of speech of an inflected word.
   */
  private record Site(int words, List<String> synonyms, Inflection inflection, boolean alsoPast, String entry) {}

  /** Whether every word of {@code t[i, i + k)} is a closed-class word. */
  private static boolean closedClassesOnly(WordTokens t, int i, int k) {
    for (int j = i; j < i + k; j++) {
      if (!ClosedClassWords.contains(t.form(j))) {
        return false;
      }
    }
    return true;
  }

  private Site findSite(WordTokens t, int i) {
    int n = t.size();
    for (int k = Math.min(config.maxPhraseWords(), n - i); k >= 1; k--) {
      if (!plainPhrase(t, i, k)) {
        continue;
      }
      StringBuilder sb = new StringBuilder(t.form(i));
      for (int j = 1; j < k; j++) {
        sb.append(' ').append(t.form(i + j));
      }
      List<String> syns = dictionary.synonyms(sb.toString());
      if (!syns.isEmpty()) {
        return new Site(k, syns, null, false, sb.toString().toLowerCase(Locale.ROOT));
      }
    }
    String word = t.form(i);
    List<String> lemmas = new ArrayList<>(4);
    List<Inflection> inflections = new ArrayList<>(4);
    morphology.analyze(word, (lemma, inflection) -> {
      lemmas.add(lemma);
      inflections.add(inflection);
    });
    for (int r = 0; r < lemmas.size(); r++) {
      Inflection infl = inflections.get(r);
      List<String> syns = inflectable(dictionary.synonyms(lemmas.get(r), infl.pos()), infl);
      if (!syns.isEmpty()) {
        // "raised" is past and participle alike: the spinner writes a past tense, which may be wrong
        boolean alsoPast = infl == Inflection.PAST
            && morphology.isForm(lemmas.get(r), Inflection.PAST_PARTICIPLE, word);
        return new Site(1, syns, infl, alsoPast,
            lemmas.get(r).toLowerCase(Locale.ROOT) + "/" + infl.pos());
      }
    }
    return null;
  }

  /** The synonyms that have a form for {@code inflection} (multiword phrases have no comparative). */
  private List<String> inflectable(List<String> syns, Inflection inflection) {
    if (inflection != Inflection.COMPARATIVE && inflection != Inflection.SUPERLATIVE) {
      return syns;
    }
    List<String> out = new ArrayList<>(syns.size());
    for (String s : syns) {
      if (morphology.inflectPhrase(s, inflection) != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Tokens {@code i..i+k-1} are words with letters, separated by whitespace only. */
  private static boolean plainPhrase(WordTokens t, int i, int k) {
    String text = t.text();
    for (int j = i; j < i + k; j++) {
      if (!t.isWord(j) || !WordTokens.hasLetter(t.form(j))) {
        return false;
      }
      if (j > i) {
        for (int c = t.end(j - 1); c < t.start(j); c++) {
          if (!Character.isWhitespace(text.charAt(c))) {
            return false;
          }
        }
        if (t.end(j - 1) == t.start(j)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sentenceStart(WordTokens t, int i) {
    for (int j = i - 1; j >= 0; j--) {
      String f = t.form(j);
      if (t.isWord(j)) {
        return false;
      }
      if (f.equals(".") || f.equals("!") || f.equals("?") || f.equals(":")) {
        return true;
      }
      if (!(f.equals("\"") || f.equals("'") || f.equals("(") || f.equals("\u201C") || f.equals("-"))) {
        return false;
      }
    }
    return true;
  }

  /** {@code replacement} with the case pattern of {@code written}: ALL CAPS, Capitalized or as is. */
  static String copyCase(String written, String replacement) {
    int letters = 0;
    int upper = 0;
    for (int k = 0; k < written.length(); k++) {
      char c = written.charAt(k);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    if (letters > 1 && upper == letters) {
      return replacement.toUpperCase(Locale.ROOT);
    }
    if (!written.isEmpty() && Character.isUpperCase(written.charAt(0)) && !replacement.isEmpty()) {
      return replacement.substring(0, 1).toUpperCase(Locale.ROOT) + replacement.substring(1);
    }
    return replacement;
  }
}
