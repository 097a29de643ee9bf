package org.unspin.text;

import java.util.Arrays;

/**
 * Turns running text into the word forms the language model is trained and queried on, sentence by
 * sentence. The LM form of a token is its normal form lower-cased (Locale.ROOT), with every ASCII
 * digit replaced by {@code 0}; punctuation marks are tokens of their own.
 *
 * <p>Tokens and sentences are exactly those of {@link Analyzer#english()} (so clitics are split
 * Penn Treebank style: {@code don't} gives {@code do n't}), and the forms are those of
 * {@link AnalyzedText#lmForm}; this class only skips building offsets, case patterns and normal
 * forms, and streams sentence by sentence without holding the text's tokens. Thread-safe.
 */
public final class LmText {
  private LmText() {}

  /** Calls {@code sink} once per sentence of {@code text}. */
  public static void forEachSentence(CharSequence text, LmSentenceSink sink) {
    TokenScanner scanner = new TokenScanner(Abbreviations.english());
    SentenceBreaker breaker = new SentenceBreaker();
    scanner.reset(text);
    breaker.reset(text);
    String[] buf = new String[64];
    char[] chars = new char[64];
    int count = 0;
    while (scanner.next()) {
      if (breaker.breakBefore(scanner) && count > 0) {
        sink.sentence(buf, count);
        count = 0;
      }
      if (count == buf.length) {
        buf = Arrays.copyOf(buf, count * 2);
      }
      buf[count++] = TextForms.lmForm(text, scanner.start, scanner.end, scanner.type, chars);
    }
    if (count > 0) {
      sink.sentence(buf, count);
    }
  }
}
