package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unspin.text.AnalysisAssertions.assertAnalyzesTo;
import static org.unspin.text.AnalysisAssertions.assertSentences;
import static org.unspin.text.AnalysisAssertions.assertTokens;
import static org.unspin.text.AnalysisAssertions.tok;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  @Test
  void splitsWordsAndPunctuationWithOffsets() {
    assertAnalyzesTo("The bank, said Ann.",
        tok("The", 0, 3, TokenType.WORD),
        tok("bank", 4, 8, TokenType.WORD),
        tok(",", 8, 9, TokenType.PUNCT),
        tok("said", 10, 14),
        tok("Ann", 15, 18),
        tok(".", 18, 19, TokenType.PUNCT));
  }

  @Test
  void crlfAndLoneCrEndSentencesAndKeepOffsets() {
    AnalyzedText a = assertAnalyzesTo("one two\r\nthree\rfour",
        tok("one", 0, 3), tok("two", 4, 7), tok("three", 9, 14), tok("four", 15, 19));
    assertEquals(3, a.sentenceCount());
  }

  @Test
  void byteOrderMarkCharIsSkipped() {
    assertAnalyzesTo("\uFEFFHello world", tok("Hello", 1, 6), tok("world", 7, 12));
  }

  @Test
  void curlyQuotesAndDashesAreNormalized() {
    assertAnalyzesTo("\u201CIt\u2019s \u2014 well\u2026\u201D",
        tok("\u201C", 0, 1, TokenType.PUNCT, "\""),
        tok("It", 1, 3, TokenType.WORD, "It"),
        tok("\u2019s", 3, 5, TokenType.WORD, "'s"),
        tok("\u2014", 6, 7, TokenType.PUNCT, "-"),
        tok("well", 8, 12),
        tok("\u2026", 12, 13, TokenType.PUNCT, "..."),
        tok("\u201D", 13, 14, TokenType.PUNCT, "\""));
  }

  @Test
  void contractionsAreSplitPennTreebankStyle() {
    assertTokens("I don't think John's car can't go; we're O'Brien's.",
        "I", "do", "n't", "think", "John", "'s", "car", "ca", "n't", "go", ";", "we", "'re", "O'Brien", "'s", ".");
    assertTokens("rock'n'roll o'clock students' books", "rock'n'roll", "o'clock", "students", "'", "books");
  }

  @Test
  void cliticsAreSplitWhateverTheirCaseOrApostrophe() {
    AnalyzedText a = assertTokens("DON'T I'm we'll they've he'd can\u2019t 1990's mother-in-law's",
        "DO", "N'T", "I", "'m", "we", "'ll", "they", "'ve", "he", "'d", "ca", "n\u2019t", "1990", "'s",
        "mother-in-law", "'s");
    assertEquals("n't", a.lmForm(1));
    assertEquals("n't", a.norm(11));
    assertEquals("'s", a.lmForm(13));
    assertTokens("'90s y'all n't", "'", "90s", "y'all", "n't");
  }

  @Test
  void abbreviationsKeepTheirPeriod() {
    assertAnalyzesTo("Dr. Smith went to the U.S. in 1999.",
        tok("Dr.", 0, 3, TokenType.ABBREVIATION),
        tok("Smith", 4, 9),
        tok("went", 10, 14),
        tok("to", 15, 17),
        tok("the", 18, 21),
        tok("U.S.", 22, 26, TokenType.ABBREVIATION),
        tok("in", 27, 29),
        tok("1999", 30, 34, TokenType.NUMBER),
        tok(".", 34, 35, TokenType.PUNCT));
    assertTokens("e.g. Ph.D. J. K. Rowling", "e.g.", "Ph.D.", "J.", "K.", "Rowling");
    assertTokens("No. 5 but the answer is no.", "No.", "5", "but", "the", "answer", "is", "no", ".");
  }

  @Test
  void decimalsAndGroupedNumbersStayWhole() {
    assertAnalyzesTo("It cost 2.5 or 1,000 dollars at 10:30, about .5 each.",
        tok("It", 0, 2), tok("cost", 3, 7),
        tok("2.5", 8, 11, TokenType.NUMBER), tok("or", 12, 14),
        tok("1,000", 15, 20, TokenType.NUMBER), tok("dollars", 21, 28), tok("at", 29, 31),
        tok("10:30", 32, 37, TokenType.NUMBER), tok(",", 37, 38), tok("about", 39, 44),
        tok(".5", 45, 47, TokenType.NUMBER), tok("each", 48, 52), tok(".", 52, 53));
  }

  @Test
  void emojiAndSurrogatePairsAreNeverSplit() {
    String thumbs = "\uD83D\uDC4D\uD83C\uDFFD"; // thumbs up + skin tone
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    String flag = "\uD83C\uDDEC\uD83C\uDDE7";
    String math = "\uD835\uDC00bc"; // mathematical bold A, a letter outside the BMP
    String in = "ok" + thumbs + " " + family + flag + " " + math;
    assertAnalyzesTo(in,
        tok("ok", 0, 2, TokenType.WORD),
        tok(thumbs, 2, 6, TokenType.SYMBOL),
        tok(family, 7, 15, TokenType.SYMBOL),
        tok(flag, 15, 19, TokenType.SYMBOL),
        tok(math, 20, 24, TokenType.WORD, "Abc"));
  }

  @Test
  void urlsHostsAndEmailsAreSingleTokens() {
    assertAnalyzesTo("See https://en.wikipedia.org/wiki/Spin_(x). Or www.bbc.co.uk, bbc.com or a.b-c@mail.example.org!",
        tok("See", 0, 3),
        tok("https://en.wikipedia.org/wiki/Spin_(x)", 4, 42, TokenType.URL),
        tok(".", 42, 43),
        tok("Or", 44, 46),
        tok("www.bbc.co.uk", 47, 60, TokenType.URL),
        tok(",", 60, 61),
        tok("bbc.com", 62, 69, TokenType.URL),
        tok("or", 70, 72),
        tok("a.b-c@mail.example.org", 73, 95, TokenType.EMAIL),
        tok("!", 95, 96));
    assertTokens("(see http://x.org/a)", "(", "see", "http://x.org/a", ")");
  }

  @Test
  void hyphenatedCompoundsAreOneToken() {
    assertAnalyzesTo("A well-known 19-year-old COVID-19 patient",
        tok("A", 0, 1), tok("well-known", 2, 12, TokenType.HYPHENATED),
        tok("19-year-old", 13, 24, TokenType.HYPHENATED), tok("COVID-19", 25, 33, TokenType.HYPHENATED),
        tok("patient", 34, 41));
    assertTokens("Paris - London -- fast\u2013slow", "Paris", "-", "London", "--", "fast", "\u2013", "slow");
  }

  @Test
  void zeroWidthCharactersInsideWordsVanishFromNormalForm() {
    assertAnalyzesTo("ba\u200Bnk co\u00ADoperate",
        tok("ba\u200Bnk", 0, 5, TokenType.WORD, "bank"),
        tok("co\u00ADoperate", 6, 16, TokenType.WORD, "cooperate"));
  }

  @Test
  void fullWidthAndLigaturesAreNfkcNormalized() {
    AnalyzedText a = assertAnalyzesTo("\uFF21\uFF22\uFF23 \uFB01nance",
        tok("\uFF21\uFF22\uFF23", 0, 3, TokenType.WORD, "ABC"), tok("\uFB01nance", 4, 10, TokenType.WORD, "finance"));
    assertEquals("abc", a.lmForm(0));
  }

  @Test
  void lmFormLowerCasesAndZeroesDigits() {
    AnalyzedText a = Analyzer.english().analyze("In 1999 the BBC's 5th Ave.");
    assertEquals("in", a.lmForm(0));
    assertEquals("0000", a.lmForm(1));
    assertEquals("bbc", a.lmForm(3));
    assertEquals("'s", a.lmForm(4));
    assertEquals("0th", a.lmForm(5));
    assertEquals("ave.", a.lmForm(6));
  }

  @Test
  void casePatternsAreReported() {
    AnalyzedText a = Analyzer.english().analyze("the Bank NASA iPhone I 42 \u00C9cole");
    assertEquals(CasePattern.LOWER, a.casePattern(0));
    assertEquals(CasePattern.TITLE, a.casePattern(1));
    assertEquals(CasePattern.UPPER, a.casePattern(2));
    assertEquals(CasePattern.MIXED, a.casePattern(3));
    assertEquals(CasePattern.TITLE, a.casePattern(4));
    assertEquals(CasePattern.NONE, a.casePattern(5));
    assertEquals(CasePattern.TITLE, a.casePattern(6));
  }

  @Test
  void numericValuesCoverDigitsAndNumberWords() {
    AnalyzedText a = Analyzer.english().analyze("two 2 2.5 1,000 twenty-one Twelve bank 1,00");
    assertEquals(2.0, a.numericValue(0));
    assertEquals(2.0, a.numericValue(1));
    assertEquals(2.5, a.numericValue(2));
    assertEquals(1000.0, a.numericValue(3));
    assertEquals(21.0, a.numericValue(4));
    assertEquals(12.0, a.numericValue(5));
    assertTrue(Double.isNaN(a.numericValue(6)));
    assertTrue(Double.isNaN(a.numericValue(7)));
    assertEquals(2.0, a.token(0).numericValue());
  }

  @Test
  void sentencesEndAtTerminatorsButNotBeforeLowerCase() {
    assertSentences("It rained. Then it stopped! Did it? \"Really?\" he asked. (Yes.) Done",
        "It rained.", "Then it stopped!", "Did it?", "\"Really?\" he asked.", "(Yes.)", "Done");
  }

  @Test
  void abbreviationsEndSentencesOnlyBeforeCommonStarters() {
    assertSentences("Dr. Smith met J. K. Rowling in the U.S. The talk was at Acme Inc. It went well.",
        "Dr. Smith met J. K. Rowling in the U.S.", "The talk was at Acme Inc.", "It went well.");
    assertSentences("Apples, pears, etc. are fruit. Prices rose 3.5 percent. Fine",
        "Apples, pears, etc. are fruit.", "Prices rose 3.5 percent.", "Fine");
  }

  @Test
  void wordsThatLookLikeAbbreviationsStillEndSentences() {
    // regression: "Sun." was taken for the day abbreviation in BBC text
    assertSentences("He told the Sun. He sat. They met on Main St. The talk in St. Louis was long.",
        "He told the Sun.", "He sat.", "They met on Main St.", "The talk in St. Louis was long.");
  }

  @Test
  void lineBreaksAlwaysEndSentences() {
    assertSentences("A title\nand a line\r\n\r\nA paragraph", "A title", "and a line", "A paragraph");
  }

  @Test
  void openingQuoteAfterTerminatorStartsNextSentence() {
    assertSentences("He left. \"Why?\" she said.", "He left.", "\"Why?\" she said.");
  }

  @Test
  void ideographsAreSingleTokensAndCjkStopEndsSentence() {
    assertSentences("\u4E2D\u6587\u3002\u65E5\u672C", "\u4E2D\u6587\u3002", "\u65E5\u672C");
    assertTokens("\u4E2D\u6587", "\u4E2D", "\u6587");
  }

  @Test
  void emptyAndBlankTextGiveNoTokens() {
    assertEquals(0, Analyzer.english().analyze("").tokenCount());
    assertEquals(0, Analyzer.english().analyze(" \r\n\t\u00A0\u200B").sentenceCount());
  }

  @Test
  void tokenAtFindsContainingToken() {
    AnalyzedText a = Analyzer.english().analyze("ab  cd");
    assertEquals(0, a.tokenAt(1));
    assertEquals(1, a.tokenAt(4));
    assertTrue(a.tokenAt(3) < 0);
  }

  @Test
  void customAbbreviationListIsUsed() {
    Abbreviations list = Abbreviations.parse(new StringReader("# test\nfoo prefix\n"), "test");
    AnalyzedText a = new Analyzer(list).analyze("Foo. Bar. Dr. X");
    assertEquals("Foo.", a.tokenText(0));
    assertEquals("Bar", a.tokenText(1));
    assertEquals("Dr", a.tokenText(3));
  }

  @Test
  void malformedAbbreviationListNamesFileAndLine() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.unspin.api.ModelException.class,
        () -> Abbreviations.parse(new StringReader("ok any\nbad\n"), "abbr.txt"));
    assertEquals("abbr.txt: line 2: expected '<abbreviation> <class>', got 'bad'", e.getMessage());
    var e2 = org.junit.jupiter.api.Assertions.assertThrows(org.unspin.api.ModelException.class,
        () -> Abbreviations.parse(new StringReader("dr. prefix\n"), "abbr.txt"));
    assertTrue(e2.getMessage().contains("without its final period"), e2.getMessage());
  }
}
