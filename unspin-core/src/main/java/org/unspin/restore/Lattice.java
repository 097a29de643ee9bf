package org.unspin.restore;

import java.util.Arrays;

/**
 * The choices for one sentence of {@code n} tokens: arcs from token position {@code from} to
 * {@code from + length}, each carrying 1 to {@link Candidate#MAX_SPAN} LM word ids (the original
 * phrase it stands for) and a log10 channel score. Positions run from 0 to {@code n}; a path is a
 * sequence of arcs from 0 to {@code n}. Arcs are stored in primitive arrays and reused across
 * sentences: {@link #reset} and refill, no per-arc objects.
 *
 * <p>Not thread-safe: one lattice per decoding thread.
 *
 * @lucene.internal shared between {@link Restorer} and {@link Decoder}; public for tests and tools.
 */
public final class Lattice {
  private int tokens;
  private int arcs;
  private int[] from = new int[64];
  private int[] length = new int[64];
  private int[] wordStart = new int[64];
  private int[] wordCount = new int[64];
  private float[] channel = new float[64];
  private int[] tag = new int[64];
  private int[] next = new int[64];
  private int[] words = new int[128];
  private int wordsUsed;
  private int[] first = new int[32];

  /** Empties the lattice for a sentence of {@code tokenCount} tokens. */
  public void reset(int tokenCount) {
    if (tokenCount < 0) {
      throw new IllegalArgumentException("tokenCount must be >= 0 (got " + tokenCount + ")");
    }
    tokens = tokenCount;
    arcs = 0;
    wordsUsed = 0;
    if (first.length < tokenCount + 1) {
      first = new int[Math.max(tokenCount + 1, first.length * 2)];
    }
    Arrays.fill(first, 0, tokenCount + 1, -1);
  }

  /**
   * Adds an arc over tokens {@code [from, from + length)} that emits {@code wordIds[0, count)}.
   *
   * @param channelScore log10 channel score, finite: a probability ({@code <= 0}), except where the
   *     restorer corrects the LM's score of a listed token it does not know (see {@code
   *     Restorer.unknownGap}), which may lift it above 0
   * @param arcTag caller's reference (e.g. a candidate index, -1 for the identity)
   * @return the arc's index
   */
  public int addArc(int arcFrom, int arcLength, int[] wordIds, int count, float channelScore, int arcTag) {
    if (arcFrom < 0 || arcLength < 1 || arcFrom + arcLength > tokens) {
      throw new IllegalArgumentException("arc [" + arcFrom + ", " + (arcFrom + arcLength) + ") outside [0, "
          + tokens + "]");
    }
    if (count < 1 || count > Candidate.MAX_SPAN) {
      throw new IllegalArgumentException("count must be in [1, " + Candidate.MAX_SPAN + "] (got " + count + ")");
    }
    if (!Float.isFinite(channelScore)) {
      throw new IllegalArgumentException("channelScore must be finite (got " + channelScore + ")");
    }
    if (arcs == from.length) {
      int cap = arcs * 2;
      from = Arrays.copyOf(from, cap);
      length = Arrays.copyOf(length, cap);
      wordStart = Arrays.copyOf(wordStart, cap);
      wordCount = Arrays.copyOf(wordCount, cap);
      channel = Arrays.copyOf(channel, cap);
      tag = Arrays.copyOf(tag, cap);
      next = Arrays.copyOf(next, cap);
    }
    if (wordsUsed + count > words.length) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, wordsUsed + count));
    }
    int a = arcs++;
    from[a] = arcFrom;
    length[a] = arcLength;
    wordStart[a] = wordsUsed;
    wordCount[a] = count;
    System.arraycopy(wordIds, 0, words, wordsUsed, count);
    wordsUsed += count;
    channel[a] = channelScore;
    tag[a] = arcTag;
    next[a] = first[arcFrom];
    first[arcFrom] = a;
    return a;
  }

  /** Number of tokens (the last position). */
  public int tokens() {
    return tokens;
  }

  /** Number of arcs. */
  public int arcs() {
    return arcs;
  }

  /** The first arc leaving {@code position}, or -1; continue with {@link #nextArc}. */
  public int firstArc(int position) {
    return first[position];
  }

  /** The next arc leaving the same position as {@code arc}, or -1. */
  public int nextArc(int arc) {
    return next[arc];
  }

  public int from(int arc) {
    return from[arc];
  }

  public int length(int arc) {
    return length[arc];
  }

  /** Position after the arc. */
  public int to(int arc) {
    return from[arc] + length[arc];
  }

  public int wordCount(int arc) {
    return wordCount[arc];
  }

  /** The {@code k}-th word id of {@code arc}. */
  public int word(int arc, int k) {
    return words[wordStart[arc] + k];
  }

  public float channel(int arc) {
    return channel[arc];
  }

  public int tag(int arc) {
    return tag[arc];
  }
}
