package org.unspin.restore;

import java.util.ArrayList;
import java.util.List;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.ReverseLexicon;

/**
 * Candidates from the lexicon's reverse index: for every span of 1 to {@link Candidate#MAX_PHRASE}
 * tokens of a sentence that does not start with punctuation, the originals a dictionary spinner
 * could have turned into it, with their features (sense rank, fan-out, frequency classes, part of
 * speech agreement).
 *
 * <p>Spelling variants ("licence" / "license") are left out unless asked for: restoring them is not
 * unspinning, and on clean text they are the commonest over-edit.
 *
 * <p>Immutable and thread-safe.
 */
public final class LexiconCandidates implements SpanCandidateGenerator {
  /** log10 occurrences per million of the most frequent class; each class halves it. */
  private static final double TOP_CLASS_LOG_FREQ = Math.log10(5e4);
  private static final double CLASS_STEP = Math.log10(2);

  private final ReverseLexicon reverse;
  private final boolean spelling;
  private static final int INFLECTIONS = org.unspin.lexicon.Inflection.values().length;
  /**
   * The word list of each original in its preferred form, filled on first use (benign races):
   * slot {@code lemma * INFLECTIONS + inflection}, holding a {@code List<String>}, or
   * {@link #TOO_LONG} for originals of more than {@link Candidate#MAX_PHRASE} words. Running text
   * proposes the same originals over and over, and splitting them was most of this generator's cost.
   */
  private final Object[] words;
  private static final Object TOO_LONG = new Object();

  /**
   * @param reverse the reverse index to draw from
   * @param spelling whether to propose spelling variants
   */
  public LexiconCandidates(ReverseLexicon reverse, boolean spelling) {
    this.reverse = reverse;
    this.spelling = spelling;
    this.words = new Object[reverse.view().lexicon().phraseCount() * INFLECTIONS];
  }

  /**
   * The generator the facade uses over {@code view}: morphology, mismatches, inverse edges and
   * {@link #SECOND_ORDER} synonyms of synonyms on, no spelling variants, and {@link #limitAround
   * the adaptive limit} around {@code budget} candidates per look-up (0: no limit).
   */
  public static LexiconCandidates over(LexiconDictionary view, int budget) {
    return new LexiconCandidates(view.reverse(limitAround(budget).withSecondOrder(SECOND_ORDER)), false);
  }

