package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.NumberWords;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;

/**
 * The lexicon links number words with digits in LM form ("eight" with "0", "thousand" with "0000"),
 * where every digit is 0. A candidate must not put that placeholder into the text: "on April eight"
 * was restored to "on April 0", and "in quarter and year" to "in 0000 and year" (through an edge to
 * "thousand"). A number word's digit candidate carries the word's own value; a word that is not a
 * number gets no digit candidate at all.
 */
class LexiconCandidatesNumberTest {
  private static Lexicon toy() {
    LexiconBuilder b = new LexiconBuilder();
    NumberWords.addTo(b);
    b.pos("quarter", Pos.NOUN);
    b.edge("quarter", "thousand", Resource.MOBY, Relation.THESAURUS, 0, 3, 0);
    b.edge("thousand", "quarter", Resource.MOBY, Relation.THESAURUS, 0, 3, 0);
    return b.build();
  }

  private static List<String> displays(String text, int from, int length) {
    List<InputToken> tokens = AnalyzedTokens.of(text);
    List<Candidate> out = new ArrayList<>();
    LexiconCandidates.over(toy().dictionary(), 0).spanCandidates(tokens, from, length, out);
    return out.stream().map(Candidate::display).toList();
  }

  @Test
  void aNumberWordsDigitCandidateIsItsOwnValue() {
    List<String> eight = displays("on April eight at noon", 2, 1);
    assertTrue(eight.contains("8"), eight::toString);
    assertTrue(eight.stream().noneMatch(d -> d.matches(".*\\d.*") && !d.equals("8")), eight::toString);
    List<String> eighth = displays("on the eighth day", 2, 1);
    assertTrue(eighth.contains("8th"), eighth::toString);
    List<String> thousand = displays("a thousand people", 1, 1);
    assertTrue(thousand.contains("1000") && thousand.contains("1,000"), thousand::toString);
  }

  @Test
  void aWordThatIsNoNumberGetsNoDigits() {
    List<String> quarter = displays("in quarter and year", 1, 1);
    assertTrue(quarter.contains("thousand"), quarter::toString); // the edge itself is there
    assertEquals(List.of(), quarter.stream().filter(d -> d.matches(".*\\d.*")).toList());
  }
}
