package org.unspin.text;

/**
 * One sentence of an {@link AnalyzedText}: tokens {@code [firstToken, firstToken + tokenCount)}.
 *
 * @param start offset of the first token's first char
 * @param end offset after the last token's last char
 * @param firstToken index of the first token
 * @param tokenCount number of tokens, {@code >= 1}
 */
public record Sentence(int start, int end, int firstToken, int tokenCount) {
  public Sentence {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("need 0 <= start < end (got start=" + start + ", end=" + end + ")");
    }
    if (firstToken < 0) {
      throw new IllegalArgumentException("firstToken must be >= 0 (got " + firstToken + ")");
    }
    if (tokenCount < 1) {
      throw new IllegalArgumentException("tokenCount must be >= 1 (got " + tokenCount + ")");
    }
  }

  /** Index after the last token. */
  public int endToken() {
    return firstToken + tokenCount;
  }
}
