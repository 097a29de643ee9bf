package org.unspin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.Split;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;
import org.unspin.lexicon.ReverseLexicon;

class CandidateRecallTest {
  /** "car -> automobile", "big -> large", "quick -> fast", "bank -> financial institution". */
  static Lexicon toy() {
    LexiconBuilder b = new LexiconBuilder();
    b.pos("car", Pos.NOUN).pos("automobile", Pos.NOUN).pos("big", Pos.ADJ).pos("large", Pos.ADJ)
        .pos("quick", Pos.ADJ).pos("fast", Pos.ADJ).pos("bank", Pos.NOUN).pos("financial institution", Pos.NOUN);
    b.edge("car", "automobile", Resource.WORDNET, Relation.SYNONYM, Pos.NOUN, 1, 10);
    b.edge("big", "large", Resource.WORDNET, Relation.SYNONYM, Pos.ADJ, 1, 10);
    b.edge("quick", "fast", Resource.MOBY, Relation.THESAURUS, 0, 1, 0);
    b.edge("bank", "financial institution", Resource.WORDNET, Relation.HYPERNYM, Pos.NOUN, 1, 5);
    return b.build();
  }

  private static SpunText spun(String original, String... swaps) {
    // swaps: pairs (original word, replacement), applied left to right at their first occurrence
    StringBuilder out = new StringBuilder();
    List<Substitution> subs = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < swaps.length; i += 2) {
      int at = original.indexOf(swaps[i], pos);
      out.append(original, pos, at);
      int ss = out.length();
      out.append(swaps[i + 1]);
      subs.add(new Substitution(at, at + swaps[i].length(), ss, out.length(), swaps[i], swaps[i + 1], "word"));
      pos = at + swaps[i].length();
    }
    out.append(original.substring(pos));
    return new SpunText("t", original, out.toString(), subs, subs.size());
  }

  @Test
  void findsTheOriginalOfWordAndPhraseSubstitutionsTheLexiconLists() {
    Lexicon lex = toy();
    CandidateRecall cr = new CandidateRecall(CandidateRecall.known(lex), 30);
    cr.add(spun("The big car left the bank.", "big", "large", "car", "automobile", "bank", "financial institution"));
    CandidateRecall.Result r = cr.result();
    assertEquals(3, r.substitutions());
    assertEquals(3, r.foundUnlimited());
    assertEquals(3, r.foundLimited());
    assertEquals(0, r.unaligned());
    assertEquals(1.0, r.recallLimited());
    assertEquals(List.of(), r.misses());
    assertEquals(7, r.tokens(), "word tokens of the spun text");
  }

  @Test
  void countsASubstitutionTheLexiconDoesNotListAsAMiss() {
    CandidateRecall cr = new CandidateRecall(CandidateRecall.known(toy()), 30);
    cr.add(spun("The quick car stopped.", "quick", "speedy", "car", "automobile"));
    CandidateRecall.Result r = cr.result();
    assertEquals(2, r.substitutions());
    assertEquals(1, r.foundUnlimited());
    assertEquals(0.5, r.recallUnlimited());
    assertEquals(1, r.misses().size());
    assertEquals("speedy", r.misses().get(0).spun());
    assertFalse(r.misses().get(0).unaligned());
  }

  @Test
  void aReplacementLongerThanThreeTokensIsUnalignedAndMissed() {
    CandidateRecall cr = new CandidateRecall(CandidateRecall.known(toy()), 30);
    cr.add(spun("A car was here.", "car", "very old used automobile"));
    CandidateRecall.Result r = cr.result();
    assertEquals(1, r.unaligned());
    assertEquals(0, r.foundUnlimited());
    assertTrue(r.misses().get(0).unaligned());
  }

  @Test
  void aSubstitutionAcrossASentenceBoundaryIsUnaligned() {
    CandidateRecall cr = new CandidateRecall(CandidateRecall.known(toy()), 30);
    cr.add(spun("It was big here.", "big", "large. Fast"));
    assertEquals(1, cr.result().unaligned());
  }

  @Test
  void theUnknownSettingGivesTheGeneratorNoneOfTheSpinnersEntries() {
    Lexicon lex = Lexicon.loadDefault();
    CandidateRecall.Setting s = CandidateRecall.unknown(lex, 0.25, 7);
    int spinnerEdges = 0;
    for (int e = 0; e < lex.edgeCount(); e += 97) {
      int info = lex.info(e);
      int spin = s.spinner().resources(e, info);
      int gen = s.generator().resources(e, info);
      assertEquals(0, spin & gen, "edge " + e);
      assertEquals(Lexicon.resources(info), spin | gen, "edge " + e);
      spinnerEdges += spin != 0 ? 1 : 0;
    }
    assertTrue(spinnerEdges > 0);
    assertThrows(IllegalArgumentException.class, () -> CandidateRecall.unknown(lex, 0, 7));
  }

  private static final String[] SYLLABLES = {"ba", "ko", "tu", "mi", "re", "sa", "lo", "pe", "di", "nu"};

  private static String word(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
      sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    return sb.toString();
  }

  /** Oracle: ask the reverse index directly for each substitution's spun words. */
  private static long oracle(List<SpunText> texts, ReverseLexicon reverse) {
    long found = 0;
    for (SpunText t : texts) {
      for (Substitution s : t.substitutions()) {
        String surface = CandidateRecall.lmPhrase(s.spun());
        String original = CandidateRecall.lmPhrase(s.original());
        if (surface.split(" ").length > 3) {
          continue;
        }
        boolean[] hit = {false};
        reverse.candidates(surface, c -> hit[0] |= c.relation() != Relation.SPELLING && c.original().equals(original));
        found += hit[0] ? 1 : 0;
      }
    }
    return found;
  }

  @Test
  void agreesWithAReverseIndexOracleOnRandomLexiconsAndTexts() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    SplittableRandom r = new SplittableRandom(seed);
    for (int round = 0; round < 5; round++) {
      LexiconBuilder b = new LexiconBuilder();
      List<String> vocab = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String p = r.nextInt(5) == 0 ? word(r) + " " + word(r) : word(r);
        b.pos(p, 1 << r.nextInt(4));
        vocab.add(p);
      }
      for (int i = 0; i < 150; i++) {
        b.edge(vocab.get(r.nextInt(vocab.size())), vocab.get(r.nextInt(vocab.size())),
            r.nextBoolean() ? Resource.WORDNET : Resource.MOBY, Relation.SYNONYM, 1 << r.nextInt(4),
            1 + r.nextInt(5), r.nextInt(3));
      }
      Lexicon lex = b.build();
      int limit = 1 + r.nextInt(4);
      CandidateRecall.Setting setting = r.nextBoolean() ? CandidateRecall.known(lex)
          : CandidateRecall.unknown(lex, 0.3, r.nextLong());
      CandidateRecall cr = new CandidateRecall(setting, limit);
      List<SpunText> texts = new ArrayList<>();
      for (int d = 0; d < 5; d++) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 4; s++) {
          for (int w = 0; w < 8; w++) {
            text.append(w == 0 ? "" : " ").append(r.nextInt(3) == 0 ? word(r) : vocab.get(r.nextInt(vocab.size())));
          }
          text.append(". ");
        }
        texts.add(cr.add("d" + d, text.toString().strip(), r.nextLong()));
      }
      CandidateRecall.Result res = cr.result();
      String msg = "seed=" + seed + " round=" + round;
      assertEquals(texts.stream().mapToLong(t -> t.substitutions().size()).sum(), res.substitutions(), msg);
      // the facade's options: second-order candidates on
      ReverseLexicon.Options facade = ReverseLexicon.Options.DEFAULT.withSecondOrder(
          org.unspin.restore.LexiconCandidates.SECOND_ORDER);
      assertEquals(oracle(texts, setting.generator().reverse(facade)), res.foundUnlimited(), msg);
      // the limited generator: the adaptive limit around the budget
      assertEquals(oracle(texts, setting.generator().reverse(org.unspin.restore.LexiconCandidates.limitAround(limit)
          .withSecondOrder(org.unspin.restore.LexiconCandidates.SECOND_ORDER))), res.foundLimited(), msg);
      assertTrue(res.candidatesLimited() <= res.candidatesUnlimited(), msg);
    }
  }

  @Test
  void samplesDocumentsOfTheSplitInTurnFromEachSource(@TempDir Path dir) throws Exception {
    Path bbc = dir.resolve("bbc/business");
    Files.createDirectories(bbc);
    int test = 0;
    for (int i = 1; test < 3; i++) {
      String name = String.format(java.util.Locale.ROOT, "%03d", i);
      Files.writeString(bbc.resolve(name + ".txt"), "Headline " + i + "\n\n" + "word ".repeat(30) + "\n");
      test += Split.of("bbc/business/" + name) == Split.TEST ? 1 : 0;
    }
    List<Document> docs = CandidateRecall.sample(dir, EnumSet.of(CorpusSource.BBC), Split.TEST, 10);
    assertEquals(3, docs.size());
    for (Document d : docs) {
      assertEquals(Split.TEST, Split.of(d.id()), d.id());
    }
    assertEquals(2, CandidateRecall.sample(dir, EnumSet.of(CorpusSource.BBC), Split.TEST, 2).size());
  }
}
