package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.lm.DefaultModels;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * A word the language model does not know, written by a spinner for a common word ("astir" for
 * "about"), is read as one of the model's rarest words ({@link ChannelWeights#unknownAsRare()}),
 * not as the unknown word, whose probability is that of all unknown words together.
 */
class UnknownWordsTest {
  /** A thesaurus-like generator: one-word candidates from a map of surface to original. */
  private static CandidateGenerator thesaurus(Map<String, String> originals) {
    return sentence -> {
      List<Candidate> out = new ArrayList<>();
      for (int i = 0; i < sentence.size(); i++) {
        String original = originals.get(sentence.get(i).lmForm());
        if (original != null) {
          // one of an original's seven synonyms, chosen at random by the spinner
          out.add(new Candidate(i, 1, List.of(original), original, CandidateSource.THESAURUS,
              new CandidateFeatures(0, 7, Float.NaN, Float.NaN, 1f, Float.NaN, 7, -1)));
        }
      }
      return out;
    };
  }

  private static final String SPUN = "Traders are getting very worried astir where processors will get their beans.";

  @Test
  void theModelFindsTheUnknownWordLikelierThanACommonWord() {
    LanguageModel lm = DefaultModels.languageModel();
    int[] none = {};
    assertEquals(Vocabulary.UNK, lm.vocabulary().id("astir"));
    assertTrue(lm.logProb(none, 0, 0, Vocabulary.UNK) > lm.logProb(none, 0, 0, lm.vocabulary().id("weekly")),
        "the premise: as a unigram <unk> beats 'weekly'");
  }

  @Test
  void aSpunWordTheModelDoesNotKnowComesBackOnlyWhenReadAsARareWord() {
    CandidateGenerator g = thesaurus(Map.of("astir", "about"));
    Restorer asRare = Restorer.builder(DefaultModels.languageModel()).candidates(g)
        .weights(ChannelWeights.shipped()).build();
    assertEquals(1.0, ChannelWeights.shipped().unknownAsRare(), "the shipped setting");
    RestoredText r = asRare.restore(SPUN);
    assertEquals("Traders are getting very worried about where processors will get their beans.", r.text());
    assertEquals(1, r.edits().size(), r.edits()::toString);
    assertTrue(r.edits().get(0).confidence() >= 0.5, r.edits()::toString);

    Restorer asUnknown = Restorer.builder(DefaultModels.languageModel()).candidates(g)
        .weights(ChannelWeights.shipped().with("unknownAsRare", 0)).build();
    assertEquals(SPUN, asUnknown.restore(SPUN).text(), "as the whole unknown class the word outscores 'about'");
  }

  @Test
  void knownWordsAndUnknownWordsWithoutCandidatesStay() {
    Restorer r = Restorer.builder(DefaultModels.languageModel())
        .candidates(thesaurus(Map.of("astir", "about"))).weights(ChannelWeights.shipped()).build();
    String clean = "Traders at Zyxwvut Mills are getting very worried about where they will get their beans.";
    assertEquals(clean, r.restore(clean).text());
    assertTrue(r.restore(clean).edits().isEmpty());
  }

  @Test
  void theShareIsBetweenZeroAndOne() {
    assertEquals(0.0, ChannelWeights.DEFAULTS.unknownAsRare());
    assertEquals(0.5, ChannelWeights.DEFAULTS.with("unknownAsRare", 0.5).unknownAsRare());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("unknownAsRare", 1.5));
    assertTrue(e.getMessage().contains("unknownAsRare"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChannelWeights.DEFAULTS.with("unknownAsRare", -0.1));
  }
}
