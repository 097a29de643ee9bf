package org.unspin.restore;

import org.unspin.text.CasePattern;

import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;

class RestorerTest {
  static String corpus;
  static CountingLm lm;
  static ToyThesaurus thesaurus;
  static Restorer restorer;

  @BeforeAll
  static void setUp() {
    corpus = resource("toy-corpus.txt");
    lm = CountingLm.fromText(3, corpus);
    thesaurus = ToyThesaurus.load("/org/unspin/restore/toy-thesaurus.tsv");
    restorer = Restorer.builder(lm).candidates(thesaurus).build();
  }

  /** A fresh trigram {@link CountingLm} of the toy corpus (its query counts start at 0). */
  static CountingLm toyLm() {
    return CountingLm.fromText(3, resource("toy-corpus.txt"));
  }

  /** The toy thesaurus of the restorer tests. */
  static ToyThesaurus toyThesaurus() {
    return ToyThesaurus.load("/org/unspin/restore/toy-thesaurus.tsv");
  }

  static String resource(String name) {
    try (InputStream in = RestorerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Restores {@code input} and checks the text and that every edit points at its surface. */
  static RestoredText assertRestoresTo(Restorer r, String input, String expected) {
    RestoredText out = r.restore(input);
    assertEquals(expected, out.text(), () -> "edits: " + out.edits());
    assertEditsConsistent(out);
    return out;
  }

  static void assertEditsConsistent(RestoredText out) {
    int prevEnd = 0;
    StringBuilder rebuilt = new StringBuilder();
    for (Edit e : out.edits()) {
      assertTrue(e.start() >= prevEnd, () -> "edits overlap or are out of order: " + out.edits());
      assertEquals(out.input().substring(e.start(), e.end()), e.surface(), "edit surface vs input offsets");
      assertTrue(e.confidence() >= 0 && e.confidence() <= 1, "confidence " + e.confidence());
      rebuilt.append(out.input(), prevEnd, e.start()).append(e.suggestion());
      prevEnd = e.end();
    }
    rebuilt.append(out.input().substring(prevEnd));
    assertEquals(rebuilt.toString(), out.text(), "restored text = input with the edits applied");
    assertEquals(out.input().split("\n", -1).length, out.text().split("\n", -1).length, "one line per input line");
  }

  @Test
  void restoresWrongSenseSynonymWithExactOffsets() {
    RestoredText out = assertRestoresTo(restorer, "the inventory market fell", "the stock market fell");
    assertEquals(1, out.edits().size(), out.edits()::toString);
    Edit e = out.edits().get(0);
    assertEquals(4, e.start());
    assertEquals(13, e.end());
    assertEquals("inventory", e.surface());
    assertEquals("stock", e.suggestion());
    assertTrue(e.confidence() > 0.5, "confidence " + e.confidence());
  }

  @Test
  void stopsWhenItsThreadIsInterruptedAndWorksAgainAfterwards() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(java.util.concurrent.CancellationException.class,
          () -> restorer.restore("the inventory market fell"));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is left for the caller");
    } finally {
      Thread.interrupted();
    }
    assertRestoresTo(restorer, "the inventory market fell", "the stock market fell");
  }

  @Test
  void keepsTheCasePatternOfTheInput() {
    assertRestoresTo(restorer, "Inventory market fell sharply.", "Stock market fell sharply.");
    assertRestoresTo(restorer, "THE INVENTORY MARKET FELL", "THE STOCK MARKET FELL");
  }

  @Test
  void restoresTwoTokensToOneWord() {
    RestoredText out = assertRestoresTo(restorer, "The central financial institution raised interest rates.",
        "The central bank raised interest rates.");
    Edit e = out.edits().get(0);
    assertEquals("financial institution", e.surface());
    assertEquals(12, e.start());
    assertEquals(33, e.end());
  }

  @Test
  void restoresOneTokenToTwoWords() {
    assertRestoresTo(restorer, "The premier said the economy is strong.",
        "The prime minister said the economy is strong.");
  }

  @Test
  void restoresSeveralSubstitutionsInOneSentence() {
    assertRestoresTo(restorer, "The inventory marketplace dropped sharply on Monday.",
        "The stock market fell sharply on Monday.");
  }

