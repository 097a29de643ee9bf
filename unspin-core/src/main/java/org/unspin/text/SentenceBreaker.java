package org.unspin.text;

import java.util.Locale;
import java.util.Set;

/**
 * Rule-based sentence boundaries, decided token by token with one token of look-ahead (so it can
 * run while scanning a stream). Feed every token in order to {@link #breakBefore}; it answers
 * whether a sentence ends just before that token. Not thread-safe; {@link #reset} between texts.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A line break (or a paragraph) between two tokens always ends a sentence.
 *   <li>After a terminator run ({@code . ! ? ... ?!}, CJK full stops), closing quotes and brackets
 *       still belong to the sentence; the sentence ends before the next other token unless that
 *       token starts with a lower-case letter ({@code "Really?" he asked}).
 *   <li>A token that kept its period ({@link TokenType#ABBREVIATION}) ends a sentence only when it
 *       may ({@link Abbreviations.Kind#ANY}) and the next token is a capitalised common sentence
 *       starter ({@code The}, {@code It}, {@code But}, ...): {@code in the U.S. The next}, but
 *       {@code J. Smith} and {@code Dr. Who} stay together.
 *   <li>Decimals and dotted abbreviations never get here: the tokenizer keeps them whole.
 * </ol>
 */
final class SentenceBreaker {
  // Capitalised words that commonly open an English sentence; used only after an abbreviation
  // that may end one, where the capital letter alone is no evidence (names follow "Inc.", "J.").
  private static final Set<String> STARTERS = Set.of(
      "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
      "there", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "if", "when", "while", "after",
      "before", "however", "its", "his", "her", "their", "our", "my", "your", "then", "also", "for",
      "what", "why", "how", "who", "where", "some", "many", "most", "all", "no", "not", "one", "each",
      "both", "since", "although", "though", "because", "meanwhile", "still", "now", "here", "according");

  private CharSequence text;
  private boolean terminated;
  private boolean abbreviation;
  private int prevEnd;
  private int tokensInSentence;

  void reset(CharSequence text) {
    this.text = text;
    terminated = false;
    abbreviation = false;
    prevEnd = 0;
    tokensInSentence = 0;
  }

  /** Returns true when a sentence boundary falls between the previous token and the scanner's current one. */
  boolean breakBefore(TokenScanner s) {
    boolean brk = false;
    if (tokensInSentence > 0) {
      if (s.lineBreakBefore) {
        brk = true;
      } else if (terminated) {
        if (isCloser(s)) {
          brk = false;
        } else {
          brk = !startsLowerCase(s.start);
        }
      } else if (abbreviation) {
        brk = isStarter(s);
      }
    }
    boolean closerAfterTerminator = terminated && !brk && isCloser(s);
    terminated = closerAfterTerminator || s.type == TokenType.PUNCT && TokenScanner.isTerminator(text.charAt(s.start));
    abbreviation = s.type == TokenType.ABBREVIATION && s.abbreviationKind == Abbreviations.Kind.ANY;
    prevEnd = s.end;
    tokensInSentence = brk ? 1 : tokensInSentence + 1;
    return brk;
  }

  private boolean isCloser(TokenScanner s) {
    if (s.type != TokenType.PUNCT || s.end - s.start > 2) {
      return false;
    }
    char c = text.charAt(s.start);
    switch (c) {
      case ')': case ']': case '}': case '\u201D': case '\u2019': case '\u00BB': case '\u300D': case '\u300F':
      case '\uFF09':
        return true;
      case '"': case '\'':
        return s.start == prevEnd;
      default:
        return false;
    }
  }

  private boolean startsLowerCase(int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return c >= 'a' && c <= 'z';
    }
    return Character.isLowerCase(Character.codePointAt(text, i));
  }

  private boolean isStarter(TokenScanner s) {
    char c = text.charAt(s.start);
    if (!(c >= 'A' && c <= 'Z') || s.end - s.start > 12 || !s.type.isWordLike()) {
      return false;
    }
    return STARTERS.contains(text.subSequence(s.start, s.end).toString().toLowerCase(Locale.ROOT));
  }
}
