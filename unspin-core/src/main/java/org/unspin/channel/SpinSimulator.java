package org.unspin.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.unspin.lexicon.SynonymDictionary;

/**
 * An <b>evaluation tool</b>: a simulated dictionary-driven spinner that turns clean text into spun
 * text with the ground truth of every substitution. It is how Unspin gets aligned test data
 * (DESIGN.md §7); it is not part of detection or restoration.
 *
 * <p>The text is split with {@link WordTokens}. From left to right, at each word the longest
 * phrase of up to {@link SimulatorConfig#maxPhraseWords()} words (separated by plain whitespace)
 * that the dictionary lists is eligible; failing that, a single word whose base form
 * ({@code -s}, {@code -ed}, {@code -ing}, irregular verbs) is listed. Each eligible site is
 * replaced with probability {@link SimulatorConfig#rate()} by the first or a random synonym,
 * re-inflected like the original (an irregular participle becomes a past tense with probability
 * {@link SimulatorConfig#morphologyErrorRate()}; a regular {@code -ed} always gives the past tense
 * of an irregular synonym). The case pattern of the original is copied (Capitalized or ALL CAPS).
 * Capitalized words inside a sentence count as names: replaced only when
 * {@link SimulatorConfig#mangleNames()}. Articles are not fixed ("an" may end up before a
 * consonant), as real spinners do not fix them.
 *
 * <p>Deterministic: the same text, config and seed give the same output. Thread-safe when the
 * dictionary is (it is by contract).
 */
public final class SpinSimulator {
  private final SynonymDictionary dictionary;
  private final SimulatorConfig config;

  public SpinSimulator(SynonymDictionary dictionary, SimulatorConfig config) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.config = Objects.requireNonNull(config, "config");
  }

  public SimulatorConfig config() {
    return config;
  }

  /** Spins {@code original} with the random choices drawn from {@code seed}. */
  public SpunText spin(String id, String original, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
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
      if (site == null) {
        continue;
      }
      eligible++;
      if (rnd.nextDouble() >= config.rate()) {
        i += site.words - 1;
        continue;
      }
      List<String> syns = site.synonyms;
      String syn = config.choice() == SimulatorConfig.Choice.FIRST ? syns.get(0) : syns.get(rnd.nextInt(syns.size()));
      String kind = site.words > 1 || syn.indexOf(' ') >= 0 ? "phrase" : "word";
      if (site.reading != null) {
        boolean error = site.reading.inflection() == SimpleMorphology.Inflection.IRREGULAR_PARTICIPLE
            && rnd.nextDouble() < config.morphologyErrorRate();
        String first = syn.indexOf(' ') < 0 ? syn : syn.substring(0, syn.indexOf(' '));
        boolean wrong = SimpleMorphology.pastDiffersFromParticiple(first)
            && (error || site.reading.inflection() == SimpleMorphology.Inflection.PAST_ED);
        syn = SimpleMorphology.inflect(syn, site.reading.inflection(), error);
        kind = wrong && site.reading.inflection() != SimpleMorphology.Inflection.PLURAL ? "morphology" : "inflected";
      }
      if (name) {
        kind = "name";
      }
      int os = t.start(i);
      int oe = t.end(i + site.words - 1);
      String written = copyCase(original.substring(os, oe), syn);
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

  private record Site(int words, List<String> synonyms, SimpleMorphology.Reading reading) {}

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
        return new Site(k, syns, null);
      }
    }
    for (SimpleMorphology.Reading r : SimpleMorphology.readings(t.form(i))) {
      List<String> syns = dictionary.synonyms(r.base());
      if (!syns.isEmpty()) {
        return new Site(1, syns, r);
      }
    }
    return null;
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
