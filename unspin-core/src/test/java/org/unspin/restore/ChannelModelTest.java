package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelModelTest {
  private final ChannelModel channel = new ChannelModel(ChannelWeights.DEFAULTS);

  private static List<InputToken> sentence(String text) {
    return AnalyzedTokens.of(text);
  }

  private float cost(List<InputToken> s, Candidate c) {
    return channel.changeCost(s, c, true, 0.3, 0, 0);
  }

  @Test
  void aChangeCostsMoreWhenTheOriginalHasMoreSynonyms() {
    List<InputToken> s = sentence("the inventory market fell");
    float previous = 0;
    for (int fanout = 1; fanout <= 64; fanout *= 2) {
      float c = cost(s, Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
          CandidateFeatures.thesaurus(0, fanout)));
      assertTrue(c < previous || fanout == 1, "fanout " + fanout + " cost " + c + " previous " + previous);
      previous = c;
    }
  }

  @Test
  void aWordnetSharePricesAWordnetEntryAmongTheOriginalsWordnetSynonyms() {
    List<InputToken> s = sentence("the inventory market fell");
    CandidateFeatures wordnet = new CandidateFeatures(0, 659, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 91);
    CandidateFeatures other = new CandidateFeatures(-1, 659, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
    ChannelModel off = channel;
    ChannelModel half = new ChannelModel(ChannelWeights.DEFAULTS.with("wordnetChoiceShare", 0.5));
    // Off: the fan-out alone, whatever the source.
    assertEquals(off.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, wordnet)),
        off.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, other)), 1e-9);
    double base = ChannelWeights.DEFAULTS.thesaurusBase();
    assertEquals(base - Math.log10(659), off.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
        other)), 1e-9);
    // Half the spinners choose among the 91 WordNet synonyms: P = 0.5 / 91 + 0.5 / 659.
    assertEquals(base + Math.log10(0.5 / 91 + 0.5 / 659),
        half.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, wordnet)), 1e-9);
    // An entry WordNet does not list is chosen only by the other half.
    assertEquals(base + Math.log10(0.5 / 659),
        half.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, other)), 1e-9);
  }

  @Test
  void anOrderShareFavoursTheOriginalsFirstReplacementsAsSomeSpinnersTakeThem() {
    List<InputToken> s = sentence("the inventory market fell");
    CandidateFeatures[] at = new CandidateFeatures[4];
    for (int j = 0; j < at.length; j++) {
      at[j] = new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, j);
    }
    CandidateFeatures unknown = new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, -1);
    // Off: the place changes nothing.
    for (CandidateFeatures f : at) {
      assertEquals(50, channel.choiceFanout(f), 0);
    }
    // Always the first replacement (decay 0): P = 0.1 + 0.9 / 50 for it, 0.9 / 50 for any other.
    ChannelModel first = new ChannelModel(ChannelWeights.DEFAULTS.with("orderChoiceShare", 0.1));
    double base = ChannelWeights.DEFAULTS.thesaurusBase();
    assertEquals(base + Math.log10(0.1 + 0.9 / 50),
        first.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, at[0])), 1e-9);
    assertEquals(base + Math.log10(0.9 / 50),
        first.candidateCost(Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, at[1])), 1e-9);
    assertEquals(1 / (0.9 / 50), first.choiceFanout(unknown), 1e-9);
    // A geometric preference: place j gets 0.2 (1 - 0.5) 0.5^j / (1 - 0.5^50), and falls with j.
    ChannelModel geometric = new ChannelModel(ChannelWeights.DEFAULTS.with("orderChoiceShare", 0.2)
        .with("orderChoiceDecay", 0.5));
    for (int j = 0; j < at.length; j++) {
      assertEquals(1 / (0.2 * 0.5 * Math.pow(0.5, j) / (1 - Math.pow(0.5, 50)) + 0.8 / 50),
          geometric.choiceFanout(at[j]), 1e-9, "place " + j);
    }
    assertTrue(geometric.choiceFanout(at[0]) < geometric.choiceFanout(at[1]));
    // With the WordNet mixture too: the order-following spinner mixes with the WordNet one.
    CandidateFeatures firstWordnet = new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 5, 0);
    ChannelModel both = new ChannelModel(ChannelWeights.DEFAULTS.with("orderChoiceShare", 0.1)
        .with("wordnetChoiceShare", 0.3));
    assertEquals(1 / (0.1 + 0.9 * (0.7 / 50 + 0.3 / 5)), both.choiceFanout(firstWordnet), 1e-9);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("orderChoiceShare", 1.0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("orderChoiceDecay", 1.0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, -2));
    assertTrue(ChannelWeights.shipped().orderChoiceShare() > 0, "shipped on");
  }

  @Test
  void aDocumentsOwnOrderShareRepricesThePlacesAndTheResponsibilityReadsThem() {
    ChannelModel m = new ChannelModel(ChannelWeights.DEFAULTS.with("orderChoiceShare", 0.2)
        .with("orderChoiceDecay", 0.5));
    CandidateFeatures first = new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, 0);
    CandidateFeatures late = new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, 20);
    CandidateFeatures unknown = new CandidateFeatures(0, 50, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, -1);
    assertEquals(m.choiceFanout(first), m.choiceFanout(first, 0.2), 1e-12, "the shared share by default");
    // A document whose spinner follows the order: its first replacement gets cheaper, a late one dearer.
    assertTrue(m.choiceFanout(first, 0.8) < m.choiceFanout(first));
    assertTrue(m.choiceFanout(late, 0.8) > m.choiceFanout(late));
    double ordered = 0.5 / (1 - Math.pow(0.5, 50));
    assertEquals(0.2 * ordered / (0.2 * ordered + 0.8 / 50), m.orderResponsibility(first, 0.2), 1e-12);
    assertTrue(m.orderResponsibility(late, 0.2) < 0.01, "a late place is a random spinner's");
    assertTrue(Double.isNaN(m.orderResponsibility(unknown, 0.2)), "no place, no evidence");
    assertTrue(Double.isNaN(m.orderResponsibility(first, 0)), "no order share, no evidence");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("orderShareSmoothing", -1));
    assertEquals(5, ChannelWeights.shipped().orderShareSmoothing(), 0);
  }

  @Test
  void wordnetFanoutMustFitTheFanout() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new CandidateFeatures(0, 4, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 5));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new CandidateFeatures(0, 4, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("wordnetChoiceShare", 1.0));
  }

  @Test
  void laterSensesRarerCandidatesAndPosMismatchCostMore() {
    List<InputToken> s = sentence("the inventory market fell");
    float base = cost(s, Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
        new CandidateFeatures(0, 4, 1f, 1f, 1f, Float.NaN)));
    assertTrue(cost(s, Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
        new CandidateFeatures(3, 4, 1f, 1f, 1f, Float.NaN))) < base);
    assertTrue(cost(s, Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
        new CandidateFeatures(0, 4, 1f, -1f, 1f, Float.NaN))) < base);
    assertTrue(cost(s, Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
        new CandidateFeatures(0, 4, 1f, 1f, 0f, Float.NaN))) < base);
    // a candidate more frequent than the surface is not penalized
    assertEquals(base, cost(s, Candidate.of(1, 1, "stock", CandidateSource.THESAURUS,
        new CandidateFeatures(0, 4, 1f, 3f, 1f, Float.NaN))), 1e-6);
  }

  @Test
  void immutablesCostMoreThanOrdinaryWords() {
    CandidateFeatures f = CandidateFeatures.thesaurus(0, 2);
    float ordinary = cost(sentence("said the stone band"), Candidate.of(2, 1, "rock", CandidateSource.THESAURUS, f));
    float capitalized = cost(sentence("said the Stone band"), Candidate.of(2, 1, "rock", CandidateSource.THESAURUS, f));
    float sentenceStart = cost(sentence("Stone band"), Candidate.of(0, 1, "rock", CandidateSource.THESAURUS, f));
    float number = cost(sentence("said the 2 bands"), Candidate.of(2, 1, "two", CandidateSource.THESAURUS, f));
    float numberWord = cost(sentence("said the 2 bands"), Candidate.of(2, 1, "two", CandidateSource.NUMBER, f));
    float compound = cost(sentence("the state-of-the-art band"),
        Candidate.of(1, 1, "modern", CandidateSource.THESAURUS, f));
    float unknown = channel.changeCost(sentence("said the stone band"),
        Candidate.of(2, 1, "rock", CandidateSource.THESAURUS, f), false, 0.3, 0, 0);
    assertTrue(capitalized < ordinary - 1, capitalized + " vs " + ordinary);
    assertEquals(ordinary, sentenceStart, 1e-6, "a capital at a sentence start is not a name signal");
    assertTrue(number < numberWord - 1, number + " vs " + numberWord);
    assertTrue(compound < ordinary - 1, compound + " vs " + ordinary);
    assertTrue(unknown < ordinary - 1, unknown + " vs " + ordinary);
  }

  @Test
  void aContentWordRestoredToAFunctionWordCostsClosedOriginalCost() {
    ChannelModel priced = new ChannelModel(ChannelWeights.DEFAULTS.with("closedOriginalCost", 2.0));
    CandidateFeatures f = CandidateFeatures.thesaurus(0, 3);
    List<InputToken> s = sentence("big net attacks on firms");
    Candidate toAnd = Candidate.of(1, 1, "and", CandidateSource.THESAURUS, f);
    Candidate toInternet = Candidate.of(1, 1, "internet", CandidateSource.THESAURUS, f);
    assertEquals(channel.changeCost(s, toAnd, true, 0.3, 0, 0) - 2.0,
        priced.changeCost(s, toAnd, true, 0.3, 0, 0), 1e-5);
    assertEquals(channel.changeCost(s, toInternet, true, 0.3, 0, 0),
        priced.changeCost(s, toInternet, true, 0.3, 0, 0), 1e-6);
    // A function word put back for another ("within" -> "in") and a phrase are not affected.
    List<InputToken> w = sentence("rates rose within the year");
    Candidate toIn = Candidate.of(2, 1, "in", CandidateSource.THESAURUS, f);
    assertEquals(channel.changeCost(w, toIn, true, 0.3, 0, 0), priced.changeCost(w, toIn, true, 0.3, 0, 0), 1e-6);
    Candidate phrase = Candidate.of(1, 1, "and so", CandidateSource.THESAURUS, f);
    assertEquals(channel.changeCost(s, phrase, true, 0.3, 0, 0), priced.changeCost(s, phrase, true, 0.3, 0, 0),
        1e-6);
  }

  @Test
  void documentCountsMakeARepeatedHabitCheap() {
    List<InputToken> s = sentence("the inventory market fell");
    Candidate c = Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, CandidateFeatures.thesaurus(0, 5));
    float prior = channel.changeCost(s, c, true, 0.3, 0, 0);
    float habit = channel.changeCost(s, c, true, 0.3, 5, 5);
    float never = channel.changeCost(s, c, true, 0.3, 0, 20);
    assertTrue(habit > prior + 1, habit + " vs " + prior);
    assertTrue(never < prior, never + " vs " + prior);
    assertTrue(habit <= 0);
  }

  @Test
  void keepingIsFreeForTokensNoCandidateCovers() {
    assertEquals(0f, channel.keepCost(false, 0.3));
    assertEquals((float) Math.log10(0.7), channel.keepCost(true, 0.3), 1e-6);
  }
}
