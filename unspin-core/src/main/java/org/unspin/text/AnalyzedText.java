package org.unspin.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.unspin.api.TextSpan;

/**
 * The result of {@link Analyzer#analyze}: the input text, its tokens and its sentences. Tokens
 * live in parallel arrays (offsets, type, case pattern, normal and LM forms) and are read by index;
 * {@link #token(int)} and {@link #tokens()} give record views. All offsets are UTF-16 indexes into
 * {@link #text()}; tokens are in order, non-empty and non-overlapping, and every token belongs to
 * exactly one sentence. Immutable and thread-safe.
 */
public final class AnalyzedText {
  private final String text;
  private final int tokenCount;
  private final int[] starts;
  private final int[] ends;
  private final byte[] types;
  private final byte[] cases;
  private final String[] norms;
  private final String[] lmForms;
  private final int sentenceCount;
  private final int[] sentenceFirst;

  AnalyzedText(String text, int tokenCount, int[] starts, int[] ends, byte[] types, byte[] cases, String[] norms,
      String[] lmForms, int sentenceCount, int[] sentenceFirst) {
    this.text = text;
    this.tokenCount = tokenCount;
    this.starts = starts;
    this.ends = ends;
    this.types = types;
    this.cases = cases;
    this.norms = norms;
    this.lmForms = lmForms;
    this.sentenceCount = sentenceCount;
    this.sentenceFirst = sentenceFirst;
  }

  /** The analysed input. */
  public String text() {
    return text;
  }

  public int tokenCount() {
    return tokenCount;
  }

  public int start(int token) {
    Objects.checkIndex(token, tokenCount);
    return starts[token];
  }

  public int end(int token) {
    Objects.checkIndex(token, tokenCount);
    return ends[token];
  }

  public TokenType type(int token) {
    Objects.checkIndex(token, tokenCount);
    return TokenType.ofOrdinal(types[token]);
  }

  public CasePattern casePattern(int token) {
    Objects.checkIndex(token, tokenCount);
    return CasePattern.ofOrdinal(cases[token]);
  }

  /** The token's offsets as a span. */
  public TextSpan span(int token) {
    Objects.checkIndex(token, tokenCount);
    return new TextSpan(starts[token], ends[token]);
  }

  /** The token as written. */
  public String tokenText(int token) {
    Objects.checkIndex(token, tokenCount);
    return text.substring(starts[token], ends[token]);
  }

  public String norm(int token) {
    Objects.checkIndex(token, tokenCount);
    return norms[token];
  }

  public String lmForm(int token) {
    Objects.checkIndex(token, tokenCount);
    return lmForms[token];
  }

  /** The numeric value of a number or number word ({@code 2}, {@code two}, {@code 1,000}), else NaN. */
  public double numericValue(int token) {
    Objects.checkIndex(token, tokenCount);
    TokenType t = TokenType.ofOrdinal(types[token]);
    return t == TokenType.NUMBER || t.isWordLike() ? NumberWords.valueOf(norms[token]) : Double.NaN;
  }

  public Token token(int token) {
    Objects.checkIndex(token, tokenCount);
    return new Token(starts[token], ends[token], text.substring(starts[token], ends[token]), norms[token],
        lmForms[token], CasePattern.ofOrdinal(cases[token]), TokenType.ofOrdinal(types[token]));
  }

  /** Read-only list view of the tokens (records are created on access). */
  public List<Token> tokens() {
    return new AbstractList<>() {
      @Override
      public Token get(int index) {
        return token(index);
      }

      @Override
      public int size() {
        return tokenCount;
      }
    };
  }

  /**
   * Index of the token that contains char {@code offset}, or {@code -(insertion point) - 1} when
   * the offset falls between tokens (as {@link Arrays#binarySearch}).
   */
  public int tokenAt(int offset) {
    int i = Arrays.binarySearch(starts, 0, tokenCount, offset);
    if (i >= 0) {
      return i;
    }
    int before = -i - 2;
    if (before >= 0 && offset < ends[before]) {
      return before;
    }
    return i;
  }

  public int sentenceCount() {
    return sentenceCount;
  }

  public Sentence sentence(int index) {
    Objects.checkIndex(index, sentenceCount);
    int first = sentenceFirst[index];
    int next = index + 1 < sentenceCount ? sentenceFirst[index + 1] : tokenCount;
    return new Sentence(starts[first], ends[next - 1], first, next - first);
  }

  /** Index of the sentence that holds {@code token}. */
  public int sentenceOf(int token) {
    Objects.checkIndex(token, tokenCount);
    int i = Arrays.binarySearch(sentenceFirst, 0, sentenceCount, token);
    return i >= 0 ? i : -i - 2;
  }

  /** Read-only list view of the sentences. */
  public List<Sentence> sentences() {
    return new AbstractList<>() {
      @Override
      public Sentence get(int index) {
        return sentence(index);
      }

      @Override
      public int size() {
        return sentenceCount;
      }
    };
  }

  /** The LM forms of one sentence's tokens, in order (a fresh array). */
  public String[] lmForms(int sentence) {
    Sentence s = sentence(sentence);
    return Arrays.copyOfRange(lmForms, s.firstToken(), s.endToken());
  }
}
