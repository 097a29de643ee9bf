package org.unspin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;

class UnknownSpinnerMissesTest {
  /** The spinner knows Moby's "quick -> fast"; the generator only WordNet, where quick and fast share two neighbours. */
  private static UnknownSpinnerMisses toy() {
    LexiconBuilder b = new LexiconBuilder();
    for (String w : new String[] {"quick", "fast", "rapid", "speedy", "swift"}) {
      b.pos(w, Pos.ADJ);
    }
    b.edge("quick", "fast", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    b.edge("quick", "rapid", Resource.WORDNET, Relation.SYNONYM, Pos.ADJ, 1, 3);
    b.edge("quick", "speedy", Resource.WORDNET, Relation.SYNONYM, Pos.ADJ, 1, 3);
    b.edge("rapid", "fast", Resource.WORDNET, Relation.SYNONYM, Pos.ADJ, 1, 3);
    b.edge("speedy", "fast", Resource.WORDNET, Relation.SYNONYM, Pos.ADJ, 1, 3);
    b.edge("swift", "rapid", Resource.WORDNET, Relation.SYNONYM, Pos.ADJ, 1, 3);
    Lexicon lex = b.build();
    CandidateRecall.Setting s = new CandidateRecall.Setting("toy",
        lex.dictionary().withResources(EnumSet.of(Resource.MOBY)),
        lex.dictionary().withResources(EnumSet.of(Resource.WORDNET)));
    return new UnknownSpinnerMisses(lex, s);
  }

  @Test
  void classifiesAMissByItsListingAndRanksItsOriginalAmongTwoHopOriginals() {
    UnknownSpinnerMisses m = toy();
    m.analyze("quick", "fast");
    UnknownSpinnerMisses.Result r = m.result();
    assertEquals(1, r.substitutions());
    assertEquals(1, r.misses());
    assertEquals(1, r.twoHop());
    assertEquals(1, r.top10());
    assertEquals(Map.of("[MOBY]/THESAURUS, no reverse", 1L), r.byListing());
    assertEquals(2.0, r.meanTwoHop(), "quick (two paths) and swift (one path)");
  }

  @Test
  void aSubstitutionTheGeneratorProposesIsNoMissAndPhrasesAreSkipped() {
    UnknownSpinnerMisses m = toy();
    m.analyze("rapid", "fast");
    m.analyze("quick", "not a phrase");
    UnknownSpinnerMisses.Result r = m.result();
    assertEquals(1, r.substitutions());
    assertEquals(0, r.misses());
    assertEquals(Map.of(), r.byListing());
  }
}
