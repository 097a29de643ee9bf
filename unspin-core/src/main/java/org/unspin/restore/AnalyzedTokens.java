package org.unspin.restore;

import org.unspin.text.CasePattern;

import java.util.ArrayList;
import java.util.List;
import org.unspin.text.AnalyzedText;
import org.unspin.text.Analyzer;
import org.unspin.text.Sentence;
import org.unspin.text.TokenType;

/**
 * Maps the analyzer's tokens ({@link org.unspin.text.Analyzer}) to the restorer's {@link InputToken}
 * view: sentence starts from the analyzer's sentence splitter, token kinds, and a name flag for
 * capitalized words inside a sentence (spinners leave names alone, so changing one needs strong
 * evidence; a capitalized first word of a sentence is not marked, since capitals there say
 * nothing; nor are capitals in a sentence written mostly in capitals).
 *
 * <p>Stateless and thread-safe.
 */
public final class AnalyzedTokens {
  private AnalyzedTokens() {}

  /** Analyzes {@code text} with the English analyzer and maps its tokens. */
  public static List<InputToken> of(String text) {
    return of(Analyzer.english().analyze(text));
  }

  /** Maps the tokens of an analyzed text. */
  public static List<InputToken> of(AnalyzedText analyzed) {
    List<InputToken> out = new ArrayList<>(analyzed.tokenCount());
    for (Sentence s : analyzed.sentences()) {
      boolean shouting = mostlyUpperCase(analyzed, s);
      for (int t = s.firstToken(); t < s.endToken(); t++) {
        String surface = analyzed.tokenText(t);
        CasePattern cp = CasePattern.of(surface);
        TokenType type = analyzed.type(t);
        TokenKind kind = switch (type) {
          case WORD, HYPHENATED, ABBREVIATION -> TokenKind.WORD;
          case NUMBER -> TokenKind.NUMBER;
          case PUNCT -> TokenKind.PUNCT;
          default -> TokenKind.OTHER;
        };
        boolean first = t == s.firstToken();
        boolean name = kind == TokenKind.WORD && !first && !afterOpeningMark(analyzed, t, s)
            && (cp == CasePattern.TITLE || cp == CasePattern.MIXED || (cp == CasePattern.UPPER && !shouting));
        out.add(new InputToken(analyzed.start(t), analyzed.end(t), surface, analyzed.lmForm(t), cp, kind, name,
            first));
      }
    }
    return out;
  }

  /** True when most words of the sentence are in capitals: then capitals do not mark names. */
  private static boolean mostlyUpperCase(AnalyzedText a, Sentence s) {
    int words = 0;
    int upper = 0;
    for (int t = s.firstToken(); t < s.endToken(); t++) {
      TokenType type = a.type(t);
      if (type == TokenType.WORD || type == TokenType.HYPHENATED) {
        words++;
        if (CasePattern.of(a.tokenText(t)) == CasePattern.UPPER) {
          upper++;
        }
      }
    }
    return words >= 2 && upper * 2 > words;
  }

  /** A capital right after an opening quote or a colon starts a quoted sentence, not a name. */
  private static boolean afterOpeningMark(AnalyzedText a, int t, Sentence s) {
    if (t == s.firstToken()) {
      return false;
    }
    String prev = a.tokenText(t - 1);
    return prev.equals("\"") || prev.equals(":") || prev.equals("\u201C") || prev.equals("(");
  }
}