  /**
   * The same generator with a fixed limit: the {@code maxCandidates} likeliest per look-up (0: no
   * limit), as before the adaptive limit (for comparisons).
   */
  public static LexiconCandidates overFixed(LexiconDictionary view, int maxCandidates) {
    return new LexiconCandidates(view.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(maxCandidates)
        .withSecondOrder(SECOND_ORDER)), false);
  }

  /**
   * The reverse-index options of the adaptive limit around {@code budget} candidates per look-up
   * (0: no limit): at least {@code budget / 2} candidates, at most {@code budget * 5 / 3}, and in
   * between every candidate within {@link #MARGIN} half bits of the best prior. A surface whose
   * originals are about equally likely keeps more of them than one with a clear favourite. With a
   * budget of 30 it keeps as many candidates per token on news text as the 30 likeliest did (26.1
   * and 26.3 instead of 26.7 and 26.4 on the dev split) and finds 1 point more of the true
   * originals of a known and of an unknown spinner (docs/evaluation-lexicon.md, "Lexicon round 3";
   * tuned on the dev split under that constraint: the restorer's work grows with the candidates).
   */
  public static ReverseLexicon.Options limitAround(int budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("budget: must be >= 0 (got " + budget + ")");
    }
    if (budget == 0) {
      return ReverseLexicon.Options.DEFAULT;
    }
    return ReverseLexicon.Options.DEFAULT.withAdaptiveLimit(budget / 2, Math.max(1, budget * 5 / 3), MARGIN);
  }

  /** The adaptive limit's margin over the best prior, in half bits (7.5 bits: tuned on dev). */
  public static final int MARGIN = 15;

  /**
   * Synonyms of synonyms proposed per surface lemma, merged with the direct candidates by prior
   * (tuned on the dev split with {@code unspin eval candidates}: docs/evaluation-lexicon.md).
   */
  public static final int SECOND_ORDER = 10;
  /**
   * A second-order original is priced as if its fan-out were this many times larger: it reaches
   * the surface through an edge the lexicon does not list, which is less likely than one it does.
   */
  static final int SECOND_ORDER_FANOUT_FACTOR = 10;

  static float logFreq(int freqClass) {
    return freqClass >= Lexicon.UNSEEN ? Float.NaN : (float) (TOP_CLASS_LOG_FREQ - freqClass * CLASS_STEP);
  }

  @Override
  public List<Candidate> candidates(List<InputToken> sentence) {
    List<Candidate> out = new ArrayList<>();
    String[] forms = forms(sentence, 0, sentence.size());
    for (int i = 0; i < forms.length; i++) {
      for (int len = 1; len <= Candidate.MAX_PHRASE && i + len <= forms.length; len++) {
        spanCandidates(sentence, sentence.get(i).kind(), forms, i, len, i, out);
      }
    }
    return out;
  }

  @Override
  public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
    spanCandidates(sentence, sentence.get(from).kind(), forms(sentence, from, length), 0, length, from, out);
  }

  /** One-word spans always may; longer ones as {@link ReverseLexicon#mayHaveCandidates} says. */
  @Override
  public boolean mayHaveCandidates(List<InputToken> sentence, int from, int length) {
    if (length == 1) {
      return true;
    }
    TokenKind kind = sentence.get(from).kind();
    if (kind == TokenKind.PUNCT || kind == TokenKind.OTHER) {
      return false;
    }
    return reverse.mayHaveCandidates(sentence.get(from).lmForm(), sentence.get(from + 1).lmForm(), length);
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The value of the number words {@code tokens[from, from + length)} ("eight", "twenty one"), or -1. */
  private static int numberWordValue(List<InputToken> tokens, int from, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + length; i++) {
      String surface = tokens.get(i).surface();
      if (hasDigit(surface)) {
        return -1;
      }
      if (i > from) {
        sb.append(' ');
      }
      sb.append(surface.toLowerCase(java.util.Locale.ROOT));
    }
    return org.unspin.lexicon.NumberWords.value(sb.toString());
  }

  /**
   * {@code pattern}, a digit string in LM form ("0", "00th", "0 , 000"), with {@code value}'s digits
   * in its zeros, commas closed up ("1,000"); null when the counts of digits differ.
   */
  static String withDigits(String pattern, int value) {
    String digits = Integer.toString(value);
    StringBuilder sb = new StringBuilder(pattern.length());
    int k = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch >= '0' && ch <= '9') {
        if (k == digits.length()) {
          return null;
        }
        sb.append(digits.charAt(k++));
      } else {
        sb.append(ch);
      }
    }
    return k == digits.length() ? sb.toString().replace(" , ", ",") : null;
  }

  private static String[] forms(List<InputToken> tokens, int from, int length) {
    String[] forms = new String[length];
    for (int i = 0; i < length; i++) {
      forms[i] = tokens.get(from + i).lmForm();
    }
    return forms;
  }

  /**
   * The candidates of {@code forms[at, at + span)} (the LM forms of {@code sentence}'s tokens from
   * {@code from}), reported as starting at token {@code from}.
   */
  private void spanCandidates(List<InputToken> sentence, TokenKind kind, String[] forms, int at, int span, int from,
      List<Candidate> out) {
    if (kind == TokenKind.PUNCT || kind == TokenKind.OTHER) {
      return;
    }
    int[] surfaceValue = {Integer.MIN_VALUE}; // the span's number value, computed on the first digit original
    reverse.candidates(forms, at, span, c -> {
      Relation rel = c.relation();
      if (rel == Relation.SPELLING && !spelling) {
        return;
      }
      Object w = null;
      int slot = -1;
      if (c.variant() == 0) {
        slot = c.originalLemma() * INFLECTIONS + c.originalInflection().ordinal();
        w = this.words[slot];
      }
      if (w == null) {
        List<String> split = List.of(c.original().split(" "));
        w = split.size() > Candidate.MAX_PHRASE ? TOO_LONG : split;
        if (slot >= 0) {
          this.words[slot] = w;
        }
      }
      if (w == TOO_LONG) {
        return;
      }
      @SuppressWarnings("unchecked")
      List<String> words = (List<String>) w;
      String original = c.original();
      if (hasDigit(original)) {
        // In LM form every digit is 0 ("eight" ~ "0", "thousand" ~ "0000"): only a number word may
        // have such an original, and the text gets the word's own digits, not the placeholder. (A
        // surface of digits has none: its value is not in the span cache's key, the LM form.)
        if (surfaceValue[0] == Integer.MIN_VALUE) {
          surfaceValue[0] = numberWordValue(sentence, from, span);
        }
        original = surfaceValue[0] < 0 ? null : withDigits(original, surfaceValue[0]);
        if (original == null) {
          return;
        }
      }
      CandidateSource src;
      if (rel == Relation.NUMBER) {
        src = CandidateSource.NUMBER;
      } else if (c.mismatch()) {
        // A form the spinner got wrong (a past tense for a participle): priced as morphology.
        src = CandidateSource.MORPHOLOGY;
      } else {
        // Edges reached through the lemma and re-inflected are thesaurus substitutions all the same.
        src = CandidateSource.THESAURUS;
      }
      // A sense rank is a WordNet sense number. An edge that only Moby lists carries its position in
      // the original's Moby list instead, which is alphabetical: no evidence, so no rank (it used to
      // cost senseRankCost per place, 7.5 log10 units for the 51st entry).
      int rank = c.secondOrder() ? 0 : rel == Relation.THESAURUS ? -1 : Math.max(0, c.senseRank() - 1);
      int fanOut = Math.max(1, c.fanOut()) * (c.secondOrder() ? SECOND_ORDER_FANOUT_FACTOR : 1);
      int wordnetFanOut = c.secondOrder() ? 0 : Math.min(c.wordnetFanOut(), fanOut);
      CandidateFeatures f = new CandidateFeatures(rank, fanOut,
          logFreq(c.surfaceFreqClass()), logFreq(c.originalFreqClass()), c.posAgrees() ? 1f : 0f, Float.NaN,
          wordnetFanOut > 0 ? wordnetFanOut : -1, c.replacementPosition());
      out.add(new Candidate(from, span, words, original, src, f));
    });
  }
}
