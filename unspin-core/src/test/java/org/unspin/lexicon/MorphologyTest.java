package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MorphologyTest {
  /** A morphology with a few WordNet-style exceptions, as the compiled lexicon carries them. */
  static final Morphology M = new Morphology(
      new byte[] {Pos.NOUN, Pos.NOUN, Pos.NOUN, Pos.ADJ, Pos.ADJ, Pos.VERB, Pos.VERB, Pos.ADV},
      new String[] {"children", "mice", "criteria", "better", "best", "abetted", "abetting", "better"},
      new String[] {"child", "mouse", "criterion", "good", "good", "abet", "abet", "well"});

  static List<String> analyses(String word) {
    List<String> out = new ArrayList<>();
    M.analyze(word, (lemma, infl) -> out.add(lemma + "/" + infl));
    return out;
  }

  @Test
  void inflectsRegularWords() {
    assertEquals("walks", M.inflect("walk", Inflection.THIRD_SINGULAR));
    assertEquals("walked", M.inflect("walk", Inflection.PAST));
    assertEquals("walked", M.inflect("walk", Inflection.PAST_PARTICIPLE));
    assertEquals("walking", M.inflect("walk", Inflection.PRESENT_PARTICIPLE));
    assertEquals("banks", M.inflect("bank", Inflection.PLURAL));
    assertEquals("boxes", M.inflect("box", Inflection.PLURAL));
    assertEquals("churches", M.inflect("church", Inflection.PLURAL));
    assertEquals("goes", M.inflect("go", Inflection.THIRD_SINGULAR));
    assertEquals("hoped", M.inflect("hope", Inflection.PAST));
    assertEquals("hoping", M.inflect("hope", Inflection.PRESENT_PARTICIPLE));
    assertEquals("seeing", M.inflect("see", Inflection.PRESENT_PARTICIPLE));
    assertEquals("dying", M.inflect("die", Inflection.PRESENT_PARTICIPLE));
  }

  @Test
  void turnsConsonantYIntoIes() {
    assertEquals("cities", M.inflect("city", Inflection.PLURAL));
    assertEquals("tries", M.inflect("try", Inflection.THIRD_SINGULAR));
    assertEquals("tried", M.inflect("try", Inflection.PAST));
    assertEquals("days", M.inflect("day", Inflection.PLURAL));
    assertEquals("played", M.inflect("play", Inflection.PAST));
    assertEquals("happier", M.inflect("happy", Inflection.COMPARATIVE));
    assertEquals("happiest", M.inflect("happy", Inflection.SUPERLATIVE));
  }

  @Test
  void doublesFinalConsonantOfShortOrStressedSyllables() {
    assertEquals("stopped", M.inflect("stop", Inflection.PAST));
    assertEquals("stopping", M.inflect("stop", Inflection.PRESENT_PARTICIPLE));
    assertEquals("occurred", M.inflect("occur", Inflection.PAST));
    assertEquals("beginning", M.inflect("begin", Inflection.PRESENT_PARTICIPLE));
    assertEquals("bigger", M.inflect("big", Inflection.COMPARATIVE));
    assertEquals("biggest", M.inflect("big", Inflection.SUPERLATIVE));
    assertEquals("visited", M.inflect("visit", Inflection.PAST));
    assertEquals("rained", M.inflect("rain", Inflection.PAST));
    assertEquals("fixed", M.inflect("fix", Inflection.PAST));
    assertEquals("abetted", M.inflect("abet", Inflection.PAST), "WordNet exception");
  }

  @Test
  void usesIrregularFormsAndTellsPastFromParticiple() {
    assertEquals("went", M.inflect("go", Inflection.PAST));
    assertEquals("gone", M.inflect("go", Inflection.PAST_PARTICIPLE));
    assertEquals("took", M.inflect("take", Inflection.PAST));
    assertEquals("taken", M.inflect("take", Inflection.PAST_PARTICIPLE));
    assertEquals("written", M.inflect("write", Inflection.PAST_PARTICIPLE));
    assertEquals("sang", M.inflect("sing", Inflection.PAST));
    assertEquals("sung", M.inflect("sing", Inflection.PAST_PARTICIPLE));
    assertEquals("has", M.inflect("have", Inflection.THIRD_SINGULAR));
    assertEquals("children", M.inflect("child", Inflection.PLURAL));
    assertEquals("better", M.inflect("good", Inflection.COMPARATIVE));
    assertEquals("best", M.inflect("good", Inflection.SUPERLATIVE));
    assertTrue(M.isForm("learn", Inflection.PAST, "learnt"), "irregular variant");
    assertTrue(M.isForm("learn", Inflection.PAST, "learned"), "preferred form");
  }

  @Test
  void usesMoreAndMostForLongAdjectives() {
    assertEquals("more useful", M.inflect("useful", Inflection.COMPARATIVE));
    assertEquals("most beautiful", M.inflect("beautiful", Inflection.SUPERLATIVE));
    assertEquals("nicer", M.inflect("nice", Inflection.COMPARATIVE));
  }

  @Test
  void inflectsPhrasesOnTheirHeadWord() {
    assertEquals("financial institutions", M.inflectPhrase("financial institution", Inflection.PLURAL));
    assertEquals("gave up", M.inflectPhrase("give up", Inflection.PAST));
    assertEquals("taking over", M.inflectPhrase("take over", Inflection.PRESENT_PARTICIPLE));
    assertNull(M.inflectPhrase("well known", Inflection.COMPARATIVE));
    assertTrue(M.isPhraseForm("give up", Inflection.PAST, "gave up"));
    assertFalse(M.isPhraseForm("give up", Inflection.PAST, "gave in"));
    assertTrue(M.isPhraseForm("useful", Inflection.COMPARATIVE, "more useful"));
  }

  @Test
  void pluralOfANounPhraseWithAPrepositionGoesOnTheWordBeforeIt() {
    assertEquals("rates of interest", M.inflectPhrase("rate of interest", Inflection.PLURAL));
    assertEquals("points of view", M.inflectPhrase("point of view", Inflection.PLURAL));
    assertEquals("commanders in chief", M.inflectPhrase("commander in chief", Inflection.PLURAL));
    assertEquals("pieces of cake", M.inflectPhrase("piece of cake", Inflection.PLURAL));
    assertEquals("points of view", M.inflectPhrase("point of view", Inflection.PLURAL, 0));
    assertTrue(M.isPhraseForm("rate of interest", Inflection.PLURAL, "rates of interest"));
    assertFalse(M.isPhraseForm("rate of interest", Inflection.PLURAL, "rate of interests"));
    assertEquals("rate", Morphology.head("rate of interest", Inflection.PLURAL));
    // a preposition at the end is a phrasal noun's particle, not a head's complement: "sit-ins"
    assertEquals("sit ins", M.inflectPhrase("sit in", Inflection.PLURAL));
    assertEquals("interest rates", M.inflectPhrase("interest rate", Inflection.PLURAL));
    // verbs keep their first word
    assertEquals("looked out of", M.inflectPhrase("look out of", Inflection.PAST));
  }

  @Test
  void analyzesInflectedWordsBackToLemmas() {
    assertTrue(analyses("went").contains("go/PAST"), analyses("went").toString());
    assertFalse(analyses("went").contains("go/PAST_PARTICIPLE"));
    assertTrue(analyses("gone").contains("go/PAST_PARTICIPLE"));
    assertTrue(analyses("stopped").contains("stop/PAST"));
    assertTrue(analyses("stopped").contains("stop/PAST_PARTICIPLE"));
    assertTrue(analyses("cities").contains("city/PLURAL"));
    assertTrue(analyses("children").contains("child/PLURAL"));
    assertTrue(analyses("hoping").contains("hope/PRESENT_PARTICIPLE"));
    assertTrue(analyses("bigger").contains("big/COMPARATIVE"));
    assertTrue(analyses("better").contains("good/COMPARATIVE"));
    assertTrue(analyses("better").contains("well/COMPARATIVE"));
    assertTrue(analyses("institutions").contains("institution/PLURAL"));
    assertFalse(analyses("took").contains("tak/PAST"), "regular guess rejected for an irregular verb");
    assertTrue(analyses("bank").isEmpty(), analyses("bank").toString());
  }

  @Test
  void proposesTheParticiplePastMismatchSpinnersMake() {
    assertEquals(Inflection.PAST_PARTICIPLE, Morphology.confusable(Inflection.PAST));
    assertEquals(Inflection.PAST, Morphology.confusable(Inflection.PAST_PARTICIPLE));
    assertNull(Morphology.confusable(Inflection.PLURAL));
  }

  @Test
  void analysisInvertsInflectionOnRandomWords() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    String letters = "abcdefghilmnoprstuvyz";
    for (int i = 0; i < 5000; i++) {
      int len = 1 + r.nextInt(7);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < len; k++) {
        sb.append(letters.charAt(r.nextInt(letters.length())));
      }
      String lemma = sb.toString();
      Inflection infl = Inflection.of(1 + r.nextInt(Inflection.values().length - 1));
      String form = M.inflect(lemma, infl);
      if (form.indexOf(' ') >= 0) {
        continue;
      }
      List<String> a = analyses(form);
      assertTrue(a.contains(lemma + "/" + infl), "seed=" + seed + " " + lemma + " " + infl + " -> " + form + " -> " + a);
      for (String s : a) {
        String[] p = s.split("/");
        assertTrue(M.isForm(p[0], Inflection.valueOf(p[1]), form), "seed=" + seed + " bad analysis " + s);
      }
    }
  }
}
