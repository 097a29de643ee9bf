package org.unspin.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

class PhraseCohesionTest {
  /** Unigram log10 probability of every word of the toy model. */
  static final float UNIGRAM = -3f;
  /** log10 probability of a word that continues a phrase of the toy model. */
  static final float IN_PHRASE = -0.2f;
  /** Back-off weight paid once when a history does not continue a phrase. */
  static final float BACKOFF = -0.3f;

  /**
   * A toy back-off model that knows a few phrases: a word that, after the history's last words,
   * forms a word sequence inside one of them scores {@link #IN_PHRASE}; any other word its unigram
   * plus one back-off weight (no back-off with no history).
   */
  static final class ToyModel implements LanguageModel {
    private final List<String[]> phrases = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>(List.of(Vocabulary.UNK_WORD, Vocabulary.BOS_WORD,
        Vocabulary.EOS_WORD));

    ToyModel(String... phrases) {
      for (String p : phrases) {
        String[] w = p.split(" ");
        this.phrases.add(w);
        for (String x : w) {
          ids.computeIfAbsent(x, k -> {
            words.add(k);
            return words.size() - 1;
          });
        }
      }
    }

    @Override
    public Vocabulary vocabulary() {
      return new Vocabulary() {
        @Override
        public int size() {
          return words.size();
        }

        @Override
        public int id(CharSequence word) {
          return ids.getOrDefault(word.toString(), UNK);
        }

        @Override
        public String word(int id) {
          return words.get(id);
        }
      };
    }

    @Override
    public int order() {
      return 4;
    }

    @Override
    public long query(int[] context, int from, int length, int word) {
      if (word == Vocabulary.UNK) {
        return LanguageModel.pack(-7f, 0);
      }
      for (int h = Math.min(length, order() - 1); h >= 1; h--) {
        String[] seq = new String[h + 1];
        for (int k = 0; k < h; k++) {
          seq[k] = words.get(context[from + length - h + k]);
        }
        seq[h] = words.get(word);
        if (inAPhrase(seq)) {
          return LanguageModel.pack(IN_PHRASE, h + 1);
        }
      }
      return LanguageModel.pack(UNIGRAM + (length > 0 ? BACKOFF : 0f), 1);
    }

    private boolean inAPhrase(String[] seq) {
      for (String[] p : phrases) {
        for (int s = 0; s + seq.length <= p.length; s++) {
          boolean all = true;
          for (int k = 0; k < seq.length && all; k++) {
            all = p[s + k].equals(seq[k]);
          }
          if (all) {
            return true;
          }
        }
      }
      return false;
    }
  }

  @Test
  void phraseTheModelKnowsIsMoreCohesiveThanOneThatCrossesItsEnd() {
    PhraseCohesion c = new PhraseCohesion(new ToyModel("as far as", "in the end"));
    float whole = c.cohesion("as far as");
    float crossing = c.cohesion("far as pampa");
    // each of "far" and "as" continues the phrase: 2 x (IN_PHRASE - UNIGRAM)
    assertEquals(2 * (IN_PHRASE - UNIGRAM), whole, 1e-5);
    // "as" continues "far"; "pampa" is unknown to the model and adds nothing
    assertEquals(IN_PHRASE - UNIGRAM, crossing, 1e-5);
    // a word that does not continue the history adds nothing (not the back-off weight it costs)
    assertEquals(0f, c.cohesion("as end"), 0f);
    assertEquals(0f, c.cohesion("as"), 0f);
    assertEquals(0f, c.cohesion("as far as in the"), 0f);
    assertTrue(whole > crossing);
  }

  @Test
  void digitsAreScoredInTheModelsForm() {
    PhraseCohesion c = new PhraseCohesion(new ToyModel("top 00 list"));
    assertEquals(2 * (IN_PHRASE - UNIGRAM), c.cohesion("top 40 list"), 1e-5);
  }

