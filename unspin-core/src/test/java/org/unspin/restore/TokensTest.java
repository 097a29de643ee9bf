package org.unspin.restore;

import org.unspin.text.CasePattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void casePatternsAreRecognizedAndReapplied() {
    assertEquals(CasePattern.LOWER, CasePattern.of("stock"));
    assertEquals(CasePattern.TITLE, CasePattern.of("Stock"));
    assertEquals(CasePattern.UPPER, CasePattern.of("STOCK"));
    assertEquals(CasePattern.MIXED, CasePattern.of("iPhone"));
    assertEquals(CasePattern.NONE, CasePattern.of("42"));
    assertEquals(CasePattern.TITLE, CasePattern.of("A"));
    assertEquals(CasePattern.TITLE, CasePattern.of("État"));
    assertEquals("Prime minister", CasePattern.TITLE.apply("prime minister"));
    assertEquals("PRIME MINISTER", CasePattern.UPPER.apply("prime minister"));
    assertEquals("'Tis", CasePattern.TITLE.apply("'tis"));
    assertEquals("état", CasePattern.LOWER.apply("état"));
  }

  @Test
  void analyzedTokensKeepOffsetsSentenceStartsAndNames() {
    String text = "The  3.5% rise, said Dr. Stone!\nnew line x-ray";
    List<InputToken> tokens = AnalyzedTokens.of(text);
    for (InputToken t : tokens) {
      assertEquals(text.substring(t.start(), t.end()), t.surface());
    }
    assertEquals("the", tokens.get(0).lmForm());
    assertTrue(tokens.get(0).sentenceStart());
    InputToken number = tokens.get(1);
    assertEquals("3.5", number.surface());
    assertEquals("0.0", number.lmForm());
    assertEquals(TokenKind.NUMBER, number.kind());
    assertEquals(TokenKind.PUNCT, tokens.get(2).kind());
    InputToken stone = tokens.stream().filter(t -> t.surface().equals("Stone")).findFirst().orElseThrow();
    assertFalse(stone.sentenceStart(), "'Dr.' is an abbreviation, not a sentence end");
    assertTrue(stone.name(), "a capitalized word inside a sentence is marked as a name");
    InputToken newLine = tokens.stream().filter(t -> t.surface().equals("new")).findFirst().orElseThrow();
    assertTrue(newLine.sentenceStart());
    InputToken xray = tokens.get(tokens.size() - 1);
    assertEquals("x-ray", xray.lmForm());
    assertTrue(xray.isCompound());
    assertFalse(tokens.get(0).isCompound());
  }

  @Test
  void wordsOfAnAllCapsSentenceAreNotNames() {
    List<InputToken> tokens = AnalyzedTokens.of("THE INVENTORY MARKET FELL, SAID NASA.");
    assertTrue(tokens.stream().filter(t -> t.kind() == TokenKind.WORD).noneMatch(InputToken::name), tokens.toString());
    List<InputToken> mixed = AnalyzedTokens.of("The report from NASA came late.");
    assertTrue(mixed.stream().filter(t -> t.surface().equals("NASA")).allMatch(InputToken::name));
  }

  @Test
  void inputTokenValidatesItsOffsets() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new InputToken(3, 5, "abc", "abc", CasePattern.LOWER, TokenKind.WORD, false, false));
    assertTrue(e.getMessage().contains("abc"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new InputToken(-1, 2, "ab", "ab", CasePattern.LOWER, TokenKind.WORD, false, false));
  }

  @Test
  void candidatesValidateSpansAndWords() {
    assertThrows(IllegalArgumentException.class,
        () -> Candidate.of(0, 7, "x", CandidateSource.THESAURUS, CandidateFeatures.NONE));
    assertThrows(IllegalArgumentException.class,
        () -> Candidate.of(0, 1, "a b c d e f g", CandidateSource.THESAURUS, CandidateFeatures.NONE));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CandidateFeatures(0, 0, Float.NaN, Float.NaN, Float.NaN, Float.NaN));
    assertTrue(e.getMessage().contains("fanout"), e.getMessage());
    assertEquals("prime minister", Candidate.of(0, 1, " prime  minister ", CandidateSource.THESAURUS,
        CandidateFeatures.NONE).phrase());
  }
}
