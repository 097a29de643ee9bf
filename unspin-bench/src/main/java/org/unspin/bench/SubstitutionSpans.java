package org.unspin.bench;

import java.util.List;
import org.unspin.channel.Substitution;
import org.unspin.restore.Candidate;
import org.unspin.restore.InputToken;

/**
 * Finds the token span of each substitution of a spun text, for the candidate evaluations: a
 * substitution is aligned when its spun span starts and ends on token edges, lies within one
 * sentence and has at most {@link Candidate#MAX_PHRASE} tokens. Substitutions must be asked in text
 * order. Not thread-safe.
 */
final class SubstitutionSpans {
  private final List<InputToken> toks;
  private final int[] sentenceOf;
  private int tk;

  /** {@code sentenceOf[i]}: the sentence number of token {@code i}. */
  SubstitutionSpans(List<InputToken> toks, int[] sentenceOf) {
    this.toks = toks;
    this.sentenceOf = sentenceOf;
  }

  /**
   * The span key {@code first token * 4 + length} of {@code sub}'s spun span, or -1 when it is not
   * aligned.
   */
  int key(Substitution sub) {
    while (tk < toks.size() && toks.get(tk).start() < sub.spunStart()) {
      tk++;
    }
    int first = tk;
    int last = first;
    while (last < toks.size() && toks.get(last).end() < sub.spunEnd()) {
      last++;
    }
    boolean aligned = first < toks.size() && last < toks.size() && toks.get(first).start() == sub.spunStart()
        && toks.get(last).end() == sub.spunEnd() && last - first < Candidate.MAX_PHRASE
        && sentenceOf[first] == sentenceOf[last];
    return aligned ? first * 4 + (last - first + 1) : -1;
  }
}
