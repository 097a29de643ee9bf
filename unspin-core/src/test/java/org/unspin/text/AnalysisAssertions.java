package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test framework for the analyzer (after Lucene's BaseTokenStreamTestCase): golden assertions
 * with offsets, and invariant checks for random text that print the seed that reproduces a failure.
 */
final class AnalysisAssertions {
  private AnalysisAssertions() {}

  /**
   * Scales the iteration counts of randomized tests, as Lucene's tests.multiplier:
   * {@code -Dunspin.test.multiplier=20} for a longer hunt (default 1).
   */
  static final int MULTIPLIER = Integer.getInteger("unspin.test.multiplier", 1);

  /** Expected token: text and offsets; type and norm are checked only when given. */
  record Expect(String text, int start, int end, TokenType type, String norm) {}

  static Expect tok(String text, int start, int end) {
    return new Expect(text, start, end, null, null);
  }

  static Expect tok(String text, int start, int end, TokenType type) {
    return new Expect(text, start, end, type, null);
  }

  static Expect tok(String text, int start, int end, TokenType type, String norm) {
    return new Expect(text, start, end, type, norm);
  }

  /** Asserts the exact token sequence (text, offsets, and type/norm where given). */
  static AnalyzedText assertAnalyzesTo(String input, Expect... expected) {
    AnalyzedText a = Analyzer.english().analyze(input);
    String context = "input=" + escape(input) + " got=" + describe(a);
    assertEquals(expected.length, a.tokenCount(), "token count; " + context);
    for (int i = 0; i < expected.length; i++) {
      Expect e = expected[i];
      assertEquals(e.text(), a.tokenText(i), "text of token " + i + "; " + context);
      assertEquals(e.start(), a.start(i), "start of token " + i + "; " + context);
      assertEquals(e.end(), a.end(i), "end of token " + i + "; " + context);
      if (e.type() != null) {
        assertEquals(e.type(), a.type(i), "type of token " + i + "; " + context);
      }
      if (e.norm() != null) {
        assertEquals(e.norm(), a.norm(i), "norm of token " + i + "; " + context);
      }
    }
    checkInvariants(a, context);
    return a;
  }

  /** Asserts the token texts only (offsets are still checked for consistency). */
  static AnalyzedText assertTokens(String input, String... expected) {
    AnalyzedText a = Analyzer.english().analyze(input);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < a.tokenCount(); i++) {
      got.add(a.tokenText(i));
    }
    assertEquals(List.of(expected), got, "input=" + escape(input));
    checkInvariants(a, "input=" + escape(input));
    return a;
  }

  /** Asserts the sentences, each given as its exact text span. */
  static void assertSentences(String input, String... expected) {
    AnalyzedText a = Analyzer.english().analyze(input);
    List<String> got = new ArrayList<>();
    for (Sentence s : a.sentences()) {
      got.add(input.substring(s.start(), s.end()));
    }
    assertEquals(List.of(expected), got, "input=" + escape(input));
    checkInvariants(a, "input=" + escape(input));
  }

  /**
   * The analyzer's contract on any input: offsets in bounds, increasing, non-overlapping, token
   * text equals the input substring, no token starts or ends inside a surrogate pair, sentences
   * cover the tokens in order, and LmText gives the same LM forms sentence by sentence.
   */
  static void checkInvariants(AnalyzedText a, String context) {
    String text = a.text();
    int prevEnd = 0;
    for (int i = 0; i < a.tokenCount(); i++) {
      int s = a.start(i);
      int e = a.end(i);
      if (s < prevEnd || e <= s || e > text.length()) {
        fail("bad offsets [" + s + "," + e + ") after " + prevEnd + " at token " + i + "; " + context);
      }
      if (splitsPair(text, s) || splitsPair(text, e)) {
        fail("token " + i + " [" + s + "," + e + ") splits a surrogate pair; " + context);
      }
      assertEquals(new org.unspin.api.TextSpan(s, e), a.span(i), context);
      Token t = a.token(i);
      assertEquals(text.substring(s, e), t.text(), context);
      assertTrue(!t.norm().isEmpty() && !t.lmForm().isEmpty(), "empty form at token " + i + "; " + context);
      for (int k = 0; k < t.lmForm().length(); k++) {
        char c = t.lmForm().charAt(k);
        assertTrue(!Character.isWhitespace(c) && !(c >= '1' && c <= '9'),
            "bad char in LM form '" + t.lmForm() + "'; " + context);
      }
      assertEquals(TextForms.lmForm(t.norm()), t.lmForm(), context);
      prevEnd = e;
    }
    int expectedFirst = 0;
    List<List<String>> sentences = new ArrayList<>();
    for (int j = 0; j < a.sentenceCount(); j++) {
      Sentence s = a.sentence(j);
      assertEquals(expectedFirst, s.firstToken(), "sentence " + j + " does not follow the previous; " + context);
      assertEquals(a.start(s.firstToken()), s.start(), context);
      assertEquals(a.end(s.endToken() - 1), s.end(), context);
      for (int t = s.firstToken(); t < s.endToken(); t++) {
        assertEquals(j, a.sentenceOf(t), "sentenceOf(" + t + "); " + context);
      }
      expectedFirst = s.endToken();
      sentences.add(List.of(a.lmForms(j)));
    }
    assertEquals(a.tokenCount(), expectedFirst, "sentences must cover all tokens; " + context);
    List<List<String>> streamed = new ArrayList<>();
    LmText.forEachSentence(text, (forms, count) -> streamed.add(List.of(java.util.Arrays.copyOf(forms, count))));
    assertEquals(sentences, streamed, "LmText must agree with Analyzer; " + context);
  }

  private static boolean splitsPair(String text, int offset) {
    return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
        && Character.isLowSurrogate(text.charAt(offset));
  }

  /** Random text that mixes plain English-like pieces with arbitrary code points of all planes. */
  static String randomText(Random r, int maxLen) {
    String[] pieces = {"the", "The", " ", " ", "\n", "\r\n", "\r", ".", ". ", "!", "?", "\"", "\u201C", "\u201D",
        "'", "\u2019", "n't", "'s", "-", "\u2014", "U.S.", "Dr.", "e.g.", "3.5", "1,000", "http://x.org/a(b)",
        "www.", "@", "a@b.co", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\u200D", "\u00AD", "\u200B", "\uFEFF",
        "\t", "\u00A0", "(", ")", "...", "\u2026", "\u4E2D\u6587", "\u0301", "\uD800", "\uDC00", "\u0000",
        "J.", "No.", "etc.", "It", "twenty-one", "\uFF21", "\uFB01", "\u2028", "\u0085"};
    int len = r.nextInt(maxLen + 1);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < len) {
      int kind = r.nextInt(10);
      if (kind < 5) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      } else if (kind < 7) {
        sb.append((char) ('a' + r.nextInt(26)));
      } else if (kind < 8) {
        sb.append((char) r.nextInt(0x80));
      } else if (kind < 9) {
        sb.append((char) r.nextInt(0x10000)); // includes lone surrogates
      } else {
        sb.appendCodePoint(r.nextInt(Character.MAX_CODE_POINT + 1));
      }
    }
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
        sb.append(c);
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb.append('"').toString();
  }

  static String describe(AnalyzedText a) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < a.tokenCount(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(escape(a.tokenText(i))).append('@').append(a.start(i)).append('-').append(a.end(i)).append(':')
          .append(a.type(i));
    }
    return sb.append(']').toString();
  }
}
