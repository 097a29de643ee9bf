package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;

/**
 * A candidate's sense rank is a WordNet sense number: an edge that only Moby lists carries its
 * position in the original's Moby list, which is alphabetical and says nothing about how likely
 * the replacement is, so it has no sense rank (and the channel charges nothing for it).
 */
class LexiconCandidatesRankTest {
  private static Lexicon toy() {
    LexiconBuilder b = new LexiconBuilder();
    b.pos("conference", Pos.NOUN).pos("convention", Pos.NOUN).pos("assembly", Pos.NOUN).pos("bank", Pos.NOUN)
        .pos("depository", Pos.NOUN);
    // Moby lists synonyms alphabetically: "convention" is far down "conference"'s list, "assembly" near its top.
    b.edge("conference", "convention", Resource.MOBY, Relation.THESAURUS, 0, 51, 0);
    b.edge("conference", "assembly", Resource.MOBY, Relation.THESAURUS, 0, 2, 0);
    b.edge("bank", "depository", Resource.WORDNET, Relation.SYNONYM, Pos.NOUN, 3, 5);
    return b.build();
  }

  private static Candidate candidate(Lexicon lex, String text, String original) {
    List<InputToken> tokens = AnalyzedTokens.of(text);
    List<Candidate> out = new ArrayList<>();
    LexiconCandidates.over(lex.dictionary(), 30).spanCandidates(tokens, 1, 1, out);
    return out.stream().filter(c -> c.display().equals(original)).findFirst().orElse(null);
  }

  @Test
  void mobyListPositionsAreNoSenseRank() {
    Lexicon lex = toy();
    Candidate far = candidate(lex, "the convention", "conference");
    Candidate near = candidate(lex, "the assembly", "conference");
    assertNotNull(far);
    assertNotNull(near);
    assertEquals(-1, far.features().senseRank());
    assertEquals(-1, near.features().senseRank());
    ChannelModel channel = new ChannelModel(ChannelWeights.DEFAULTS);
    assertEquals(channel.candidateCost(near), channel.candidateCost(far), 1e-12);
  }

  @Test
  void wordNetSensesKeepTheirRank() {
    Candidate c = candidate(toy(), "the depository", "bank");
    assertNotNull(c);
    assertEquals(2, c.features().senseRank()); // the third sense: two steps after the first
  }
}