  @Test
  void cachedValuesEqualFreshOnesOnRandomPhrases() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    String[] vocab = {"as", "far", "in", "the", "end", "zorp", "of"};
    ToyModel model = new ToyModel("as far as", "in the end", "end of the");
    PhraseCohesion cached = new PhraseCohesion(model);
    for (int t = 0; t < 300; t++) {
      int n = 1 + rnd.nextInt(PhraseCohesion.MAX_WORDS);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < n; k++) {
        sb.append(k == 0 ? "" : " ").append(vocab[rnd.nextInt(vocab.length)]);
      }
      String p = sb.toString();
      assertEquals(new PhraseCohesion(model).cohesion(p), cached.cohesion(p), 0f, "seed=" + seed + " " + p);
      assertEquals(cached.cohesion(p), cached.cohesion(p), 0f, "seed=" + seed + " " + p);
    }
  }

  @Test
  void phraseThatReplacedOneWordEndsWhereTheModelSeesThePhraseEnd() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    // an edge in the same stretch, so it is segmented; the rest has no lexicon evidence at all
    assertTrue(classes.isEdge("huge", "enormous"));
    String src = "They walked to glim huge town at night.";
    String spun = "They walked zorp blat quux frob enormous town at night.";
    PhraseCohesion lm = new PhraseCohesion(new ToyModel("zorp blat quux"));
    List<AlignedSubstitution> with = Aligner.align(Words.of(spun), Words.of(src), classes, true, lm).aligned();
    assertEquals(List.of("zorp blat quux<-to", "frob<-glim", "enormous<-huge"), pairs(with));
    // without the model, the boundary falls where the segmentation's ties put it
    List<AlignedSubstitution> without = Aligner.align(Words.of(spun), Words.of(src), classes, true, null).aligned();
    assertEquals(3, without.size(), without.toString());
    assertEquals("enormous<-huge", pairs(without).get(2));
    assertTrue(!pairs(without).contains("zorp blat quux<-to"), without.toString());
  }

  @Test
  void segmentationWeighsTheModelsPhrasesAgainstAMisplacedLexiconPhrase() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    assertTrue(classes.isPhrase("in spades") && !classes.isEdge("glim", "in spades"));
    String src = "They walked to glim blat huge town at night.";
    String spun = "They walked zorp in spades quux frob enormous town at night.";
    // without the model, the lexicon phrase "in spades" is a piece of its own; it then has evidence,
    // so the re-cut of runs cannot move it
    List<AlignedSubstitution> without = Aligner.align(Words.of(spun), Words.of(src), classes, true, null).aligned();
    assertEquals(List.of("zorp<-to", "in spades<-glim", "quux frob<-blat", "enormous<-huge"), pairs(without));
    // with it, the segmentation itself sees the spinner's phrases "zorp in" and "spades quux"
    PhraseCohesion lm = new PhraseCohesion(new ToyModel("zorp in", "spades quux"));
    List<AlignedSubstitution> with = Aligner.align(Words.of(spun), Words.of(src), classes, true, lm).aligned();
    assertEquals(List.of("zorp in<-to", "spades quux<-glim", "frob<-blat", "enormous<-huge"), pairs(with));
  }

  @Test
  void boundaryStaysWhenTheModelSeesNoPhrase() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    String src = "They walked to glim huge town at night.";
    String spun = "They walked zorp blat quux frob enormous town at night.";
    PhraseCohesion lm = new PhraseCohesion(new ToyModel("other words entirely"));
    assertEquals(pairs(Aligner.align(Words.of(spun), Words.of(src), classes, true, null).aligned()),
        pairs(Aligner.align(Words.of(spun), Words.of(src), classes, true, lm).aligned()));
  }

  private static List<String> pairs(List<AlignedSubstitution> subs) {
    List<String> out = new ArrayList<>();
    for (AlignedSubstitution a : subs) {
      out.add(a.surface() + "<-" + a.original());
    }
    return out;
  }
}
