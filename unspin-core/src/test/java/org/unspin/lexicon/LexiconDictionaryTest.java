package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconDictionaryTest {
  static Lexicon small() {
    LexiconBuilder b = new LexiconBuilder();
    b.pos("bank", Pos.NOUN | Pos.VERB).pos("financial institution", Pos.NOUN).pos("slope", Pos.NOUN);
    b.edge("bank", "slope", Resource.WORDNET, Relation.HYPERNYM, Pos.NOUN, 1, 20);
    b.edge("bank", "depository", Resource.WORDNET, Relation.SYNONYM, Pos.NOUN, 2, 5);
    b.edge("bank", "financial institution", Resource.WORDNET, Relation.HYPERNYM, Pos.NOUN, 2, 5);
    b.edge("bank", "rely", Resource.WORDNET, Relation.SYNONYM, Pos.VERB, 1, 3);
    b.edge("bank", "acclivity", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    b.edge("bank", "slope", Resource.MOBY, Relation.THESAURUS, 0, 9, 0);
    b.edge("bank", "bank", Resource.MOBY, Relation.THESAURUS, 0, 2, 0);
    return b.build();
  }

  @Test
  void listsSynonymsMostCommonSenseFirstAndMobyLast() {
    Lexicon lex = small();
    assertEquals(List.of("rely", "slope", "depository", "financial institution", "acclivity"),
        lex.dictionary().synonyms("bank"));
    assertEquals(List.of(), lex.dictionary().synonyms("no such phrase"));
    assertEquals(List.of("bank"), lex.dictionary().headwords());
  }

  @Test
  void mergesAnEdgeListedByTwoResources() {
    Lexicon lex = small();
    int bank = lex.find("bank");
    int slope = lex.find("slope");
    int found = 0;
    for (int e = lex.edgeStart(bank); e < lex.edgeEnd(bank); e++) {
      if (lex.edgeTarget(e) == slope) {
        found++;
        assertEquals(Resource.WORDNET.bit() | Resource.MOBY.bit(), Lexicon.resources(lex.info(e)));
        assertEquals(Relation.HYPERNYM, Lexicon.relation(lex.info(e)));
        assertEquals(1, Lexicon.rank(lex.info(e)));
        assertEquals(20, Lexicon.tagCount(lex.info(e)));
      }
    }
    assertEquals(1, found);
  }

  @Test
  void countsTheWordnetSynonymsOfEachPhraseInTheView() {
    Lexicon lex = small();
    int bank = lex.find("bank");
    // Five replacements; WordNet's synonyms are depository and rely: slope and financial institution are hypernyms,
    // acclivity only Moby's.
    assertEquals(5, lex.dictionary().fanOut(bank));
    assertEquals(2, lex.dictionary().wordnetFanOut(bank));
    assertEquals(0, lex.dictionary().withResources(EnumSet.of(Resource.MOBY)).wordnetFanOut(bank));
  }

  @Test
  void knowsEachPhrasesFirstReplacementInTheView() {
    Lexicon lex = small();
    int bank = lex.find("bank");
    LexiconDictionary all = lex.dictionary();
    LexiconDictionary moby = all.withResources(EnumSet.of(Resource.MOBY));
    assertEquals(lex.find("rely"), lex.edgeTarget(all.firstEdge(bank)));
    assertEquals(lex.find("slope"), lex.edgeTarget(moby.firstEdge(bank)), "the view's first, not the lexicon's");
    assertEquals(-1, all.firstEdge(lex.find("rely")), "a phrase without replacements");
    // rely, slope, depository, financial institution, acclivity: places 0 to 4; Moby's view has slope, acclivity.
    assertEquals(Map.of("bank", 0), places(all, "rely"));
    assertEquals(Map.of("bank", 1), places(all, "slope"));
    assertEquals(Map.of("bank", 4), places(all, "acclivity"));
    assertEquals(Map.of("bank", 0), places(moby, "slope"));
    assertEquals(Map.of("bank", 1), places(moby, "acclivity"));
    int acclivity = -1;
    for (int e = lex.edgeStart(bank); e < lex.edgeEnd(bank); e++) {
      if (lex.edgeTarget(e) == lex.find("acclivity")) {
        acclivity = e;
      }
    }
    assertEquals(4, all.position(bank, acclivity, 32));
    assertEquals(2, all.position(bank, acclivity, 2), "counted up to the cap");
  }

  /** Original to {@link Candidate#replacementPosition()} of the forward (not inverse) candidates of {@code surface}. */
  private static Map<String, Integer> places(LexiconDictionary view, String surface) {
    Map<String, Integer> out = new java.util.HashMap<>();
    view.reverse().candidates(surface, c -> {
      if (!c.inverse()) {
        out.put(c.original(), c.replacementPosition());
      }
    });
    return out;
  }

  /**
   * "investor" lists only "capitalist"; "lender", "banker" and "financier" list "investor" without
   * being listed back, "capitalist" lists it back.
   */
  static Lexicon oneWay() {
    LexiconBuilder b = new LexiconBuilder();
    for (String w : new String[] {"investor", "capitalist", "lender", "banker", "financier"}) {
      b.pos(w, Pos.NOUN);
    }
    b.edge("investor", "capitalist", Resource.WORDNET, Relation.SYNONYM, Pos.NOUN, 1, 5);
    b.edge("capitalist", "investor", Resource.WORDNET, Relation.SYNONYM, Pos.NOUN, 1, 5);
    b.edge("lender", "investor", Resource.WORDNET, Relation.HYPERNYM, Pos.NOUN, 1, 0);
    b.edge("banker", "investor", Resource.MOBY, Relation.THESAURUS, 0, 3, 0);
    b.edge("financier", "investor", Resource.MOBY, Relation.THESAURUS, 0, 7, 0);
    return b.build();
  }

  @Test
  void countsThePhrasesThatListAPhraseWithoutBeingListedBack() {
    Lexicon lex = oneWay();
    LexiconDictionary all = lex.dictionary();
    assertEquals(3, all.inverseFanIn(lex.find("investor")), "lender, banker, financier (capitalist is listed back)");
    assertEquals(3, all.inverseFanIn(lex.find("investor")), "the same number once counted");
    assertEquals(0, all.inverseFanIn(lex.find("capitalist")), "investor lists it and is listed back");
    assertEquals(0, all.inverseFanIn(lex.find("lender")), "nothing lists it");
    assertEquals(2, all.withResources(EnumSet.of(Resource.MOBY)).inverseFanIn(lex.find("investor")), "the view's edges");
    assertEquals(1, all.withResources(EnumSet.of(Resource.WORDNET)).inverseFanIn(lex.find("investor")),
        "lender alone in WordNet's view");
  }

  @Test
  void pricesAnInverseCandidateAmongAllThatWouldListItsOriginal() {
    Lexicon lex = oneWay();
    LexiconDictionary all = lex.dictionary();
    Map<String, Integer> forward = new java.util.HashMap<>();
    Map<String, Integer> inverse = new java.util.HashMap<>();
    all.reverse().candidates("lender", c -> (c.inverse() ? inverse : forward).put(c.original(), c.fanOut()));
    // "lender" is not among investor's replacements: the guess that a spinner's dictionary lists it
    // there is the guess that it lists lender, banker and financier beside capitalist (4 choices), not 1.
    assertEquals(Map.of("investor", 4), inverse);
    assertEquals(Map.of(), forward);
    Map<String, Integer> capitalist = new java.util.HashMap<>();
    all.reverse().candidates("capitalist", c -> capitalist.put(c.original() + (c.inverse() ? " (inverse)" : ""),
        c.fanOut()));
    assertEquals(1, capitalist.get("investor"), "a forward candidate: the view's replacements alone");
  }

  @Test
  void restrictsToChosenResources() {
    Lexicon lex = small();
    assertEquals(List.of("slope", "acclivity"), lex.dictionary().withResources(EnumSet.of(Resource.MOBY))
        .synonyms("bank"));
    assertEquals(4, lex.dictionary().withResources(EnumSet.of(Resource.WORDNET)).synonyms("bank").size());
    assertTrue(lex.dictionary().withResources(EnumSet.of(Resource.SPELLING)).headwords().isEmpty());
  }

  @Test
  void holdOutRemovesASeededFractionOfEntriesAndItsComplementHasTheRest() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Lexicon lex = ToyLexicons.random(new Random(seed), 2000, 20000);
    LexiconDictionary all = lex.dictionary();
    LexiconDictionary kept = all.holdingOut(0.25, seed);
    LexiconDictionary held = kept.heldOut();
    int entries = 0;
    int nHeld = 0;
    for (int e = 0; e < lex.edgeCount(); e++) {
      int info = lex.info(e);
      int k = kept.resources(e, info);
      int h = held.resources(e, info);
      assertEquals(0, k & h, "seed=" + seed + " edge " + e + ": an entry is kept or held out, not both");
      assertEquals(Lexicon.resources(info), k | h, "seed=" + seed + " edge " + e + ": every entry somewhere");
      assertEquals(k != 0, kept.accepts(e), "seed=" + seed);
      entries += Integer.bitCount(Lexicon.resources(info));
      nHeld += Integer.bitCount(h);
    }
    double share = nHeld / (double) entries;
    assertTrue(Math.abs(share - 0.25) < 0.02, "seed=" + seed + " held-out share " + share);
    LexiconDictionary again = all.holdingOut(0.25, seed);
    for (int e = 0; e < lex.edgeCount(); e++) {
      assertEquals(kept.resources(e, lex.info(e)), again.resources(e, lex.info(e)), "seed=" + seed);
    }
    for (String h : all.headwords()) {
      Set<String> union = new HashSet<>(kept.synonyms(h));
      union.addAll(held.synonyms(h));
      assertEquals(new HashSet<>(all.synonyms(h)), union, "seed=" + seed);
    }
  }

  @Test
  void anEdgeTwoResourcesListSurvivesHoldingOutOneOfThem() {
    Lexicon lex = small();
    int bank = lex.find("bank");
    int slope = lex.find("slope");
    int edge = -1;
    for (int e = lex.edgeStart(bank); e < lex.edgeEnd(bank); e++) {
      edge = lex.edgeTarget(e) == slope ? e : edge;
    }
    boolean sawSplit = false;
    for (long seed = 0; seed < 200 && !sawSplit; seed++) {
      LexiconDictionary kept = lex.dictionary().holdingOut(0.5, seed);
      int k = kept.resources(edge, lex.info(edge));
      int h = kept.heldOut().resources(edge, lex.info(edge));
      if (k != 0 && h != 0) {
        sawSplit = true;
        assertTrue(kept.synonyms("bank").contains("slope"));
        assertTrue(kept.heldOut().synonyms("bank").contains("slope"));
      }
    }
    assertTrue(sawSplit, "some seed holds out one of the two listings only");
  }

  @Test
  void rejectsBadHoldOutFractions() {
    Lexicon lex = small();
    assertThrows(IllegalArgumentException.class, () -> lex.dictionary().holdingOut(1.0, 1));
    assertThrows(IllegalArgumentException.class, () -> lex.dictionary().holdingOut(-0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> lex.dictionary().holdingOut(Double.NaN, 1));
  }

  @Test
  void reverseIndexGivesInflectedOriginalsForInflectedSurfaces() {
    Lexicon lex = small();
    List<String> out = new java.util.ArrayList<>();
    lex.dictionary().reverse().candidates(new String[] {"the", "financial", "institutions"}, 1, 2,
        c -> out.add(c.original() + "/" + c.inflection() + "/" + c.relation()));
    assertEquals(List.of("banks/PLURAL/HYPERNYM"), out);
    assertFalse(lex.dictionary().reverse(ReverseLexicon.Options.EXACT).candidates("financial institutions",
        c -> { }) > 0);
  }
}