  @Test
  void leavesCleanTextUnchanged() {
    String clean = String.join("\n",
        "The firm said profits fell in the second quarter.",
        "The company said sales fell in March.",
        "The store kept a large inventory of winter coats.",
        "The old stone wall fell in the storm.",
        "Oil prices rose on Friday after the storm.",
        "The government said the economy would grow.",
        "The bank announced a new chief executive.",
        "A large crowd watched the band in the park.",
        "The report said sales rose in the third quarter.");
    RestoredText out = restorer.restore(clean);
    assertEquals(clean, out.text(), () -> "over-edits: " + out.edits());
    assertTrue(out.unchanged());
  }

  @Test
  void overEditRateOnCleanCorpusTextIsZero() {
    RestoredText out = restorer.restore(corpus);
    long words = out.tokens().stream().filter(t -> t.kind() == TokenKind.WORD).count();
    assertTrue(words > 300, "corpus words " + words);
    assertEquals(0, out.edits().size(), () -> "over-edits on " + words + " words: " + out.edits());
  }

  @Test
  void leavesCapitalizedNamesAloneButRestoresTheCommonWord() {
    assertRestoresTo(restorer, "John Stone said the report was accurate.",
        "John Stone said the report was accurate.");
    assertRestoresTo(restorer, "The stone band played a concert in the park.",
        "The rock band played a concert in the park.");
  }

  @Test
  void tokensMarkedAsNamesNeedStrongEvidence() {
    String text = "The stone band played a concert in the park.";
    List<InputToken> tokens = new ArrayList<>();
    for (InputToken t : AnalyzedTokens.of(text)) {
      boolean name = t.lmForm().equals("stone");
      tokens.add(new InputToken(t.start(), t.end(), t.surface(), t.lmForm(), t.casePattern(), t.kind(), name,
          t.sentenceStart()));
    }
    assertEquals(text, restorer.restore(text, tokens).text());
  }

  @Test
  void keepsSpacingAndLineBreaksAndNeverJoinsAPhraseAcrossLines() {
    String input = "  the inventory market fell\n\nThe central financial\ninstitution raised rates.\r\nok  ";
    RestoredText out = restorer.restore(input);
    assertEditsConsistent(out);
    assertTrue(out.text().startsWith("  the stock market fell\n\n"), out.text());
    assertTrue(out.text().contains("financial\ninstitution"), out.text());
    assertTrue(out.text().endsWith("\r\nok  "), out.text());
  }

  @Test
  void abstainsOnCandidatesTheLanguageModelDoesNotKnow() {
    CandidateGenerator unknown = sentence -> List.of(Candidate.of(1, 1, "zyzzyva", CandidateSource.THESAURUS,
        CandidateFeatures.thesaurus(0, 1)));
    Restorer r = Restorer.builder(lm).candidates(unknown).build();
    assertTrue(r.restore("the inventory market fell").unchanged());
  }

  @Test
  void perTokenGainIsPositiveWhereTheRestorationHelps() {
    RestoredText out = restorer.restore("the inventory market fell");
    assertEquals(4, out.tokens().size());
    assertTrue(out.tokenGain(1) + out.tokenGain(2) > 0, () -> java.util.Arrays.toString(out.tokenGain()));
    assertTrue(out.restoredLogProb() > out.inputLogProb());
    RestoredText clean = restorer.restore("the stock market fell");
    for (int i = 0; i < 4; i++) {
      assertEquals(0, clean.tokenGain(i), 1e-6);
    }
  }

  @Test
  void logProbAndGainsDescribeTheRestoredTextWhenTheRerankerVetoesTheDecodersChanges() {
    Restorer vetoAll = Restorer.builder(lm).candidates(thesaurus).reranker(EditRerankerTest.constant(-20, 0.5)).build();
    RestoredText out = vetoAll.restore("the inventory market fell . the stock market fell");
    assertEquals(out.input(), out.text(), () -> "edits: " + out.edits());
    assertEquals(out.inputLogProb(), out.restoredLogProb(), 1e-4, "nothing changed, so no LM gain");
    assertTrue(out.decoderLogProb() > out.inputLogProb() + 1, "the decoder's path still has the change: "
        + out.decoderLogProb() + " vs " + out.inputLogProb());
    RestoredText kept = restorer.restore("the inventory market fell . the stock market fell");
    assertEquals(kept.decoderLogProb(), kept.restoredLogProb(), 1e-9, "nothing left out: the same path");
  }

  @Test
  void contextProposalsRestoreWordsNoCandidateListsButLeaveAttestedTextAlone() {
    Restorer r = Restorer.builder(lm).candidates(thesaurus).neighbourhood(Neighbourhood.closedClasses()).build();
    assertRestoresTo(r, "The bank said profits rose within March.", "The bank said profits rose in March.");
    assertRestoresTo(r, "The factory will open in March.", "The factory will open in March.");
  }

  @Test
  void randomTextNeverBreaksTheRestorer() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    String[] pieces = {"the", "inventory", "market", "fell", "Stone", "premier", ".", ",", " ", "  ", "\n", "\r\n",
        "financial", "institution", "42", "3.5", "état", "x-ray", "!", "?", "\"", "🙂", "\t", "within", "in"};
    Restorer r = Restorer.builder(lm).candidates(thesaurus).neighbourhood(Neighbourhood.closedClasses()).build();
    for (int iter = 0; iter < 200; iter++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(30);
      for (int i = 0; i < len; i++) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
        if (rnd.nextBoolean()) {
          sb.append(' ');
        }
      }
      String text = sb.toString();
      try {
        assertEditsConsistent(r.restore(text));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed=" + seed + " iter=" + iter + " text='" + text + "'", e);
      }
    }
  }

  @Test
  void rejectsTokensThatDoNotMatchTheText() {
    List<InputToken> tokens = List.of(new InputToken(0, 3, "abc", "abc", CasePattern.LOWER, TokenKind.WORD, false,
        true));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> restorer.restore("xyz", tokens));
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
  }

  @Test
  void selfTrainingLearnsTheSpinnersHabitFromABatch() {
    List<String> batch = List.of(
        "The inventory market fell sharply on Monday.",
        "Investors watched the inventory market closely.",
        "The central financial institution raised interest rates on Thursday.",
        "The inventory market closed higher on Friday.");
    SubstitutionCounts counts = restorer.learnFromBatch(batch);
    assertEquals(4, counts.documents());
    assertTrue(counts.count("inventory", "stock") > 2, counts::toTsv);
    assertTrue(counts.count("financial institution", "bank") > 0.5, counts::toTsv);
    assertEquals("inventory", counts.entries().get(0).surface(), counts::toTsv);
    assertTrue(counts.replacementRate() > 0 && counts.replacementRate() <= 1);
    assertTrue(counts.toTsv().startsWith("# Unspin substitution counts"));
    assertFalse(counts.toTsv().contains("\tstore\t"), counts::toTsv);
  }

  @Test
  void aBatchReadAgainForEachPassLearnsWhatTheListLearnsAndCountsTheSurfaces() {
    List<String> batch = List.of(
        "The inventory market fell sharply on Monday.",
        "Investors watched the inventory market closely.",
        "The central financial institution raised interest rates on Thursday.",
        "The inventory market closed higher on Friday.");
    int[] iterations = {0};
    Iterable<String> reread = () -> {
      iterations[0]++;
      return batch.iterator();
    };
    List<int[]> calls = new ArrayList<>();
    SubstitutionCounts counts = restorer.learnFromBatch(reread, AnalyzedTokens::of,
        (round, rounds, documents) -> calls.add(new int[] {round, rounds, documents}));
    assertEquals(restorer.learnFromBatch(batch).toTsv(), counts.toTsv());
    // restored by several threads, the counts are taken in the texts' order: the same result
    for (int threads : new int[] {2, 3}) {
      assertEquals(counts.toTsv(), restorer.learnFromBatch(batch, AnalyzedTokens::of, (r, n, d) -> { }, threads)
          .toTsv(), "threads=" + threads);
    }
    assertThrows(IllegalArgumentException.class,
        () -> restorer.learnFromBatch(batch, AnalyzedTokens::of, (r, n, d) -> { }, 0));
    int passes = ChannelWeights.DEFAULTS.selfTrainingRounds() + 2; // the rounds, then the count of the surfaces
    assertEquals(passes, iterations[0]);
    assertEquals(passes * batch.size(), calls.size());
    assertEquals(passes - 1, calls.get(calls.size() - 1)[0]);
    assertEquals(batch.size(), calls.get(calls.size() - 1)[2]);
    // "inventory" is written three times, each restored; a phrase nobody restored is not counted
    assertEquals(3, counts.occurrences("inventory"), counts::toTsv);
    assertEquals(0, counts.occurrences("market"));
    // restored in three of the four documents, once each
    SubstitutionCounts.Entry stock = counts.entries().stream().filter(e -> e.surface().equals("inventory"))
        .findFirst().orElseThrow();
    assertEquals(3, stock.documents(), counts::toTsv);
  }
}
